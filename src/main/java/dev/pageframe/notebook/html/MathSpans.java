package dev.pageframe.notebook.html;

/**
 * Keeps TeX in markdown as written. Jupyter takes {@code $...$} and {@code $$...$$} out of a cell before its markdown
 * parser runs and typesets them; Pageframe has no typesetter (nothing runs script, nothing loads from the network),
 * so it shows the TeX as text, and a CommonMark parser would otherwise read it as markdown: {@code \{} loses its
 * backslash, {@code \\} becomes one, {@code 2*3*4} turns emphasis. Inside such spans, outside code, every ASCII
 * punctuation character is backslash-escaped, which CommonMark renders as that character: the text shows unchanged.
 */
public final class MathSpans {
    private MathSpans() {}

    /** {@code markdown} with the punctuation of its math spans escaped; code blocks and code spans are left alone. */
    public static String protect(String markdown) {
        if (markdown.indexOf('$') < 0) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 32);
        StringBuilder prose = new StringBuilder();
        String fence = null;
        for (String line : markdown.split("(?<=\n)", -1)) {
            String trimmed = line.stripLeading();
            boolean indentedAtMost3 = line.length() - trimmed.length() <= 3;
            if (fence == null && indentedAtMost3 && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                out.append(escapeMath(prose.toString()));
                prose.setLength(0);
                fence = trimmed.substring(0, run(trimmed, 0));
                out.append(line);
            } else if (fence != null) {
                out.append(line);
                if (indentedAtMost3 && trimmed.startsWith(fence) && trimmed.substring(run(trimmed, 0)).isBlank()) {
                    fence = null;
                }
            } else {
                prose.append(line);
            }
        }
        out.append(escapeMath(prose.toString()));
        return out.toString();
    }

    /** Length of the run of {@code s.charAt(from)} starting there. */
    private static int run(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == s.charAt(from)) {
            i++;
        }
        return i - from;
    }

    private static String escapeMath(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                // A code span runs to the next run of as many backticks; without one the backticks are text.
                int n = run(text, i);
                int close = closingBackticks(text, i + n, n);
                int end = close < 0 ? i + n : close + n;
                out.append(text, i, end);
                i = end;
            } else if (c == '$') {
                boolean display = i + 1 < text.length() && text.charAt(i + 1) == '$';
                String delimiter = display ? "$$" : "$";
                int close = closingDollar(text, i + delimiter.length(), display);
                if (close < 0) {
                    out.append(delimiter);
                    i += delimiter.length();
                    continue;
                }
                out.append(delimiter);
                escapePunctuation(text, i + delimiter.length(), close, out);
                out.append(delimiter);
                i = close + delimiter.length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingBackticks(String text, int from, int n) {
        for (int j = text.indexOf('`', from); j >= 0; j = text.indexOf('`', j + 1)) {
            int len = run(text, j);
            if (len == n) {
                return j;
            }
            j += len - 1;
        }
        return -1;
    }

    /**
     * Where the span closes: the next unescaped {@code $$} for display math; for inline math the next unescaped
     * {@code $}, not past a blank line (the end of the paragraph) and not right after a space, so "$5 and $10" in
     * prose pairs only where TeX would. -1 when it does not close.
     */
    private static int closingDollar(String text, int from, boolean display) {
        if (!display && (from >= text.length() || Character.isWhitespace(text.charAt(from)))) {
            return -1;
        }
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && !display && text.startsWith("\n", j + 1 + countSpaces(text, j + 1))) {
                return -1;
            } else if (c == '$') {
                if (display) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == '$') {
                        return j == from ? -1 : j;
                    }
                } else {
                    return Character.isWhitespace(text.charAt(j - 1)) ? -1 : j;
                }
            }
        }
        return -1;
    }

    private static int countSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i - from;
    }

    private static void escapePunctuation(String text, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            char c = text.charAt(j);
            if (c < 128 && isPunctuation(c)) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** CommonMark's ASCII punctuation: the characters a backslash may escape. */
    private static boolean isPunctuation(char c) {
        return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }
}
