package dev.pageframe.execution;

import dev.pageframe.execution.JavaTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which top-level variables of a headless run's cells no later code can read: the run knows every cell it
 * will execute, so a variable that later cells never mention, or first mention by declaring it anew, need
 * not outlive its cell (see {@link DeadVariables}). Names are compared as Java tokens, and any mention
 * counts as a read ({@code x.total} included), so the answer errs towards "live".
 */
public final class LiveNames {
    /**
     * One cell of the notebook, as a headless run treats it.
     *
     * @param source what the cell runs
     * @param runs whether the run executes it (a code cell, not blank, not {@code skip-execution})
     * @param failureStopsRun whether the run ends if it fails: only then does a declaration in it surely
     *     replace the old variable before any later cell runs (a redeclaration that does not compile leaves
     *     the old one in place)
     */
    public record RunCell(String source, boolean runs, boolean failureStopsRun) {}

    /** How a cell first mentions a name. */
    private enum FirstMention { READS, REDECLARES }

    private final List<RunCell> cells;
    private final List<List<Token>> tokens = new ArrayList<>();
    /** Per cell, each name it mentions and whether its first mention surely starts a new variable. */
    private final List<Map<String, FirstMention>> firstMentions = new ArrayList<>();
    /** Per cell, the names mentioned by code that outlives the statement (a method, class, lambda...), cells before it. */
    private final List<Set<String>> keptBefore = new ArrayList<>();

    private LiveNames(List<RunCell> cells) {
        this.cells = List.copyOf(cells);
        Set<String> kept = new HashSet<>();
        for (RunCell cell : this.cells) {
            List<Token> cellTokens = cell.runs() ? JavaTokens.of(cell.source()) : List.of();
            tokens.add(cellTokens);
            keptBefore.add(Set.copyOf(kept));
            Map<String, FirstMention> first = new HashMap<>();
            for (int[] statement : JavaTokens.statements(cellTokens)) {
                boolean keeps = keepsCode(cellTokens, statement[0], statement[1]);
                String declared = declaredName(cellTokens, statement[0], statement[1]);
                for (int i = statement[0]; i < statement[1]; i++) {
                    Token t = cellTokens.get(i);
                    if (!t.word()) {
                        continue;
                    }
                    if (keeps) {
                        kept.add(t.text());
                    }
                    boolean redeclares = t.text().equals(declared) && cellTokens.get(i + 1).is("=")
                            && mentions(cellTokens, statement[0], statement[1], declared) == 1 && cell.failureStopsRun();
                    first.putIfAbsent(t.text(), redeclares ? FirstMention.REDECLARES : FirstMention.READS);
                }
            }
            firstMentions.add(first);
        }
    }

    /**
     * The hint for each cell of a run, in the order given ({@link DeadVariables#NONE} for cells that do not
     * run). A notebook with a Unicode escape anywhere gets none: javac reads {@code \u0073} as {@code s},
     * even in a comment, which a token scan cannot follow; nor does one with an unterminated comment or
     * literal, where the scan and javac could disagree about what is code.
     */
    public static List<DeadVariables> of(List<RunCell> cells) {
        if (cells.stream().anyMatch(c -> c.runs() && (c.source().contains("\\u") || !JavaTokens.wellFormed(c.source())))) {
            return cells.stream().map(c -> DeadVariables.NONE).toList();
        }
        LiveNames names = new LiveNames(cells);
        List<DeadVariables> hints = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            hints.add(cells.get(k).runs() ? new DeadVariables(names, k) : DeadVariables.NONE);
        }
        return List.copyOf(hints);
    }

    /**
     * Whether the top-level variable {@code name}, declared in cell {@code k} at {@code declaredAt}, can be
     * read by nothing after {@code blockEnd}: no code kept from before its declaration mentions it, nothing
     * after the block in its cell does, and no later cell reads it before declaring it anew.
     */
    boolean deadAfter(int k, String name, int declaredAt, int blockEnd) {
        if (keptBefore.get(k).contains(name)) {
            return false;
        }
        List<Token> cellTokens = tokens.get(k);
        for (int[] statement : JavaTokens.statements(cellTokens)) {
            if (cellTokens.get(statement[0]).offset() >= declaredAt) {
                break;
            }
            if (keepsCode(cellTokens, statement[0], statement[1]) && mentions(cellTokens, statement[0], statement[1], name) > 0) {
                return false;
            }
        }
        for (Token t : cellTokens) {
            if (t.offset() >= blockEnd && t.word() && t.text().equals(name)) {
                return false;
            }
        }
        for (int m = k + 1; m < cells.size(); m++) {
            FirstMention first = firstMentions.get(m).get(name);
            if (first != null) {
                return first == FirstMention.REDECLARES;
            }
        }
        return true;
    }

    /**
     * The variable a plain declaration {@code Type name = ...;} or {@code Type name;} in tokens [from, to)
     * declares, or null for anything else: modifiers, annotations, several declarators, C-style array
     * brackets after the name, a missing semicolon. Such a declaration means the same as a block's local.
     */
    static String declaredName(List<Token> tokens, int from, int to) {
        if (to - from < 3 || !tokens.get(to - 1).is(";")) {
            return null;
        }
        int i = typeEnd(tokens, from, to);
        if (i < 0 || i >= to) {
            return null;
        }
        Token name = tokens.get(i);
        if (!name.word() || name.keyword()) {
            return null;
        }
        Token after = tokens.get(i + 1);
        if (after.is(";")) {
            return i + 2 == to ? name.text() : null;
        }
        if (!after.is("=")) {
            return null;
        }
        int depth = 0;
        for (int j = i + 2; j < to - 1; j++) {
            switch (tokens.get(j).text()) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> depth--;
                case ",", ";" -> {
                    if (depth == 0) {
                        return null; // another declarator, or a second statement
                    }
                }
                default -> { }
            }
        }
        return name.text();
    }

    /** Where a type written at {@code from} ends ({@code long}, {@code var}, {@code a.B<C<D>>[]}), or -1. */
    private static int typeEnd(List<Token> tokens, int from, int to) {
        Token first = tokens.get(from);
        if (!first.word()) {
            return -1;
        }
        int i = from + 1;
        if (first.keyword()) {
            if (!first.primitiveType() && !first.is("var")) {
                return -1;
            }
        } else {
            while (i + 1 < to && tokens.get(i).is(".") && tokens.get(i + 1).word()) {
                i += 2;
            }
            if (i < to && tokens.get(i).is("<")) {
                int angles = 0;
                for (; i < to; i++) {
                    Token t = tokens.get(i);
                    if (t.is("<")) {
                        angles++;
                    } else if (t.is(">")) {
                        angles--;
                    } else if (!t.word() && !t.is(".") && !t.is(",") && !t.is("?") && !t.is("[") && !t.is("]")
                            && !t.is("&")) {
                        return -1;
                    }
                    if (angles == 0) {
                        i++;
                        break;
                    }
                }
                if (angles != 0) {
                    return -1;
                }
            }
        }
        while (i + 1 < to && tokens.get(i).is("[") && tokens.get(i + 1).is("]")) {
            i += 2;
        }
        return i;
    }

    private static int mentions(List<Token> tokens, int from, int to, String name) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (tokens.get(i).word() && tokens.get(i).text().equals(name)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether a statement leaves code behind that can read a variable later, when it runs: a method, a class
     * of any kind, a lambda, a method reference, an anonymous class. JShell binds such code to the variable
     * that exists when it is called, so a variable it mentions must stay a variable of the kernel.
     */
    static boolean keepsCode(List<Token> tokens, int from, int to) {
        List<Integer> opens = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.is("->") || t.is("::") || t.is("class") || t.is("interface") || t.is("enum") || t.is("record")) {
                return true;
            }
            if (t.is("(")) {
                opens.add(i);
            } else if (t.is(")") && !opens.isEmpty()) {
                int open = opens.removeLast();
                boolean control = open > from && Set.of("if", "for", "while", "switch", "synchronized", "catch", "try")
                        .contains(tokens.get(open - 1).text());
                boolean body = i + 1 < to && (tokens.get(i + 1).is("{") || tokens.get(i + 1).is("throws"));
                if (body && !control) {
                    return true; // a method's or constructor's body, or an anonymous class's
                }
            }
        }
        return false;
    }
}
