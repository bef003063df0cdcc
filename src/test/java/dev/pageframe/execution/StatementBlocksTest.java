package dev.pageframe.execution;

import static dev.pageframe.execution.TestKernels.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cell's consecutive statements run as one block (CellSplitter.batch); these check that a cell
 * behaves exactly as it did snippet by snippet: what it prints, keeps, shows, and where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class StatementBlocksTest {
    @RegisterExtension
    static final SharedKernel kernel = new SharedKernel();

    @Test
    void loopAndPrintAfterADeclarationRunAndTheDeclarationStays() {
        CellResult result = run(kernel.session(), "long total = 0;\nfor (int i = 0; i < 1000; i++) {\n    total += i;\n}\n"
                + "System.out.println(total);");
        assertEquals("499500\n", result.streamText(StreamName.STDOUT));
        assertTrue(result.executeResult().isEmpty());
        assertEquals("499501", run(kernel.session(), "total + 1").executeResult().orElseThrow().text());
    }

    @Test
    void declarationsBetweenStatementsAreVisibleToLaterStatementsAndCells() {
        CellResult result = run(kernel.session(), "int d1 = 1;\nd1++;\nint d2 = d1 * 10;\nd2 += 1;\nSystem.out.println(d1 + \" \" + d2);");
        assertEquals("2 21\n", result.streamText(StreamName.STDOUT));
        assertEquals("23", run(kernel.session(), "d1 + d2").executeResult().orElseThrow().text());
    }

    @Test
    void theFinalExpressionsValueIsStillShownAfterStatements() {
        CellResult result = run(kernel.session(), "java.util.List<Integer> shownList = new java.util.ArrayList<>();\n"
                + "shownList.add(4);\nshownList.add(5);\nshownList.add(6)");
        assertEquals("true", result.executeResult().orElseThrow().text());
        assertEquals("[4, 5, 6]", run(kernel.session(), "shownList").executeResult().orElseThrow().text());
    }

    @Test
    void aFailingStatementStopsTheCellAndTheTracebackNamesItsLine() {
        CellResult result = run(kernel.session(), "System.out.println(\"before\");\nfor (int i = 0; i < 1; i++) {\n"
                + "    Integer.parseInt(\"x\" + i);\n}\nSystem.out.println(\"after\");");
        assertEquals("before\n", result.streamText(StreamName.STDOUT));
        ErrorOutput error = result.error().orElseThrow();
        assertEquals("java.lang.NumberFormatException", error.ename());
        assertEquals(3, error.line());
        assertTrue(error.traceback().contains("    at (cell [" + result.executionCount() + "], line 3)"),
                error.traceback().toString());
    }

    @Test
    void statementsBeforeAThrowRunThoughTheBlockWouldNotCompile() {
        // As one block the last println is unreachable; the statements run one by one instead, as before.
        CellResult result = run(kernel.session(), "System.out.println(\"a\");\nif (true) throw new IllegalStateException(\"b\");\n"
                + "throw new IllegalStateException(\"c\");\nSystem.out.println(\"d\");");
        assertEquals("a\n", result.streamText(StreamName.STDOUT));
        ErrorOutput error = result.error().orElseThrow();
        assertEquals("java.lang.IllegalStateException", error.ename());
        assertEquals("b", error.evalue());
        assertEquals(2, error.line());
    }

    @Test
    void aCompileErrorInALaterStatementComesAfterTheEarlierOnesRanAndNamesItsLineAndColumn() {
        CellResult result = run(kernel.session(), "System.out.println(\"first\");\nSystem.out.println(\"second\");\n"
                + "Math.max(1, \"x\");\nSystem.out.println(\"third\");");
        assertEquals("first\nsecond\n", result.streamText(StreamName.STDOUT));
        ErrorOutput error = result.error().orElseThrow();
        assertEquals("CompilationError", error.ename());
        assertEquals(3, error.line());
        CompileDiagnostic diagnostic = result.diagnostics().getFirst();
        assertEquals(3, diagnostic.line());
        assertEquals(5, diagnostic.column()); // javac's place for it, as when the statement was evaluated alone
    }

    @Test
    void aWarningInsideABlockPointsAtItsCellColumn() {
        assertTrue(run(kernel.session(), "java.util.List rawList = new java.util.ArrayList();").ok());
        String cell = "System.out.println(\"w\");\n  rawList.add(1);";
        CellResult result = run(kernel.session(), cell);
        assertTrue(result.ok(), result.toString());
        assertFalse(result.diagnostics().isEmpty(), result.toString());
        CompileDiagnostic warning = result.diagnostics().getFirst();
        assertEquals(CompileDiagnostic.Severity.WARNING, warning.severity());
        assertEquals(2, warning.line());
        assertTrue(cell.startsWith("rawList.add", warning.startOffset()), warning.toString());
        assertEquals(14, warning.column()); // javac puts an unchecked call at its parenthesis
    }

    @Test
    void anInterruptStopsTheStatementsOfABlockAtTheLineRunning() {
        // Print, then spin: two statements, one block (nothing after the loop, which would be unreachable and
        // split the block again); the interrupt lands while the block runs.
        CellResult result = kernel.session().execute("System.out.println(\"spinning\");\nwhile (true) { }",
                new CellListener() {
                    private boolean sent;

                    @Override
                    public synchronized void output(CellOutput output) {
                        if (!sent) {
                            sent = true;
                            kernel.session().interrupt();
                        }
                    }
                }).join();
        assertEquals(CellStatus.INTERRUPTED, result.status());
        assertFalse(result.kernelDied());
        assertEquals("spinning\n", result.streamText(StreamName.STDOUT));
        ErrorOutput error = result.error().orElseThrow();
        assertEquals("Interrupted", error.ename());
        assertEquals(2, error.line());
        assertEquals(List.of(), run(kernel.session(), "int afterInterrupt = 1;").outputs());
    }
}
