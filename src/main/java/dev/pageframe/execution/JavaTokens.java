package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cell's Java tokens, without whitespace, comments, or the contents of string, text-block and character
 * literals: enough to tell where a name is really mentioned, and where a top-level statement ends.
 */
final class JavaTokens {
    /** One token: an identifier or keyword, a literal, or an operator or separator. */
    record Token(String text, int offset, boolean word) {
        boolean is(String symbol) {
            return text.equals(symbol);
        }
    }

    /** The words javac reserves, and the contextual ones (var, record, yield) that cannot name a type here. */
    static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits", "non");

    static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    private static final List<String> LONG_SYMBOLS = List.of("->", "::", "==", "...");

    private JavaTokens() {}

    /**
     * The tokens of {@code text}. An unterminated comment or literal ends the text (see {@link #wellFormed}).
     */
    static List<Token> of(String text) {
        return scan(text, new boolean[1]);
    }

    /**
     * Whether every comment and literal of {@code text} ends where javac would end it (a string or character
     * literal on its line): where one does not, javac and this scan could disagree about what is code.
     */
    static boolean wellFormed(String text) {
        boolean[] broken = new boolean[1];
        scan(text, broken);
        return !broken[0];
    }

    private static List<Token> scan(String text, boolean[] broken) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                broken[0] |= close < 0;
                i = close < 0 ? n : close + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = closing(text, i + 3, "\"\"\"");
                broken[0] |= end < 0;
                tokens.add(new Token("\"\"\"", i, false));
                i = end < 0 ? n : end;
            } else if (c == '"' || c == '\'') {
                int end = closing(text, i + 1, String.valueOf(c));
                // javac ends a string or character literal at its line's end.
                broken[0] |= end < 0 || text.substring(i, end).chars().anyMatch(ch -> ch == '\n' || ch == '\r');
                tokens.add(new Token(String.valueOf(c), i, false));
                i = end < 0 ? n : end;
            } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                // A number is read like a word (1L, 0x1F, 1_000); it never equals a name.
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), start, Character.isJavaIdentifierStart(c)));
            } else {
                String symbol = String.valueOf(c);
                for (String longer : LONG_SYMBOLS) {
                    if (text.startsWith(longer, i)) {
                        symbol = longer;
                        break;
                    }
                }
                tokens.add(new Token(symbol, i, false));
                i += symbol.length();
            }
        }
        return tokens;
    }

    /** Where a literal opened before {@code from} ends: after its unescaped {@code quote}, or -1 if it does not. */
    private static int closing(String text, int from, String quote) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '\\') {
                i += 2;
            } else if (text.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * The cell's top-level statements and declarations, as token index ranges [from, to): each ends after a
     * semicolon outside any bracket, or after a closing brace that leaves all brackets unless the statement
     * goes on ({@code else}, {@code catch}, a call on an anonymous object...). Never finer than JShell's
     * snippets where it matters: a run that is not split here stays one unit, which only makes the analysis
     * more careful.
     */
    static List<int[]> statements(List<Token> tokens) {
        List<int[]> statements = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            switch (t) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            boolean ends = depth == 0 && (t.equals(";") || t.equals("}") && startsStatement(tokens, i + 1));
            if (ends) {
                statements.add(new int[] {from, i + 1});
                from = i + 1;
            }
        }
        if (from < tokens.size()) {
            statements.add(new int[] {from, tokens.size()});
        }
        return statements;
    }

    /** Whether the token at {@code i}, after a closing brace, begins a new statement: a word that continues none. */
    private static boolean startsStatement(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return true;
        }
        Token next = tokens.get(i);
        return next.word() && !Set.of("else", "catch", "finally", "while", "instanceof").contains(next.text());
    }
}
