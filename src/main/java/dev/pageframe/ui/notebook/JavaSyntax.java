package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.html.JavaHighlighter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Cell highlighting in the editor: the shared tokenizer's tokens ({@link JavaHighlighter}, also used by
 * the HTML export) as the editor's style classes, and the word under the caret.
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

        /** The editor stylesheet's class for this kind. */
        public String styleClass() {
            return styleClass;
        }
    }

    /** A token covering {@code [start, end)}. */
    public record Token(Kind kind, int start, int end) {}

    private final JavaHighlighter tokenizer;

    /** Highlighting that marks {@code kernelNames} as kernel API. */
    public JavaSyntax(Set<String> kernelNames) {
        this.tokenizer = new JavaHighlighter(kernelNames);
    }

    /** Highlighting with the engine's kernel names. */
    public static JavaSyntax forKernel() {
        return new JavaSyntax(KernelNames.all());
    }

    /** The shared tokenizer's tokens ({@link JavaHighlighter}), in the editor's kinds. */
    public List<Token> tokenize(String s) {
        List<JavaHighlighter.Token> tokens = tokenizer.tokenize(s);
        List<Token> out = new ArrayList<>(tokens.size());
        for (JavaHighlighter.Token t : tokens) {
            out.add(new Token(kindOf(t.kind()), t.start(), t.end()));
        }
        return out;
    }

    private static Kind kindOf(JavaHighlighter.Kind kind) {
        return switch (kind) {
            case KEYWORD -> Kind.KEYWORD;
            case TYPE -> Kind.TYPE;
            case KERNEL_API -> Kind.KERNEL_API;
            case IDENTIFIER -> Kind.IDENTIFIER;
            case STRING, CHAR -> Kind.STRING;
            case NUMBER -> Kind.NUMBER;
            case COMMENT -> Kind.COMMENT;
            case ANNOTATION -> Kind.ANNOTATION;
            case OPERATOR, OTHER -> Kind.OTHER;
        };
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
