package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/** Lays out rows of text in aligned columns, as a terminal table reads. */
final class TextTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers, boolean[] rightAligned) {
        this.headers = headers;
        this.rightAligned = rightAligned.clone();
    }

    TextTable row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    /** Header, a dashed rule, then the rows; columns two spaces apart, no trailing spaces. */
    String render(String indent) {
        int n = headers.size();
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, headers, widths);
        List<String> rule = new ArrayList<>(n);
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, indent, rule, widths);
        for (List<String> row : rows) {
            line(out, indent, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, String indent, List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            int pad = widths[c] - width(cell);
            if (c > 0) {
                b.append("  ");
            }
            if (rightAligned[c]) {
                b.append(" ".repeat(pad)).append(cell);
            } else {
                b.append(cell).append(" ".repeat(pad));
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(b, 0, end).append('\n');
    }

    /** Columns a string takes on a terminal; the symbols used here (µ, –, blocks) are one column each. */
    static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
