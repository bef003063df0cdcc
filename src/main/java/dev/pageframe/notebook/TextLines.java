package dev.pageframe.notebook;

import java.util.ArrayList;
import java.util.List;

/** Multi-line text helpers that follow Python's rules, since Jupyter's writer is Python. */
final class TextLines {
    private TextLines() {}

    /**
     * Python's {@code str.splitlines(True)}: splits after every line boundary Python knows, not only
     * after '\n', because a file must split exactly where Jupyter's writer splits to be byte-identical.
     */
    static List<String> splitKeepEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\r') {
                end = (i + 1 < n && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
            } else if (isPythonLineBreak(c)) {
                end = i + 1;
            }
            if (end >= 0) {
                lines.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Python's {@code str.splitlines()} without the line ends. */
    static List<String> splitDropEnds(String text) {
        List<String> kept = splitKeepEnds(text);
        List<String> out = new ArrayList<>(kept.size());
        for (String line : kept) {
            int end = line.length();
            if (end >= 2 && line.charAt(end - 2) == '\r' && line.charAt(end - 1) == '\n') {
                end -= 2;
            } else if (end >= 1 && (line.charAt(end - 1) == '\r' || isPythonLineBreak(line.charAt(end - 1)))) {
                end -= 1;
            }
            out.add(line.substring(0, end));
        }
        return out;
    }

    private static boolean isPythonLineBreak(char c) {
        return switch (c) {
            case '\n', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
