package dev.pageframe.execution.display;

/** The text/html form of a table: a plain, escaped {@code <table>} that Jupyter front ends style themselves. */
final class HtmlTable {

    /** Rows written to HTML; past this a browser slows down for little gain. */
    static final int MAX_ROWS = 1000;

    private HtmlTable() {}

    static String of(Table table) {
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"pageframe-table\">\n");
        if (!table.title().isEmpty()) {
            b.append("<caption>");
            SvgWriter.escape(table.title(), b);
            b.append("</caption>\n");
        }
        int n = table.columns().size();
        boolean[] numeric = new boolean[n];
        b.append("<thead>\n<tr>");
        for (int c = 0; c < n; c++) {
            numeric[c] = table.numeric(c);
            b.append(numeric[c] ? "<th style=\"text-align: right\">" : "<th style=\"text-align: left\">");
            SvgWriter.escape(table.columns().get(c).header(), b);
            b.append("</th>");
        }
        b.append("</tr>\n</thead>\n<tbody>\n");
        int shown = Math.min(MAX_ROWS, table.rows().size());
        for (int r = 0; r < shown; r++) {
            b.append("<tr>");
            for (int c = 0; c < n; c++) {
                b.append(numeric[c] ? "<td style=\"text-align: right\">" : "<td style=\"text-align: left\">");
                SvgWriter.escape(table.text(r, c), b);
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        int rest = table.rows().size() - shown;
        if (rest > 0) {
            b.append("<p>… ").append(Unit.plain(rest)).append(" more rows</p>\n");
        }
        return b.toString();
    }
}
