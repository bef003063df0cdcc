package dev.pageframe.ui.markdown;

import dev.pageframe.notebook.html.JavaHighlighter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Colours code blocks in the docs: Java through the shared tokenizer ({@link JavaHighlighter}), and a
 * small lexer for C, Python and shell (keywords, strings, comments, numbers). It never fails:
 * anything it does not understand stays plain.
 */
final class CodeHighlighter {

    /** A piece of code and the style class that colours it (null: plain). */
    record Token(String text, String styleClass) {}

    enum Language { JAVA, C, PYTHON, SHELL, PLAIN }

    static final String KEYWORD = "md-code-keyword";
    static final String STRING = "md-code-string";
    static final String COMMENT = "md-code-comment";
    static final String NUMBER = "md-code-number";
    static final String TYPE = "md-code-type";
    static final String ANNOTATION = "md-code-annotation";
    static final String META = "md-code-meta";

    /** Docs show Java as the editor does, without kernel-name marks (they have no style here). */
    private static final JavaHighlighter JAVA = new JavaHighlighter(Set.of());

    private static final Set<String> C_KEYWORDS = Set.of(
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
            "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
            "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
            "bool", "true", "false", "NULL", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "size_t",
            "gfp_t", "__init", "__user", "__iomem", "unlikely", "likely");
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
            "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
            "or", "pass", "raise", "return", "try", "while", "with", "yield", "None", "True", "False");

    private CodeHighlighter() {}

    static Language language(String info) {
        String lang = info == null ? "" : info.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return switch (lang) {
            case "java", "jshell", "kotlin", "groovy", "scala", "javascript", "js", "ts", "typescript" -> Language.JAVA;
            case "c", "h", "cpp", "c++", "cc", "kernel" -> Language.C;
            case "python", "py", "python3", "ipython", "ipython3" -> Language.PYTHON;
            case "sh", "bash", "shell", "console", "zsh", "make", "makefile" -> Language.SHELL;
            default -> Language.PLAIN;
        };
    }

    static List<Token> tokenize(String code, Language lang) {
        List<Token> out = new ArrayList<>();
        if (lang == Language.PLAIN) {
            out.add(new Token(code, null));
            return out;
        }
        if (lang == Language.JAVA) {
            return java(code);
        }
        Set<String> keywords = switch (lang) {
            case C -> C_KEYWORDS;
            case PYTHON -> PYTHON_KEYWORDS;
            default -> Set.of();
        };
        boolean hashComments = lang == Language.PYTHON || lang == Language.SHELL;
        boolean slashComments = lang == Language.C;
        StringBuilder plain = new StringBuilder();
        int i = 0;
        int n = code.length();
        boolean lineStart = true;
        while (i < n) {
            char c = code.charAt(i);
            int end = -1;
            String style = null;
            if (slashComments && c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                end = lineEnd(code, i);
                style = COMMENT;
            } else if (slashComments && c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                style = COMMENT;
            } else if (hashComments && c == '#') {
                end = lineEnd(code, i);
                style = COMMENT;
            } else if (lang == Language.C && c == '#' && lineStart) {
                end = lineEnd(code, i);
                style = META;
            } else if (c == '"' || c == '\'' || (c == '`' && lang != Language.C)) {
                end = stringEnd(code, i, c);
                style = STRING;
            } else if (Character.isDigit(c) && !isIdentifierPart(previous(code, i))) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_'
                        || code.charAt(end) == '.' && end + 1 < n && Character.isDigit(code.charAt(end + 1)))) {
                    end++;
                }
                style = NUMBER;
            } else if (Character.isJavaIdentifierStart(c) && !isIdentifierPart(previous(code, i))) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                String word = code.substring(i, end);
                if (keywords.contains(word)) {
                    style = KEYWORD;
                }
            }
            if (end < 0) {
                plain.append(c);
                if (c == '\n') {
                    lineStart = true;
                } else if (!Character.isWhitespace(c)) {
                    lineStart = false;
                }
                i++;
                continue;
            }
            if (style == null) {
                plain.append(code, i, end);
            } else {
                flush(plain, out);
                out.add(new Token(code.substring(i, end), style));
            }
            lineStart = false;
            i = end;
        }
        flush(plain, out);
        return out;
    }

    /** Java through the shared tokenizer ({@link JavaHighlighter}); unstyled tokens join the plain text. */
    private static List<Token> java(String code) {
        List<Token> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int at = 0;
        for (JavaHighlighter.Token t : JAVA.tokenize(code)) {
            String style = styleOf(t.kind());
            if (style != null) {
                plain.append(code, at, t.start());
                flush(plain, out);
                out.add(new Token(code.substring(t.start(), t.end()), style));
                at = t.end();
            }
        }
        plain.append(code, at, code.length());
        flush(plain, out);
        return out;
    }

    private static String styleOf(JavaHighlighter.Kind kind) {
        return switch (kind) {
            case KEYWORD -> KEYWORD;
            case TYPE -> TYPE;
            case STRING, CHAR -> STRING;
            case NUMBER -> NUMBER;
            case COMMENT -> COMMENT;
            case ANNOTATION -> ANNOTATION;
            case KERNEL_API, IDENTIFIER, OPERATOR, OTHER -> null;
        };
    }

    private static char previous(String code, int i) {
        return i == 0 ? ' ' : code.charAt(i - 1);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isJavaIdentifierPart(c) && c != '\u0000';
    }

    private static int lineEnd(String code, int from) {
        int nl = code.indexOf('\n', from);
        return nl < 0 ? code.length() : nl;
    }

    private static int stringEnd(String code, int from, char quote) {
        boolean textBlock = quote == '"' && code.startsWith("\"\"\"", from);
        if (textBlock) {
            int close = code.indexOf("\"\"\"", from + 3);
            return close < 0 ? code.length() : close + 3;
        }
        int i = from + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            if (c == '\n' && quote != '`') {
                return i; // an unterminated string ends with its line
            }
            i++;
        }
        return code.length();
    }

    private static void flush(StringBuilder plain, List<Token> out) {
        if (!plain.isEmpty()) {
            out.add(new Token(plain.toString(), null));
            plain.setLength(0);
        }
    }
}
