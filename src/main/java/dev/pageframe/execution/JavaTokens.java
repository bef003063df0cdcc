package dev.pageframe.execution;

import dev.pageframe.notebook.html.JavaHighlighter;
import dev.pageframe.notebook.html.JavaHighlighter.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cell's Java tokens as the dead-variable analysis reads them: the highlighter's tokens
 * ({@link JavaHighlighter#tokenize}, the one Java tokenizer) without comments, and with a literal's contents
 * dropped: enough to tell where a name is really mentioned, and where a top-level statement ends.
 */
final class JavaTokens {
    /** One token: a word (name or keyword), a literal (its opening quote only), an operator or separator. */
    record Token(String text, int offset, Kind kind) {
        boolean is(String symbol) {
            return text.equals(symbol);
        }

        /** A name or a keyword. */
        boolean word() {
            return kind == Kind.KEYWORD || kind == Kind.TYPE || kind == Kind.KERNEL_API || kind == Kind.IDENTIFIER;
        }

        /** A keyword as the highlighter marks one (primitive types, void, var and record included): never a name here. */
        boolean keyword() {
            return kind == Kind.KEYWORD;
        }

        /** A primitive type: the highlighter's primitives but {@code void}, which no variable has. */
        boolean primitiveType() {
            return JavaHighlighter.PRIMITIVES.contains(text) && !is("void");
        }
    }

    private static final JavaHighlighter HIGHLIGHTER = new JavaHighlighter(Set.of());

    private JavaTokens() {}

    /** The tokens of {@code text}. */
    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        for (JavaHighlighter.Token t : HIGHLIGHTER.tokenize(text)) {
            String token = t.text(text);
            switch (t.kind()) {
                case COMMENT -> { }
                case STRING, CHAR -> tokens.add(new Token(token.startsWith("\"\"\"") ? "\"\"\"" : token.substring(0, 1),
                        t.start(), t.kind()));
                case KEYWORD -> {
                    // One token to the highlighter, several to javac's lexer.
                    if (token.equals("@interface")) {
                        tokens.add(new Token("@", t.start(), Kind.OPERATOR));
                        tokens.add(new Token("interface", t.start() + 1, Kind.KEYWORD));
                    } else if (token.equals("non-sealed")) {
                        tokens.add(new Token("non", t.start(), Kind.KEYWORD));
                        tokens.add(new Token("-", t.start() + 3, Kind.OPERATOR));
                        tokens.add(new Token("sealed", t.start() + 4, Kind.KEYWORD));
                    } else {
                        tokens.add(new Token(token, t.start(), Kind.KEYWORD));
                    }
                }
                case OPERATOR -> {
                    if (token.chars().allMatch(c -> c == '>')) {
                        // The highlighter reads >> as a shift; in a type (List<List<T>>) it closes two arguments.
                        for (int k = 0; k < token.length(); k++) {
                            tokens.add(new Token(">", t.start() + k, Kind.OPERATOR));
                        }
                    } else {
                        tokens.add(new Token(token, t.start(), Kind.OPERATOR));
                    }
                }
                default -> tokens.add(new Token(token, t.start(), t.kind()));
            }
        }
        return tokens;
    }

    /**
     * Whether every comment and literal of {@code text} ends where javac would end it (a string or character
     * literal on its line): where one does not, javac and this reading could disagree about what is code.
     */
    static boolean wellFormed(String text) {
        return HIGHLIGHTER.tokenize(text).stream().allMatch(t -> JavaHighlighter.closed(text, t));
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
