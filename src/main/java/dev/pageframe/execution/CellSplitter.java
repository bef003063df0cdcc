package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Splits a cell into the complete JShell snippets it contains, remembering where each one sits. */
final class CellSplitter {
    /**
     * One snippet of a cell.
     *
     * @param source what to give JShell: the snippet without leading whitespace (JShell numbers
     *     stack-frame lines wrongly when a snippet starts with blank lines), with a semicolon
     *     appended where JShell asks for one
     * @param offset where {@code source} starts in the cell
     * @param end where the snippet's text ends in the cell
     * @param explicitSemicolon whether the cell itself ends the snippet with ';' (which, as in
     *     IPython, hides the value of a final expression)
     */
    record CellSnippet(String source, int offset, int end, boolean explicitSemicolon) {}

    /**
     * Snippets the kernel evaluates as one: either a single snippet as it is ({@code block} null), or a
     * run of consecutive statements of the cell given to JShell as one block.
     *
     * @param block the run's cell text as a block statement ({@code "{" + text + "\n}"}, so its lines
     *     are the cell's lines from the first part's), or null for a single snippet evaluated as it is
     * @param parts the snippets it holds, in order; what to evaluate one by one if the block does not compile
     */
    record Batch(CellSnippet block, List<CellSnippet> parts) {
        /** The block placed so that a javac position in it maps to the cell (the brace lies before the text). */
        CellSnippet blockInCell() {
            return new CellSnippet(block.source(), block.offset() - 1, block.end(), false);
        }
    }

    /** Statements that never have a value; a snippet starting with one of these words is such a statement. */
    private static final Set<String> STATEMENT_WORDS = Set.of("for", "while", "do", "if", "try", "synchronized", "throw");

    /** Words that start neither a call nor an assignment (return, break, yield, types, modifiers): such snippets stay single. */
    private static final Set<String> OTHER_WORDS = Set.of("return", "yield", "break", "continue", "assert", "this",
            "super", "boolean", "byte", "char", "short", "int", "long", "float", "double", "void", "var", "final",
            "static", "abstract", "public", "protected", "private", "class", "interface", "enum", "record", "import",
            "sealed", "non", "strictfp", "transient", "volatile", "native", "default", "case", "else", "catch",
            "finally");

    private CellSplitter() {}

    /**
     * Groups runs of consecutive statements that declare nothing (loops, ifs, method calls,
     * assignments) into one block each, so that JShell parses, analyses and compiles them once instead
     * of once per statement (each eval is two or three javac passes, the cost of a cell). Declarations,
     * imports and any snippet whose value the cell shows stay single, so what the kernel keeps and shows
     * is unchanged. A block that does not compile is evaluated part by part (CellExecution), which
     * reports the error where and when the separate snippets would have: a block can fail on its own
     * (a statement after a {@code throw} is unreachable) where the parts run until the throw.
     */
    static List<Batch> batch(String cell, List<CellSnippet> snippets) {
        return batch(cell, snippets, DeadVariables.NONE);
    }

    /**
     * As {@link #batch(String, List)}, and a plain primitive variable declaration that {@code dead} says nothing after
     * the block can read joins the statements next to it as a local of their block, so that the bench's cell
     * ({@code long s = 0;}, a loop, a print) is one eval. If the block does not compile as it is (a lambda
     * capturing a local that changes later, a local read before it is assigned), its parts run one by one and
     * the declaration is a variable of the kernel as before.
     */
    static List<Batch> batch(String cell, List<CellSnippet> snippets, DeadVariables dead) {
        int n = snippets.size();
        boolean[] joins = new boolean[n];
        String[] locals = new String[n];
        for (int i = 0; i < n; i++) {
            CellSnippet snippet = snippets.get(i);
            joins[i] = mergeable(cell, snippet, i == n - 1);
            if (!joins[i] && dead != DeadVariables.NONE && cell.startsWith(snippet.source(), snippet.offset())) {
                locals[i] = primitiveVariable(snippet.source());
                joins[i] = locals[i] != null;
            }
        }
        // A declaration that cannot be a local of its run's block stays single, which splits the run: the
        // blocks left are shorter, so the others are checked again until none changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int from = 0; from < n; from++) {
                if (!joins[from]) {
                    continue;
                }
                int to = from;
                while (to < n && joins[to]) {
                    to++;
                }
                CellSnippet last = snippets.get(to - 1);
                int blockEnd = last.offset() + last.source().length();
                Set<String> declared = new HashSet<>();
                for (int i = from; i < to; i++) {
                    if (locals[i] != null && (to - from == 1 || !declared.add(locals[i])
                            || !dead.mayBeLocal(locals[i], snippets.get(i).offset(), blockEnd))) {
                        joins[i] = false;
                        locals[i] = null;
                        changed = true;
                    }
                }
                from = to - 1;
            }
        }
        List<Batch> batches = new ArrayList<>();
        List<CellSnippet> run = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CellSnippet snippet = snippets.get(i);
            if (joins[i]) {
                run.add(snippet);
            } else {
                flush(cell, run, batches);
                batches.add(new Batch(null, List.of(snippet)));
            }
        }
        flush(cell, run, batches);
        return batches;
    }

    /**
     * A cell's statements, which can join other cells' in one block: the cell's text from its first snippet to the
     * end of its last.
     *
     * @param offset where {@code text} starts in the cell
     */
    record Statements(String text, int offset) {}

    /**
     * The cell as statements alone, or null: when {@link #batch} makes it one block (or one statement) that
     * declares nothing the kernel keeps and shows no value, so that running it inside a larger block changes
     * nothing but the number of evals.
     */
    static Statements statementsOnly(String cell, List<CellSnippet> snippets, DeadVariables dead) {
        if (snippets.isEmpty()) {
            return null;
        }
        List<Batch> batches = batch(cell, snippets, dead);
        if (batches.size() != 1) {
            return null;
        }
        Batch only = batches.getFirst();
        CellSnippet first = only.parts().getFirst();
        CellSnippet last = only.parts().getLast();
        if (only.block() == null && !mergeable(cell, first, true)) {
            return null;
        }
        return new Statements(cell.substring(first.offset(), last.offset() + last.source().length()), first.offset());
    }

    /**
     * The name a plain declaration of a primitive variable declares, or null. Only those: JShell makes a
     * string of a declared variable's value, calling an object's {@code toString()} (cell code: it can print
     * or throw) or listing every element of an array (which can take long or run out of memory), and a
     * local's value is never shown.
     */
    private static String primitiveVariable(String source) {
        List<JavaTokens.Token> tokens = JavaTokens.of(source);
        if (tokens.size() < 2 || !tokens.getFirst().primitiveType() || !tokens.get(1).word()) {
            return null;
        }
        return LiveNames.declaredName(tokens, 0, tokens.size());
    }

    private static void flush(String cell, List<CellSnippet> run, List<Batch> batches) {
        if (run.isEmpty()) {
            return;
        }
        CellSnippet first = run.getFirst();
        CellSnippet last = run.getLast();
        if (run.size() == 1 && kind(first.source()) == Kind.STATEMENT) {
            // A lone loop or if is one statement already: nothing to save.
            batches.add(new Batch(null, List.of(first)));
        } else {
            String text = cell.substring(first.offset(), last.offset() + last.source().length());
            CellSnippet block = new CellSnippet("{" + text + "\n}", first.offset(), last.end(), last.explicitSemicolon());
            batches.add(new Batch(block, List.copyOf(run)));
        }
        run.clear();
    }

    /**
     * Whether a snippet can go into a block: its text is the cell's (no semicolon JShell added), it is
     * a statement or an expression statement, and, if it is the cell's last, it shows no value.
     */
    private static boolean mergeable(String cell, CellSnippet snippet, boolean last) {
        if (!cell.startsWith(snippet.source(), snippet.offset())) {
            return false;
        }
        return switch (kind(snippet.source())) {
            case STATEMENT -> true;
            case EXPRESSION -> !last || snippet.explicitSemicolon();
            case OTHER -> false;
        };
    }

    /** What a snippet is, judged by its first words; OTHER (a declaration, a bare value, anything unsure) stays single. */
    enum Kind { STATEMENT, EXPRESSION, OTHER }

    static Kind kind(String source) {
        Tokens tokens = new Tokens(source);
        if (tokens.at('{')) {
            return Kind.STATEMENT;
        }
        if (tokens.at("++") || tokens.at("--")) {
            return Kind.EXPRESSION;
        }
        String word = tokens.identifier();
        if (word == null) {
            return Kind.OTHER;
        }
        if (STATEMENT_WORDS.contains(word)) {
            return Kind.STATEMENT;
        }
        if (word.equals("new") || word.equals("switch")) {
            return Kind.EXPRESSION;
        }
        if (OTHER_WORDS.contains(word)) {
            return Kind.OTHER;
        }
        // A name, possibly qualified, then a call or an assignment: a method call or assignment statement.
        // A declaration has a second name after its type (int x, List<T> x, a.B x, int[] x) and stays single.
        while (tokens.at('.')) {
            if (tokens.identifier() == null) {
                return Kind.OTHER;
            }
        }
        if (tokens.at('(') || tokens.at("++") || tokens.at("--")) {
            return Kind.EXPRESSION;
        }
        for (String assign : List.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=")) {
            if (tokens.at(assign) && !(assign.equals("=") && tokens.at('='))) {
                return Kind.EXPRESSION;
            }
        }
        return Kind.OTHER;
    }

    /** Just enough of a lexer to read a snippet's first tokens, skipping whitespace and comments. */
    private static final class Tokens {
        private final String text;
        private int position;

        Tokens(String text) {
            this.text = text;
        }

        boolean at(char c) {
            return at(String.valueOf(c));
        }

        boolean at(String symbol) {
            skipBlank();
            if (text.startsWith(symbol, position)) {
                position += symbol.length();
                return true;
            }
            return false;
        }

        /** The identifier or keyword here (consumed), or null. */
        String identifier() {
            skipBlank();
            if (position >= text.length() || !Character.isJavaIdentifierStart(text.charAt(position))) {
                return null;
            }
            int start = position;
            while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        private void skipBlank() {
            while (position < text.length()) {
                if (Character.isWhitespace(text.charAt(position))) {
                    position++;
                } else if (text.startsWith("//", position)) {
                    int eol = text.indexOf('\n', position);
                    position = eol < 0 ? text.length() : eol + 1;
                } else if (text.startsWith("/*", position)) {
                    int close = text.indexOf("*/", position + 2);
                    position = close < 0 ? text.length() : close + 2;
                } else {
                    return;
                }
            }
        }
    }

    static List<CellSnippet> split(SourceCodeAnalysis analysis, String cell) {
        return split(analysis, cell, true);
    }

    /**
     * @param plainStatements whether plain statements are split here ({@link #plainStatementEnd}) rather than by
     *     JShell; the two agree (CellSplitterTest compares them on every bundled cell and on hard cases)
     */
    static List<CellSnippet> split(SourceCodeAnalysis analysis, String cell, boolean plainStatements) {
        List<CellSnippet> snippets = new ArrayList<>();
        // javac reads a Unicode escape (\u003b) as the character it names; the highlighter's tokens do not.
        List<JavaTokens.Token> tokens = !cell.contains("\\u") && JavaTokens.wellFormed(cell) ? JavaTokens.of(cell) : null;
        int position = 0;
        while (position < cell.length()) {
            int plain = tokens == null || !plainStatements ? -1 : plainStatementEnd(cell, tokens, position);
            if (plain > 0) {
                String text = cell.substring(position, plain);
                String source = text.stripLeading();
                // As JShell's: a last snippet takes the cell's trailing comments.
                snippets.add(new CellSnippet(source, position + text.length() - source.length(), plain,
                        endsWithSemicolon(tokens, plain, source)));
                position = plain;
                continue;
            }
            String rest = cell.substring(position);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            String source;
            int consumed;
            int statementEnd = completeness == Completeness.UNKNOWN && tokens != null
                    ? firstStatementEnd(tokens, position) : -1;
            if (statementEnd > 0) {
                // JShell's analysis gave up (o instanceof List<?>; a text block ending in \\"""): it counts as complete,
                // with the rest of the cell as its source, but JShell's eval of that would compile its first statement
                // alone and drop the others without a word.
                source = cell.substring(position, statementEnd);
                consumed = source.length();
            } else if (completeness.isComplete() && info.source() != null) {
                source = info.source();
                consumed = rest.length() - info.remaining().length();
            } else {
                // Incomplete or unparseable: hand JShell the rest so it reports a located error.
                source = rest;
                consumed = rest.length();
            }
            int lead = leadingWhitespace(source);
            boolean semicolon = (completeness == Completeness.COMPLETE || statementEnd > 0)
                    && endsWithSemicolon(tokens, position + source.length(), source);
            snippets.add(new CellSnippet(source.substring(lead), position + lead, position + consumed, semicolon));
            if (consumed <= 0) {
                break;
            }
            position += consumed;
        }
        return snippets;
    }

    /**
     * Where a plain statement starting at {@code position} ends (after its semicolon), or -1 if it is not one. Plain:
     * only whitespace before it, and it is a call or assignment on a name ({@code a.b(..);}, {@code x += 1;}) or the
     * declaration of a variable of a primitive, simply named or inferred type ({@code long s = 0;},
     * {@code Page p = ..;}, {@code var v = ..;}), ending at the first semicolon outside any bracket (the cell's end for
     * its last statement). Stricter than {@link JavaTokens#statements}: a bracket closed too often, or no semicolon,
     * and JShell decides. JShell's completeness analysis would find the same end, but tells such a snippet from its
     * alternative (declaration or expression) by having javac parse the rest of the cell: a parse task per snippet,
     * most of the splitting's cost (BENCHMARKS.md). Anything else goes to JShell.
     */
    static int plainStatementEnd(String cell, List<JavaTokens.Token> tokens, int position) {
        int first = firstTokenAt(tokens, position);
        if (first < 0 || !cell.substring(position, tokens.get(first).offset()).isBlank()) {
            return -1;
        }
        JavaTokens.Token head = tokens.get(first);
        boolean plain;
        if (head.primitiveType() || head.is("var")) {
            plain = name(tokens, first + 1) && declarationGoesOn(tokens, first + 2);
        } else if (name(tokens, first)) {
            plain = name(tokens, first + 1) ? declarationGoesOn(tokens, first + 2)
                    : kind(cell.substring(tokens.get(first).offset())) == Kind.EXPRESSION;
        } else {
            plain = false;
        }
        if (!plain) {
            return -1;
        }
        int depth = 0;
        for (int i = first; i < tokens.size(); i++) {
            switch (tokens.get(i).text()) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> {
                    if (--depth < 0) {
                        return -1;
                    }
                }
                case ";" -> {
                    if (depth == 0) {
                        // The cell's last statement takes what follows it (whitespace, comments), as in JShell.
                        return i == tokens.size() - 1 ? cell.length() : tokens.get(i).offset() + 1;
                    }
                }
                default -> { }
            }
        }
        return -1;
    }

    /** Statements whose body may end in a semicolon before they go on. */
    private static final Set<String> GOES_ON_AFTER_SEMICOLON = Set.of("if", "do", "else");

    /**
     * Where the first top-level statement from {@code position} ends, by tokens, if other statements follow it; else -1.
     * It ends at a semicolon outside any bracket, or at a closing brace that leaves all brackets unless the statement
     * goes on ({@code else}, {@code catch}, ...: {@link JavaTokens#statements}). Not for a statement whose own body may
     * end in a semicolon before it goes on ({@code if (a) b(); else c();}, {@code do b(); while (a);}, a labelled one).
     */
    static int firstStatementEnd(List<JavaTokens.Token> tokens, int position) {
        int first = firstTokenAt(tokens, position);
        if (first < 0 || GOES_ON_AFTER_SEMICOLON.contains(tokens.get(first).text())
                || first + 1 < tokens.size() && tokens.get(first + 1).is(":")) {
            return -1;
        }
        List<int[]> statements = JavaTokens.statements(tokens.subList(first, tokens.size()));
        if (statements.size() < 2) {
            return -1;
        }
        return tokens.get(first + statements.getFirst()[1] - 1).offset() + 1;
    }

    /** A name: a word that is no keyword (the highlighter counts primitives, var and record among keywords). */
    private static boolean name(List<JavaTokens.Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).word() && !tokens.get(i).keyword();
    }

    /** After a declared name: an initializer, the end, or another name of the same declaration. */
    private static boolean declarationGoesOn(List<JavaTokens.Token> tokens, int i) {
        return i < tokens.size() && (tokens.get(i).is("=") || tokens.get(i).is(";") || tokens.get(i).is(","));
    }

    /** The first token at or after {@code position}, or -1. */
    private static int firstTokenAt(List<JavaTokens.Token> tokens, int position) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).offset() < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < tokens.size() ? low : -1;
    }

    /**
     * Whether the snippet's code ends with a semicolon, comments after it aside: {@code 1 + 2;  // note} hides its
     * value as {@code 1 + 2;} does. The cell's tokens (null where it cannot be tokenized) give the answer; the snippet
     * ends at {@code end} in the cell.
     */
    private static boolean endsWithSemicolon(List<JavaTokens.Token> tokens, int end, String source) {
        if (tokens == null) {
            return source.stripTrailing().endsWith(";");
        }
        int after = firstTokenAt(tokens, end);
        int last = (after < 0 ? tokens.size() : after) - 1;
        return last >= 0 && tokens.get(last).offset() >= end - source.length() && tokens.get(last).is(";");
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
