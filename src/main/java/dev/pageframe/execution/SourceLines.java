package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Line and column lookup for a cell's source text (1-based, lines split at '\n'). */
final class SourceLines {
    private final String text;
    private final int[] lineStarts;

    SourceLines(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line containing {@code offset} (clamped into the text). */
    int line(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** The 1-based column of {@code offset} within its line. */
    int column(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return clamped - lineStarts[line(clamped) - 1] + 1;
    }

    /** The text of a 1-based line, without its line terminator. */
    String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        String content = text.substring(start, Math.max(start, end));
        return content.endsWith("\r") ? content.substring(0, content.length() - 1) : content;
    }
}
