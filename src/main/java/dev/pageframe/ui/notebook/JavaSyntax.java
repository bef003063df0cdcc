package dev.pageframe.ui.notebook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A small Java tokenizer for cell highlighting: keywords, literals, comments, annotations, type names and
 * kernel API names. It never fails: unterminated strings and comments run to the end of the line or text.
 */
public final class JavaSyntax {
    /** What a token is; {@link #styleClass()} is the CSS class the editor gives it. */
    public enum Kind {
        KEYWORD("kw"), TYPE("type"), STRING("str"), NUMBER("num"), COMMENT("cmt"), ANNOTATION("ann"),
        KERNEL_API("api"), IDENTIFIER("ident"), OTHER("punct");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    /** A token covering {@code [start, end)}. */
    public record Token(Kind kind, int start, int end) {}

    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record", "yield", "sealed",
            "permits", "non-sealed", "true", "false", "null");

    private final Predicate<String> kernelName;

    public JavaSyntax(Predicate<String> kernelName) {
        this.kernelName = kernelName;
    }

    /** Highlighting with the engine's kernel names. */
    public static JavaSyntax forKernel() {
        return new JavaSyntax(KernelNames::isKernelName);
    }

    public List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                out.add(new Token(Kind.COMMENT, start, i));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.add(new Token(Kind.COMMENT, start, i));
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                int close = s.indexOf("\"\"\"", i + 3);
                i = close < 0 ? n : close + 3;
                out.add(new Token(Kind.STRING, start, i));
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    i += s.charAt(i) == '\\' && i + 1 < n ? 2 : 1;
                }
                i = Math.min(n, i + 1);
                out.add(new Token(Kind.STRING, start, i));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
                        || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                        && !s.startsWith("0x", start) && !s.startsWith("0X", start)))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, start, i));
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(s.charAt(i + 1))) {
                i++;
                while (i < n && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.ANNOTATION, start, i));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                Kind kind;
                if (KEYWORDS.contains(word)) {
                    kind = Kind.KEYWORD;
                } else if (kernelName.test(word)) {
                    kind = Kind.KERNEL_API;
                } else if (Character.isUpperCase(word.charAt(0)) && !word.equals(word.toUpperCase())) {
                    kind = Kind.TYPE;
                } else {
                    kind = Kind.IDENTIFIER;
                }
                out.add(new Token(kind, start, i));
            } else {
                i++;
                out.add(new Token(Kind.OTHER, start, i));
            }
        }
        return out;
    }

    /** Style spans for a CodeArea: one CSS class per token, none between tokens. */
    public StyleSpans<Collection<String>> styleSpans(String text) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        for (Token t : tokenize(text)) {
            if (t.kind() == Kind.OTHER || t.kind() == Kind.IDENTIFIER) {
                continue;
            }
            if (t.start() > at) {
                b.add(List.of(), t.start() - at);
            }
            b.add(List.of(t.kind().styleClass()), t.end() - t.start());
            at = t.end();
        }
        b.add(List.of(), text.length() - at);
        return b.create();
    }

    /** The identifier around {@code offset} (touching it on either side), or null. */
    public static Word wordAt(String text, int offset) {
        int n = text.length();
        int start = Math.max(0, Math.min(offset, n));
        int end = start;
        while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        if (start == end || !Character.isJavaIdentifierStart(text.charAt(start))) {
            return null;
        }
        return new Word(text.substring(start, end), start, end);
    }

    /** An identifier and where it is. */
    public record Word(String text, int start, int end) {}
}
