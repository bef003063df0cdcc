package dev.pageframe.notebook.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one tokenizer for Java and JShell snippets: the HTML export, the desktop editor
 * ({@code ui.notebook.JavaSyntax}) and Java blocks in the docs ({@code ui.markdown.CodeHighlighter})
 * all colour code by its tokens. It never fails: unterminated strings, text blocks and comments simply run to the end of the
 * line or of the text, as an editor needs while the user is typing.
 *
 * <p>{@link #tokenize} returns tokens in order, without overlaps; every character not covered by a token
 * is whitespace. Identifiers named in the kernel-name set (e.g. {@code kmalloc}, {@code GFP_KERNEL}) get
 * their own kind so the simulated kernel's API stands out from plain Java.
 */
public final class JavaHighlighter {

    /** What a token is. */
    public enum Kind {
        /** A reserved or contextual keyword (primitive types included), {@code @interface}, or true, false and null. */
        KEYWORD("kw"),
        /** A capitalised name such as {@code String} or {@code List}. */
        TYPE("ty"),
        /** A name from the kernel API set, such as {@code __get_free_pages} or {@code GFP_KERNEL}. */
        KERNEL_API("kapi"),
        /** Any other name. */
        IDENTIFIER("id"),
        /** A string literal or a text block, quotes included. */
        STRING("str"),
        /** A character literal, quotes included. */
        CHAR("chr"),
        /** A numeric literal: decimal, hex, octal or binary, with underscores, exponent and suffix. */
        NUMBER("num"),
        /** A line, block or doc comment. */
        COMMENT("com"),
        /** An annotation such as {@code @Override} or {@code @java.lang.Deprecated}. */
        ANNOTATION("ann"),
        /** An operator or punctuation: {@code ( ) { } ; , . + -> ::} and so on. */
        OPERATOR("op"),
        /** A character that is none of the above, e.g. a stray {@code #} or {@code \}. */
        OTHER("other");

        private final String cssSuffix;

        Kind(String cssSuffix) {
            this.cssSuffix = cssSuffix;
        }

        /** The CSS class for this kind, e.g. {@code tok-kw}; the export's stylesheet styles these. */
        public String cssClass() {
            return "tok-" + cssSuffix;
        }
    }

    /**
     * One token: {@code text.substring(start, end)} is of kind {@code kind}.
     *
     * @param kind  what the token is
     * @param start index of its first char
     * @param end   index after its last char
     */
    public record Token(Kind kind, int start, int end) {
        /** Checks {@code 0 <= start < end}. */
        public Token {
            Objects.requireNonNull(kind, "kind");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad token range " + start + ".." + end);
            }
        }

        /** The token's text within {@code source}. */
        public String text(CharSequence source) {
            return source.subSequence(start, end).toString();
        }

        /** Its length in chars. */
        public int length() {
            return end - start;
        }
    }

    /** Java's reserved keywords plus the contextual ones that usually read as keywords in a snippet. */
    public static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default", "do",
            "else", "enum", "extends", "final", "finally", "for", "goto", "if", "implements", "import",
            "instanceof", "interface", "native", "new", "package", "private", "protected", "public", "return",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient",
            "try", "volatile", "while", "true", "false", "null",
            "var", "record", "yield", "sealed", "permits", "non-sealed", "when", "module", "exports", "requires",
            "opens", "uses", "provides", "to", "with", "open", "transitive");

    /** Contextual keywords that are only highlighted where they cannot be plain names. */
    private static final Set<String> CONTEXTUAL = Set.of("module", "exports", "requires", "opens", "uses", "provides",
            "to", "with", "open", "transitive", "when");

    /** The primitive types and void, highlighted as keywords (the JLS lists them among the keywords). */
    public static final Set<String> PRIMITIVES = Set.of(
            "boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    private final Set<String> kernelNames;

    /**
     * A highlighter that marks {@code kernelNames} as {@link Kind#KERNEL_API}; the app and the CLI pass
     * the names read from the cell API ({@code execution.cells.CellNames}), so no list is typed twice.
     */
    public JavaHighlighter(Set<String> kernelNames) {
        this.kernelNames = Set.copyOf(kernelNames);
    }

    /** The kernel names this highlighter marks. */
    public Set<String> kernelNames() {
        return kernelNames;
    }

    /** The tokens of {@code source}, in order, without overlaps; what lies between them is whitespace. */
    public List<Token> tokenize(String source) {
        return new Scanner(source).scan();
    }

    /**
     * Whether {@code token}, one of {@code source}'s, reaches its closing delimiter: a string, text block,
     * character literal or block comment that does not runs to the end of its line or of the text (see the
     * class comment). Other tokens are always closed.
     */
    public static boolean closed(String source, Token token) {
        String text = token.text(source);
        return switch (token.kind()) {
            case STRING -> text.startsWith("\"\"\"") ? closedBy(text, 3, "\"\"\"") : closedBy(text, 1, "\"");
            case CHAR -> closedBy(text, 1, "'");
            case COMMENT -> !text.startsWith("/*") || text.length() >= 4 && text.endsWith("*/");
            default -> true;
        };
    }

    /** Whether a literal with an {@code opening} quote this long ends with an unescaped {@code quote}. */
    private static boolean closedBy(String literal, int opening, String quote) {
        if (literal.length() < opening + quote.length() || !literal.endsWith(quote)) {
            return false;
        }
        int backslashes = 0;
        for (int j = literal.length() - quote.length() - 1; j >= opening && literal.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 0; // an odd run escapes the quote, which then did not close the literal
    }

    /**
     * {@code source} as HTML: text escaped, every token but identifiers and operators wrapped in
     * {@code <span class="tok-...">}. Line breaks are kept, so the result belongs in a {@code <pre>}.
     */
    public String toHtml(String source) {
        StringBuilder out = new StringBuilder(source.length() + source.length() / 2);
        int pos = 0;
        for (Token t : tokenize(source)) {
            Html.escapeText(source, pos, t.start(), out);
            if (t.kind() == Kind.IDENTIFIER || t.kind() == Kind.OPERATOR) {
                Html.escapeText(source, t.start(), t.end(), out);
            } else {
                int mark = out.length();
                out.append("<span class=\"").append(t.kind().cssClass()).append("\">");
                int textStart = out.length();
                Html.escapeText(source, t.start(), t.end(), out);
                if (out.length() == textStart) {
                    out.setLength(mark); // only control characters, which HTML does not show
                } else {
                    out.append("</span>");
                }
            }
            pos = t.end();
        }
        Html.escapeText(source, pos, source.length(), out);
        return out.toString();
    }

    /** One pass over one text. */
    private final class Scanner {
        private final String s;
        private final int n;
        private final List<Token> tokens = new ArrayList<>();
        private int i;

        Scanner(String s) {
            this.s = s;
            this.n = s.length();
        }

        List<Token> scan() {
            while (i < n) {
                char c = s.charAt(i);
                int start = i;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '/' && peek(1) == '/') {
                    i = lineEnd(i);
                    add(Kind.COMMENT, start);
                } else if (c == '/' && peek(1) == '*') {
                    int close = s.indexOf("*/", i + 2);
                    i = close < 0 ? n : close + 2;
                    add(Kind.COMMENT, start);
                } else if (c == '"' && peek(1) == '"' && peek(2) == '"') {
                    textBlock();
                    add(Kind.STRING, start);
                } else if (c == '"') {
                    quoted('"');
                    add(Kind.STRING, start);
                } else if (c == '\'') {
                    quoted('\'');
                    add(Kind.CHAR, start);
                } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                    number();
                    add(Kind.NUMBER, start);
                } else if (c == '@') {
                    annotation();
                } else if (Character.isJavaIdentifierStart(s.codePointAt(i))) {
                    word();
                } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                    operator();
                    add(Kind.OPERATOR, start);
                } else {
                    i += Character.charCount(s.codePointAt(i));
                    add(Kind.OTHER, start);
                }
            }
            return List.copyOf(tokens);
        }

        private void add(Kind kind, int start) {
            tokens.add(new Token(kind, start, i));
        }

        private char peek(int ahead) {
            int at = i + ahead;
            return at < n ? s.charAt(at) : '\0';
        }

        private int lineEnd(int from) {
            int j = from;
            while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                j++;
            }
            return j;
        }

        /** A string or char literal; unterminated ones end at the line's end. */
        private void quoted(char quote) {
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += i + 1 < n && s.charAt(i + 1) != '\n' && s.charAt(i + 1) != '\r' ? 2 : 1;
                } else if (c == quote) {
                    i++;
                    return;
                } else if (c == '\n' || c == '\r') {
                    return;
                } else {
                    i++;
                }
            }
        }

        /** A text block from its opening to its closing triple quote, or to the end of the text. */
        private void textBlock() {
            i += 3;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i = Math.min(n, i + 2);
                } else if (c == '"' && peek(1) == '"' && peek(2) == '"') {
                    i += 3;
                    return;
                } else {
                    i++;
                }
            }
        }

        private void number() {
            char c = s.charAt(i);
            if (c == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
                i += 2;
                digits(JavaHighlighter::isHexDigit);
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    digits(JavaHighlighter::isHexDigit);
                }
                if (i < n && (s.charAt(i) == 'p' || s.charAt(i) == 'P')) {
                    exponent();
                }
            } else if (c == '0' && (peek(1) == 'b' || peek(1) == 'B')) {
                i += 2;
                digits(ch -> ch == '0' || ch == '1');
            } else {
                digits(JavaHighlighter::isDigit);
                if (i < n && s.charAt(i) == '.' && (i + 1 >= n || isDigit(s.charAt(i + 1))
                        || !Character.isJavaIdentifierStart(s.charAt(i + 1)) && s.charAt(i + 1) != '.')) {
                    i++;
                    digits(JavaHighlighter::isDigit);
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    exponent();
                }
            }
            if (i < n && "lLfFdD".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private void exponent() {
            int save = i;
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i < n && isDigit(s.charAt(i))) {
                digits(JavaHighlighter::isDigit);
            } else {
                i = save;
            }
        }

        private void digits(CharTest test) {
            while (i < n && (test.test(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }

        /** {@code @Name}, {@code @a.b.Name} or {@code @interface}; a lone {@code @} is an operator. */
        private void annotation() {
            int start = i;
            i++;
            if (i >= n || !Character.isJavaIdentifierStart(s.codePointAt(i))) {
                add(Kind.OPERATOR, start);
                return;
            }
            identifier();
            if (s.startsWith("interface", start + 1) && i - start == 10) {
                add(Kind.KEYWORD, start);
                return;
            }
            while (i + 1 < n && s.charAt(i) == '.' && Character.isJavaIdentifierStart(s.codePointAt(i + 1))) {
                i++;
                identifier();
            }
            add(Kind.ANNOTATION, start);
        }

        private void identifier() {
            while (i < n && Character.isJavaIdentifierPart(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
        }

        private void word() {
            int start = i;
            identifier();
            String w = s.substring(start, i);
            if (w.equals("non") && s.startsWith("-sealed", i)
                    && (i + 7 >= n || !Character.isJavaIdentifierPart(s.charAt(i + 7)))) {
                i += 7;
                add(Kind.KEYWORD, start);
            } else if (kernelNames.contains(w)) {
                add(Kind.KERNEL_API, start);
            } else if (PRIMITIVES.contains(w)) {
                add(Kind.KEYWORD, start);
            } else if (KEYWORDS.contains(w) && !CONTEXTUAL.contains(w) && !isMemberName(start)) {
                add(Kind.KEYWORD, start);
            } else if (isTypeName(w)) {
                add(Kind.TYPE, start);
            } else {
                add(Kind.IDENTIFIER, start);
            }
        }

        /** True after a dot: {@code list.record} or {@code x.var} name members, not keywords. */
        private boolean isMemberName(int start) {
            int j = start - 1;
            while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
                j--;
            }
            if (j < 0 || s.charAt(j) != '.') {
                return false;
            }
            String w = s.substring(start, i);
            // this, super, class and new keep their meaning after a dot (Outer.this, Foo.class, outer.new Inner()).
            return !(w.equals("this") || w.equals("super") || w.equals("class") || w.equals("new"));
        }

        private void operator() {
            for (String op : MULTI_CHAR_OPERATORS) {
                if (s.startsWith(op, i)) {
                    i += op.length();
                    return;
                }
            }
            i++;
        }
    }

    /** Longest first, so {@code >>>=} wins over {@code >>}. */
    private static final List<String> MULTI_CHAR_OPERATORS = List.of(
            ">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>");

    private static final String OPERATOR_CHARS = "(){}[];,.=<>!~?:+-*/&|^%";

    @FunctionalInterface
    private interface CharTest {
        boolean test(char c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** {@code String}, {@code ArrayList}, {@code T}: capitalised and not an ALL_CAPS constant. */
    private static boolean isTypeName(String w) {
        if (!Character.isUpperCase(w.codePointAt(0))) {
            return false;
        }
        if (w.length() == 1) {
            return true;
        }
        for (int k = 1; k < w.length(); k++) {
            if (Character.isLowerCase(w.charAt(k))) {
                return true;
            }
        }
        return false;
    }
}
