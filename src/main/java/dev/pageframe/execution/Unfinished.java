package dev.pageframe.execution;

/** Names what a snippet JShell could not make anything of leaves open, in javac's words. */
final class Unfinished {
    private Unfinished() {}

    /** "unclosed comment", "unclosed text block", ... for text that ends inside one of them. */
    static String describe(String source) {
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int eol = source.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                if (close < 0) {
                    return "unclosed comment";
                }
                i = close + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = closing(source, i + 3, "\"\"\"");
                if (close < 0) {
                    return "unclosed text block";
                }
                i = close + 3;
            } else if (c == '"' || c == '\'') {
                int close = closing(source, i + 1, String.valueOf(c));
                if (close < 0) {
                    return c == '"' ? "unclosed string literal" : "unclosed character literal";
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return "this code is incomplete: the compiler found no statement, expression or declaration in it";
    }

    /** Where {@code quote} next occurs unescaped from {@code from}, or -1. */
    private static int closing(String source, int from, String quote) {
        for (int i = from; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.startsWith(quote, i)) {
                return i;
            }
        }
        return -1;
    }
}
