package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.LiveNames.RunCell;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which top-level variables of a headless run nothing later can read. */
class LiveNamesTest {
    private static final String BENCH_CELL = "long s = 0;\nfor (int i = 0; i < 1000; i++) {\n    s += i;\n}\n"
            + "System.out.println(s);";

    /** Whether {@code s}, declared at the start of the first cell, may be local to a block ending where the first cell ends. */
    private static boolean sIsDead(String... cells) {
        return dead(Arrays.stream(cells).map(c -> new RunCell(c, true, true)).toList(), "s");
    }

    private static boolean dead(List<RunCell> cells, String name) {
        String first = cells.getFirst().source();
        return LiveNames.of(cells).getFirst().mayBeLocal(name, first.indexOf(name), first.length());
    }

    @Test
    void aVariableNoLaterCellMentionsIsDead() {
        assertTrue(sIsDead(BENCH_CELL, "System.out.println(42);"));
    }

    @Test
    void aVariableInTheLastCellIsDead() {
        assertTrue(sIsDead(BENCH_CELL));
    }

    @Test
    void aVariableALaterCellDeclaresAnewBeforeReadingItIsDead() {
        assertTrue(sIsDead(BENCH_CELL, "System.out.println(1);", BENCH_CELL, "var s = \"new\";"));
    }

    @Test
    void aVariableALaterCellReadsIsLive() {
        assertFalse(sIsDead(BENCH_CELL, "System.out.println(s * 2);"));
        assertFalse(sIsDead(BENCH_CELL, "int t = 1;", "s += 1;\nlong s = 0;"));
    }

    @Test
    void aMentionInAStringOrACommentIsNoRead() {
        assertTrue(sIsDead(BENCH_CELL, "System.out.println(\"s\");\n// s is gone\n/* s */ char c = 's';\n"
                + "String t = \"\"\"\n  s\n  \"\"\";"));
    }

    @Test
    void aFieldAccessWithTheNameCountsAsARead() {
        assertFalse(sIsDead(BENCH_CELL, "record P(int s) {}", "System.out.println(new P(1).s);"));
        assertFalse(sIsDead(BENCH_CELL, "System.out.println(java.util.List.of(1).s);"));
    }

    @Test
    void aMethodDeclaredLaterThatReadsTheNameKeepsItLive() {
        assertFalse(sIsDead(BENCH_CELL, "long twice() {\n    return 2 * s;\n}"));
    }

    @Test
    void aRedeclarationWhoseInitializerReadsTheOldValueIsARead() {
        assertFalse(sIsDead(BENCH_CELL, "long s = s + 1;"));
    }

    @Test
    void aRedeclarationThatMightNotHappenIsARead() {
        // With errors allowed, or in a cell expected to fail, a redeclaration that does not compile leaves the
        // old variable for the cells after it.
        String cell = "long s = 1;";
        assertFalse(dead(List.of(new RunCell(BENCH_CELL, true, true), new RunCell(cell, true, false),
                new RunCell("System.out.println(s);", true, true)), "s"));
        // Several declarators, modifiers, or no initializer: not treated as a sure new variable.
        assertFalse(sIsDead(BENCH_CELL, "long t = 1, s = 2;"));
        assertFalse(sIsDead(BENCH_CELL, "final long s = 2;"));
        assertFalse(sIsDead(BENCH_CELL, "long s;"));
    }

    @Test
    void cellsTheRunSkipsAreIgnored() {
        List<RunCell> cells = List.of(new RunCell(BENCH_CELL, true, true), new RunCell("System.out.println(s);", false, true));
        assertTrue(dead(cells, "s"));
        // A skipped cell's redeclaration does not happen either.
        cells = List.of(new RunCell(BENCH_CELL, true, true), new RunCell("long s = 1;", false, true),
                new RunCell("System.out.println(s);", true, true));
        assertFalse(dead(cells, "s"));
    }

    @Test
    void aMentionAfterTheBlockInTheSameCellIsARead() {
        String cell = "long s = 0;\ns++;\nvoid show() { System.out.println(s); }\nshow();";
        DeadVariables hint = LiveNames.of(List.of(new RunCell(cell, true, true))).getFirst();
        int blockEnd = cell.indexOf("void");
        assertFalse(hint.mayBeLocal("s", 0, blockEnd));
        assertTrue(hint.mayBeLocal("s", 0, cell.length()));
    }

    @Test
    void codeKeptFromBeforeTheDeclarationThatMentionsTheNameKeepsItLive() {
        // JShell binds an earlier method, lambda or class to the variable that exists when it runs.
        for (String earlier : List.of("void show() { System.out.println(s); }", "Runnable r = () -> System.out.println(s);",
                "Object o = new Object() { public String toString() { return \"\" + s; } };",
                "class Shows { long get() { return s; } }")) {
            List<RunCell> cells = List.of(new RunCell(earlier, true, true), new RunCell(BENCH_CELL, true, true));
            DeadVariables hint = LiveNames.of(cells).get(1);
            assertFalse(hint.mayBeLocal("s", 0, BENCH_CELL.length()), earlier);
            String sameCell = earlier + "\n" + BENCH_CELL;
            DeadVariables inCell = LiveNames.of(List.of(new RunCell(sameCell, true, true))).getFirst();
            assertFalse(inCell.mayBeLocal("s", sameCell.indexOf("long s"), sameCell.length()), earlier);
        }
        // Statements that ran and keep nothing do not matter: the bench's cells, one after the other.
        List<RunCell> cells = List.of(new RunCell(BENCH_CELL, true, true), new RunCell(BENCH_CELL, true, true));
        assertTrue(LiveNames.of(cells).get(1).mayBeLocal("s", 0, BENCH_CELL.length()));
    }

    @Test
    void aUnicodeEscapeAnywhereTurnsTheAnalysisOff() {
        assertFalse(sIsDead(BENCH_CELL, "// \\u000a System.out.println(\\u0073);"));
    }

    @Test
    void anUnterminatedLiteralOrCommentTurnsTheAnalysisOff() {
        // Read as a character literal to the next quote, s would be hidden; javac ends the literal at the line.
        assertFalse(sIsDead(BENCH_CELL, "f(');\nSystem.out.println(s);\ng(');"));
        assertFalse(sIsDead(BENCH_CELL, "f(\");\nSystem.out.println(s);\ng(\");"));
        assertFalse(sIsDead(BENCH_CELL, "f(); /* s"));
        assertTrue(JavaTokens.wellFormed("char c = '\\''; String t = \"a\\\"b\"; String u = \"\"\"\n  x\n  \"\"\"; /* c */ // d"));
    }

    @Test
    void theInteractiveHintKeepsEveryVariable() {
        assertFalse(DeadVariables.NONE.mayBeLocal("s", 0, 100));
    }

    @Test
    void onlyPlainDeclarationsNameAVariable() {
        assertEquals("s", declared("long s = 0;"));
        assertEquals("s", declared("var s = new java.util.ArrayList<String>();"));
        assertEquals("m", declared("java.util.Map<String, java.util.List<int[]>> m = new java.util.HashMap<>();"));
        assertEquals("a", declared("int[][] a = {{1}, {2, 3}};"));
        assertEquals("f", declared("java.util.function.IntBinaryOperator f = (x, y) -> x + y;"));
        assertEquals("t", declared("long t;"));
        assertNull(declared("long a = 1, b = 2;"));
        assertNull(declared("final long s = 0;"));
        assertNull(declared("@Deprecated long s = 0;"));
        assertNull(declared("static long s = 0;"));
        assertNull(declared("long s[] = {1};"));
        assertNull(declared("long s = 0"));
        assertNull(declared("s = 0;"));
        assertNull(declared("long f() { return 1; }"));
        assertNull(declared("import java.util.List;"));
        assertNull(declared("System.out.println(1);"));
        assertNull(declared("a < b;"));
    }

    @Test
    void wordsThatAreKeywordsOnlyInSomePlacesStillNameVariables() {
        assertEquals("to", declared("long to = 0;"));
        assertEquals("when", declared("int when = 1;"));
        assertEquals("non", declared("long non = 0;"));
        assertNull(declared("void v;"));
    }

    @Test
    void aDecrementBeforeAComparisonIsNoLambda() {
        // javac reads i-->0 as i-- > 0: no arrow, so the loop keeps no code that could read s later.
        List<JavaTokens.Token> tokens = JavaTokens.of("while (i-->0) s++;");
        assertFalse(LiveNames.keepsCode(tokens, 0, tokens.size()));
        List<JavaTokens.Token> lambda = JavaTokens.of("Runnable r = () -> s++;");
        assertTrue(LiveNames.keepsCode(lambda, 0, lambda.size()));
    }

    private static String declared(String source) {
        List<JavaTokens.Token> tokens = JavaTokens.of(source);
        return LiveNames.declaredName(tokens, 0, tokens.size());
    }
}
