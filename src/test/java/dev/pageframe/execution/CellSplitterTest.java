package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.CellSplitter.CellSnippet;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellSplitterTest {
    private static JShell shell;

    @BeforeAll
    static void open() {
        shell = JShell.builder().executionEngine(InertExecutionControl.PROVIDER, Map.of()).build();
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    private static List<CellSnippet> split(String cell) {
        return CellSplitter.split(shell.sourceCodeAnalysis(), cell);
    }

    @Test
    void snippetsLoseLeadingWhitespaceAndKeepTheirCellOffsets() {
        String cell = "\n  int a = 1;  int b\n = 2;\nfoo()";
        List<CellSnippet> snippets = split(cell);
        assertEquals(3, snippets.size());
        assertEquals(new CellSnippet("int a = 1;", 3, 13, true), snippets.get(0));
        assertEquals("int b\n = 2;", snippets.get(1).source());
        assertEquals(cell.indexOf("int b"), snippets.get(1).offset());
        assertEquals("foo()", snippets.get(2).source());
        assertEquals(cell.indexOf("foo"), snippets.get(2).offset());
        assertEquals(cell.length(), snippets.get(2).end());
    }

    @Test
    void onlyASemicolonWrittenInTheCellCountsAsExplicit() {
        assertEquals(List.of(true, false), split("x; y").stream().map(CellSnippet::explicitSemicolon).toList());
    }

    @Test
    void commentsGoWithTheSnippetNextToThem() {
        List<CellSnippet> snippets = split("// first\nint c = 3;\n// trailing only\n");
        assertEquals(1, snippets.size());
        assertEquals("// first\nint c = 3;\n// trailing only\n", snippets.getFirst().source());
    }

    @Test
    void incompleteInputIsPassedOnWhole() {
        List<CellSnippet> snippets = split("int d = 1;\nint e = (2 + ");
        assertEquals(2, snippets.size());
        assertEquals("int e = (2 + ", snippets.get(1).source());
    }

    @Test
    void blankCellHasNoSnippets() {
        assertEquals(List.of(), split(" \n\t"));
    }

    private static List<List<String>> batches(String cell) {
        return CellSplitter.batch(cell, split(cell)).stream()
                .map(b -> b.parts().stream().map(CellSnippet::source).toList())
                .toList();
    }

    @Test
    void consecutiveStatementsBetweenDeclarationsFormOneBlock() {
        String cell = "long s = 0;\nfor (int i = 0; i < 9; i++) {\n    s += i;\n}\nSystem.out.println(s);";
        List<CellSplitter.Batch> batches = CellSplitter.batch(cell, split(cell));
        assertEquals(2, batches.size());
        assertEquals(null, batches.get(0).block());
        CellSnippet block = batches.get(1).block();
        assertEquals("{for (int i = 0; i < 9; i++) {\n    s += i;\n}\nSystem.out.println(s);\n}", block.source());
        assertEquals(cell.indexOf("for"), block.offset());
        assertEquals(cell.length(), block.end());
        assertEquals(block.offset() - 1, batches.get(1).blockInCell().offset());
    }

    @Test
    void aFinalExpressionWhoseValueShowsStaysOutOfTheBlock() {
        assertEquals(List.of(List.of("a.add(1);", "a.add(2);"), List.of("a.add(3)")), batches("a.add(1);\na.add(2);\na.add(3)"));
        assertEquals(List.of(List.of("a.add(1);", "a.add(3);")), batches("a.add(1);\na.add(3);"));
    }

    @Test
    void declarationsAndBareValuesStaySingle() {
        for (String cell : List.of("int x = f(1);", "List<String> names = g();", "a.B c = d();", "int[] e = {1};",
                "var f = 2;", "void m() { }", "record R(int a) { }", "class C { }", "import java.util.*;", "x;",
                "x == 1;", "return;", "@Deprecated int y = 1;")) {
            assertEquals(CellSplitter.Kind.OTHER, CellSplitter.kind(cell), cell);
        }
    }

    @Test
    void callsAssignmentsAndStatementWordsAreStatements() {
        for (String cell : List.of("f(1);", "System.out\n  .println(2);", "x = 3;", "x += 4;", "x >>>= 1;", "x++;",
                "--x;", "new Thread().start();", "// a comment\nf();", "/* c */ g();")) {
            assertEquals(CellSplitter.Kind.EXPRESSION, CellSplitter.kind(cell), cell);
        }
        for (String cell : List.of("for (;;) {}", "while (b) f();", "do { } while (b);", "if (b) f();", "{ int z = 1; }",
                "try { } finally { }", "synchronized (o) { }", "throw new Error();")) {
            assertEquals(CellSplitter.Kind.STATEMENT, CellSplitter.kind(cell), cell);
        }
    }

    @Test
    void aLoneStatementIsNotWrappedButALoneCallIs() {
        assertEquals(null, CellSplitter.batch("for (;;) {}", split("for (;;) {}")).getFirst().block());
        assertEquals("{f();\n}", CellSplitter.batch("f();", split("f();")).getFirst().block().source());
    }

    private static List<List<String>> batches(String cell, List<String> laterCells) {
        List<LiveNames.RunCell> cells = new java.util.ArrayList<>();
        cells.add(new LiveNames.RunCell(cell, true, true));
        laterCells.forEach(c -> cells.add(new LiveNames.RunCell(c, true, true)));
        return CellSplitter.batch(cell, split(cell), LiveNames.of(cells).getFirst()).stream()
                .map(b -> b.parts().stream().map(CellSnippet::source).toList())
                .toList();
    }

    @Test
    void aDeclarationNoLaterCellReadsJoinsTheBlockOfItsCell() {
        String cell = "long s = 0;\nfor (int i = 0; i < 9; i++) {\n    s += i;\n}\nSystem.out.println(s);";
        List<String> parts = List.of("long s = 0;", "for (int i = 0; i < 9; i++) {\n    s += i;\n}", "System.out.println(s);");
        assertEquals(List.of(parts), batches(cell, List.of(cell)));
        List<CellSplitter.Batch> batches = CellSplitter.batch(cell, split(cell),
                LiveNames.of(List.of(new LiveNames.RunCell(cell, true, true))).getFirst());
        assertEquals("{" + cell + "\n}", batches.getFirst().block().source());
        assertEquals(0, batches.getFirst().block().offset());
        // Read by a later cell, it stays a variable of the kernel.
        assertEquals(List.of(List.of(parts.get(0)), parts.subList(1, 3)), batches(cell, List.of("s")));
    }

    @Test
    void aDeclarationReadAfterTheBlockOrEndingTheCellIsPlacedByWhereItIsRead() {
        // Read by a final expression outside the block: stays single.
        assertEquals(List.of(List.of("int n = 1;"), List.of("n++;"), List.of("n")), batches("int n = 1;\nn++;\nn", List.of()));
        // Ending the cell, read by nothing: joins the statements before it.
        assertEquals(List.of(List.of("f();", "int last = 2;")), batches("f();\nint last = 2;", List.of()));
        // Alone, there is nothing to join.
        assertEquals(List.of(List.of("int alone = 2;")), batches("int alone = 2;", List.of()));
        // A method after it reads it: it stays, and the statements before and after it form their own blocks.
        assertEquals(List.of(List.of("f();"), List.of("int m = 1;"), List.of("g();", "h();"), List.of("void k() { m++; }")),
                batches("f();\nint m = 1;\ng();\nh();\nvoid k() { m++; }", List.of()));
        // The same name declared again later in the cell: a block never holds two locals of one name, and any
        // mention after a block counts as a read, so both stay variables of the kernel.
        assertEquals(List.of(List.of("int d = 1;"), List.of("f(d);"), List.of("int d = 2;"), List.of("g();")),
                batches("int d = 1;\nf(d);\nint d = 2;\ng();", List.of()));
    }

    @Test
    void onlyPrimitiveVariablesJoin() {
        assertEquals(List.of(List.of("int a = 1;", "f(a);")), batches("int a = 1;\nf(a);", List.of()));
        for (String declaration : List.of("String t = \"x\";", "var v = 1;", "Long boxed = 1L;", "final int k = 1;",
                "int[] array = {1, 2};")) {
            assertEquals(List.of(List.of(declaration), List.of("f();")), batches(declaration + "\nf();", List.of()), declaration);
        }
    }

    @Test
    void withoutTheHintDeclarationsStaySingleAsInTheApp() {
        String cell = "long s = 0;\ns++;";
        assertEquals(List.of(List.of("long s = 0;"), List.of("s++;")), batches(cell));
    }

    @Test
    void aCellOfStatementsAloneCanJoinABatchFromItsFirstStatement() {
        String cell = "\n// a sum\nint i = 0;\nwhile (i < 3) { i++; }\nSystem.out.println(i);";
        List<LiveNames.RunCell> run = List.of(new LiveNames.RunCell(cell, true, true));
        CellSplitter.Statements statements = CellSplitter.statementsOnly(cell, split(cell), LiveNames.of(run).getFirst());
        assertEquals(new CellSplitter.Statements(cell.substring(1), 1), statements, "from the comment on, as JShell splits it");
        assertEquals(new CellSplitter.Statements("for (;;) { break; }", 0),
                CellSplitter.statementsOnly("for (;;) { break; }", split("for (;;) { break; }"), DeadVariables.NONE));
    }

    @Test
    void aCellThatDeclaresOrShowsAValueCannotJoinABatch() {
        for (String cell : List.of("int kept = 1;\nSystem.out.println(kept);", "System.out.println(1);\n1 + 1",
                "void f() {}", "import java.util.*;", "class A {}", "return;")) {
            assertEquals(null, CellSplitter.statementsOnly(cell, split(cell), DeadVariables.NONE), cell);
        }
    }

    /** Cells where a splitter of statements by tokens could go wrong, and the cases it leaves to JShell. */
    private static final List<String> HARD_CELLS = List.of(
            "int c = 3;\n// trailing only\n", "foo();  // c\n", "foo(); ", "foo();\n\n", "foo();  // c\nbar();",
            "a.b = c; d.e(f);", "x = 1 2;\nfoo();", "Page p = alloc_pages(GFP_KERNEL, 0);\n  p.pfn()",
            "s = \"a;b\"; t = ';';", "s = \"\"\"\n  x; y\n  \"\"\";\nfoo();", "f(() -> { g(); h(); });\nk();",
            "Runnable r = () -> { return; };\nr.run();", "x = switch (y) { case 1 -> 2; default -> 3; };\nz();",
            "o = new Object() { int v; };\nfoo();", "int a = 1, b = 2;\nfoo(a, b);", "long s[] = {1};\nfoo();",
            "int[] a = {1, 2};\nfoo();", "List<Long> l = new ArrayList<>();\nl.add(1L);", "foo()\\u003b bar();",
            "outer: for (;;) { break outer; }\nfoo();", "Collections.<String>emptyList();\nfoo();", "foo(;\nbar();",
            "foo());\nbar();", "x = (1 + 2;\nbar();", "s = \"unterminated;\nfoo();", "/* a; */ foo(); /* b; */ bar();",
            "// lead\nfoo();\nbar();", "x++;\ny--;\n", "this.x = 1;\nfoo();", "@Deprecated int v = 1;\nfoo();",
            "var v = 1;\nfoo();", "record R(int x) {}\nfoo();", "foo()\nbar();", "x = 1\n", "p.q.r(s);\nt.u = v;",
            "int i = 0; while (i < 3) { i++; } System.out.println(i);", "Foo x;\nbar();", "Foo x, y;\nbar();",
            "x = a ? b : c;\nfoo();", "x = y = z;\nfoo();", "x <<= 1; y >>>= 2;", "if (a) foo(); else bar();\nbaz();",
            "yield x;\nfoo();", "String _ = foo();\nbar();", "permits x;\nfoo();", "when = 3;\nfoo();",
            "module m;\nfoo();", "assert x;\nfoo();", "sealed s = 1;\nfoo();", "Foo x = 1, y;\nfoo();",
            "x = 1;;\nfoo();", ";\nfoo();", "foo(); bar()");

    @Test
    void plainStatementsSplitAsJShellSplitsThem() throws java.io.IOException {
        List<String> cells = new java.util.ArrayList<>(HARD_CELLS);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("notebooks"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                for (var cell : json.readTree(file.toFile()).get("cells")) {
                    if (cell.get("cell_type").asText().equals("code")) {
                        StringBuilder source = new StringBuilder();
                        cell.get("source").forEach(line -> source.append(line.asText()));
                        cells.add(source.toString());
                    }
                }
            }
        }
        int plain = 0;
        for (String cell : cells) {
            assertEquals(CellSplitter.split(shell.sourceCodeAnalysis(), cell, false),
                    CellSplitter.split(shell.sourceCodeAnalysis(), cell, true), cell);
            List<JavaTokens.Token> tokens = JavaTokens.of(cell);
            plain += tokens.isEmpty() || CellSplitter.plainStatementEnd(cell, tokens, 0) < 0 ? 0 : 1;
        }
        // Most cells start with a plain statement: the comparison is not of JShell's splitting with itself.
        assertTrue(cells.size() > 150 && plain > cells.size() / 3, plain + " of " + cells.size());
    }

    @Test
    void statementsAfterOneJShellCannotAnalyseAreNotLost() {
        // JShell's completeness analysis gives up on these (UNKNOWN); handed the rest of the cell, JShell's eval would
        // compile the first statement alone and drop the others without a word.
        List<List<String>> cells = List.of(
                List.of("var b = o instanceof List<?>;", "System.out.println(b);"),
                List.of("boolean isList = o instanceof List<?>;", "foo();"),
                List.of("boolean b = o instanceof final String s;", "foo();"),
                List.of("final var m = o instanceof Map<?, ?>;", "foo();", "bar();"),
                List.of("String p = \"\"\"\n  C:\\\\\"\"\";", "foo();"));
        for (List<String> statements : cells) {
            String cell = String.join("\n", statements);
            assertEquals(statements, split(cell).stream().map(CellSnippet::source).toList(), cell);
        }
        // The last statement, and an if whose branch ends in a semicolon, are handed over as before.
        assertEquals(List.of("if (a) b = o instanceof List<?>; else foo();\nbar();"),
                split("if (a) b = o instanceof List<?>; else foo();\nbar();").stream().map(CellSnippet::source).toList());
    }
}
