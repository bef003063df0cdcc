package dev.pageframe.notebook.html;

/** Escaping for HTML text and attribute values. */
final class Html {
    private Html() {}

    /** {@code s} escaped for use as element text. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escapeText(s, 0, s.length(), out);
        return out.toString();
    }

    /**
     * Appends {@code s[from, to)} escaped as element text. Control characters that HTML forbids or that
     * render as nothing (all C0 controls but tab, line feed and form feed, and DEL) are dropped, as a
     * carriage return is turned into a line feed unless one follows.
     */
    static void escapeText(CharSequence s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> {
                    if (i + 1 >= to || s.charAt(i + 1) != '\n') {
                        out.append('\n');
                    }
                }
                default -> {
                    if (!isDroppedControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** {@code s} escaped for use inside a double-quoted attribute value. */
    static String attr(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (!isDroppedControl(c) || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** C0 controls other than tab, line feed, form feed and carriage return, and DEL. */
    static boolean isDroppedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7f;
    }
}
