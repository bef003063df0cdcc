package dev.pageframe.execution;

import static dev.pageframe.execution.TestKernels.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behaviour of cells on one long-lived kernel; tests use distinct names so they don't interfere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class KernelSessionTest {
    @RegisterExtension
    static final SharedKernel kernel = new SharedKernel();

    @Test
    void stateIsSharedAcrossCellsInOrder() {
        assertTrue(run(kernel.session(), "int shared = 20;").ok());
        assertTrue(run(kernel.session(), "shared += 1;").ok());
        assertEquals("42", run(kernel.session(), "shared * 2").executeResult().orElseThrow().text());
    }

    @Test
    void startupSnippetsAreInEffect() {
        assertEquals("9", run(kernel.session(), "max(3, 9)").executeResult().orElseThrow().text());
    }

    @Test
    void severalSnippetsInOneCellRunInOrder() {
        CellResult result = run(kernel.session(), "int m1 = 1; int m2 = m1 + 1;\nSystem.out.println(m2);\nm2 * 10");
        assertEquals("2\n", result.streamText(StreamName.STDOUT));
        assertEquals("20", result.executeResult().orElseThrow().text());
    }

    @Test
    void statementsAfterOneJShellsAnalysisGivesUpOnStillRun() {
        // JShell's completeness analysis gives up at ";" after a wildcard; its eval of the rest ran the first statement
        // and dropped the others silently.
        CellResult result = run(kernel.session(), """
                Object seen = java.util.List.of(4);
                var isList = seen instanceof java.util.List<?>;
                System.out.println("after " + isList);
                final var isMap = seen instanceof java.util.Map<?, ?>;
                System.out.println("and " + isMap);""");
        assertEquals("after true\nand false\n", result.streamText(StreamName.STDOUT));
    }

    @Test
    void aSemicolonHidesTheValueWhateverCommentFollowsIt() {
        assertFalse(run(kernel.session(), "1 + 2;  // hidden, as without the comment").executeResult().isPresent());
        assertFalse(run(kernel.session(), "Math.max(1, 2); /* hidden */\n").executeResult().isPresent());
        assertEquals("3", run(kernel.session(), "1 + 2  // shown").executeResult().orElseThrow().text());
    }

    @Test
    void stdoutAndStderrAreCapturedAndKeepTheirOrder() {
        CellResult result = run(kernel.session(), """
                System.out.println("one");
                System.err.println("two");
                System.out.print("three");
                """);
        assertEquals(List.of(
                        new StreamOutput(StreamName.STDOUT, "one\n"),
                        new StreamOutput(StreamName.STDERR, "two\n"),
                        new StreamOutput(StreamName.STDOUT, "three")),
                result.outputs());
    }

    @Test
    void multiByteCharactersSurvivePacketBoundaries() {
        // JShell's multiplexer cuts streams into 127-byte packets, splitting these characters.
        CellResult result = run(kernel.session(), "System.out.print(\"é€😀\".repeat(100))");
        assertEquals("é€😀".repeat(100), result.streamText(StreamName.STDOUT));
    }

    @Test
    void finalExpressionValueIsTheExecuteResult() {
        CellResult result = run(kernel.session(), "String word = \"ab\";\nword.repeat(2)");
        ExecuteResult value = result.executeResult().orElseThrow();
        assertEquals("\"abab\"", value.text());
        assertEquals(result.executionCount(), value.executionCount());
        assertEquals(Map.of("text/plain", "\"abab\""), value.data());
    }

    @Test
    void declarationsAssignmentsStatementsAndSemicolonTerminatedExpressionsShowNoValue() {
        assertTrue(run(kernel.session(), "int quiet = 3;").executeResult().isEmpty());
        assertTrue(run(kernel.session(), "quiet = 4").executeResult().isEmpty());
        assertTrue(run(kernel.session(), "void noop() {}").executeResult().isEmpty());
        assertTrue(run(kernel.session(), "if (quiet > 0) quiet++;").executeResult().isEmpty());
        assertTrue(run(kernel.session(), "quiet + 1;").executeResult().isEmpty());
        assertEquals("5", run(kernel.session(), "quiet").executeResult().orElseThrow().text());
    }

    @Test
    void compileErrorNamesCellLineAndColumn() {
        CellResult result = run(kernel.session(), "int fine = 1;\n\nString wrong = 42;\n");
        assertEquals(CellStatus.ERROR, result.status());
        ErrorOutput error = result.error().orElseThrow();
        assertEquals("CompilationError", error.ename());
        assertTrue(error.evalue().startsWith("line 3, column 16: incompatible types"), error.evalue());
        assertEquals(3, error.line());
        CompileDiagnostic diagnostic = result.diagnostics().getFirst();
        assertEquals(CompileDiagnostic.Severity.ERROR, diagnostic.severity());
        assertEquals(3, diagnostic.line());
        assertEquals(16, diagnostic.column());
        assertEquals("int fine = 1;\n\nString wrong = ".length(), diagnostic.startOffset());
        assertEquals("int fine = 1;\n\nString wrong = 42".length(), diagnostic.endOffset());
        assertEquals(List.of(
                        "line 3, column 16: incompatible types: int cannot be converted to java.lang.String",
                        "    String wrong = 42;",
                        "                   ^^"),
                error.traceback());
    }

    @Test
    void snippetsAfterAFailingOneDoNotRun() {
        CellResult result = run(kernel.session(), "int beforeFailure = 1;\nint failure = \"no\";\nint afterFailure = 2;");
        assertEquals(CellStatus.ERROR, result.status());
        assertTrue(run(kernel.session(), "beforeFailure").ok());
        assertEquals(CellStatus.ERROR, run(kernel.session(), "afterFailure").status());
    }

    @Test
    void incompleteSourceIsACompileError() {
        CellResult result = run(kernel.session(), "int unfinished = (1 + ");
        assertEquals(CellStatus.ERROR, result.status());
        assertEquals("CompilationError", result.error().orElseThrow().ename());
    }

    @Test
    void runtimeExceptionTracebackNamesCellLines() {
        CellResult result = run(kernel.session(), """
                int unused = 0;
                void explode() {
                  throw new IllegalStateException("bad state");
                }
                explode();
                """);
        assertEquals(CellStatus.ERROR, result.status());
        ErrorOutput error = result.error().orElseThrow();
        int cell = result.executionCount();
        assertEquals("java.lang.IllegalStateException", error.ename());
        assertEquals("bad state", error.evalue());
        assertEquals(3, error.line());
        assertEquals(List.of(
                        "java.lang.IllegalStateException: bad state",
                        "    at explode (cell [" + cell + "], line 3)",
                        "    at (cell [" + cell + "], line 5)"),
                error.traceback());
    }

    @Test
    void framesInEarlierCellsNameThoseCells() {
        CellResult definition = run(kernel.session(), "// helper\nint half(int n) {\n  return 10 / n;\n}");
        CellResult call = run(kernel.session(), "int ignored = 1;\nhalf(0)");
        ErrorOutput error = call.error().orElseThrow();
        assertEquals("java.lang.ArithmeticException", error.ename());
        assertEquals(2, error.line());
        assertTrue(error.traceback().contains("    at half (cell [" + definition.executionCount() + "], line 3)"),
                error.traceback().toString());
        assertTrue(error.traceback().contains("    at (cell [" + call.executionCount() + "], line 2)"),
                error.traceback().toString());
    }

    @Test
    void libraryFramesStayAndExceptionCausesAreListed() {
        CellResult result = run(kernel.session(), """
                try {
                  java.util.List.of(1).get(5);
                } catch (IndexOutOfBoundsException e) {
                  throw new RuntimeException("wrapped", e);
                }
                """);
        List<String> traceback = result.error().orElseThrow().traceback();
        assertEquals("java.lang.RuntimeException: wrapped", traceback.getFirst());
        assertTrue(traceback.stream().anyMatch(l -> l.startsWith("Caused by: java.lang.IndexOutOfBoundsException")),
                traceback.toString());
        assertTrue(traceback.stream().anyMatch(l -> l.contains("ImmutableCollections")), traceback.toString());
        assertEquals(4, result.error().orElseThrow().line());
    }

    @Test
    void forwardReferencesBetweenCellsResolveOnceDeclared() {
        CellResult early = run(kernel.session(), "int twice(int n) { return helperNotYetWritten(n) * 2; }");
        assertTrue(early.ok());
        CompileDiagnostic warning = early.diagnostics().getFirst();
        assertEquals(CompileDiagnostic.Severity.WARNING, warning.severity());
        assertTrue(warning.message().contains("helperNotYetWritten"), warning.message());

        ErrorOutput tooSoon = run(kernel.session(), "twice(1)").error().orElseThrow();
        assertEquals("UnresolvedReference", tooSoon.ename());
        assertTrue(tooSoon.evalue().contains("helperNotYetWritten"), tooSoon.evalue());

        assertTrue(run(kernel.session(), "int helperNotYetWritten(int n) { return n + 1; }").ok());
        assertEquals("4", run(kernel.session(), "twice(1)").executeResult().orElseThrow().text());
    }

    @Test
    void stackOverflowIsReportedAndTheKernelCarriesOn() {
        CellResult result = run(kernel.session(), "int dive(int n) { return dive(n + 1) + 1; }\ndive(0)");
        ErrorOutput error = result.error().orElseThrow();
        assertEquals("java.lang.StackOverflowError", error.ename());
        assertEquals(1, error.line());
        // Deep recursion collapses instead of printing a thousand identical frames.
        assertTrue(error.traceback().size() < 10, error.traceback().toString());
        assertFalse(result.kernelDied());
        assertEquals("2", run(kernel.session(), "1 + 1").executeResult().orElseThrow().text());
    }

    @Test
    void impossibleArrayIsAnOutOfMemoryErrorAndTheKernelCarriesOn() {
        CellResult result = run(kernel.session(), "long[] huge = new long[Integer.MAX_VALUE];");
        assertEquals("java.lang.OutOfMemoryError", result.error().orElseThrow().ename());
        assertFalse(result.kernelDied());
        assertEquals(KernelState.IDLE, kernel.session().state());
        assertEquals("3", run(kernel.session(), "1 + 2").executeResult().orElseThrow().text());
    }

    @Test
    void uncaughtErrorsInThreadsACellStartsArePrintedToStderr() {
        CellResult result = run(kernel.session(), """
                Thread worker = new Thread(() -> { throw new OutOfMemoryError("pretend"); }, "worker");
                worker.start();
                worker.join();
                """);
        assertTrue(result.ok());
        assertTrue(result.streamText(StreamName.STDERR).startsWith(
                "Exception in thread \"worker\" java.lang.OutOfMemoryError: pretend"), result.toString());
        assertEquals("1", run(kernel.session(), "1").executeResult().orElseThrow().text());
    }

    @Test
    void displayBundleArrivesInOrderWithPrints() {
        List<CellOutput> live = Collections.synchronizedList(new ArrayList<>());
        CellResult result = kernel.session().execute("""
                System.out.println("before");
                dev.pageframe.execution.agent.CellContext.display(
                    java.util.Map.of("text/html", "<b>bold</b>", "text/plain", "bold"));
                System.out.println("after");
                """, new CellListener() {
                    @Override
                    public void output(CellOutput output) {
                        live.add(output);
                    }
                }).join();
        List<CellOutput> expected = List.of(
                new StreamOutput(StreamName.STDOUT, "before\n"),
                new DisplayData(Map.of("text/html", "<b>bold</b>", "text/plain", "bold"), Map.of()),
                new StreamOutput(StreamName.STDOUT, "after\n"));
        assertEquals(expected, result.outputs());
        assertEquals(expected, live);
    }

    @Test
    void binaryDisplayDataArrivesBase64Encoded() {
        CellResult result = run(kernel.session(), """
                dev.pageframe.execution.agent.CellContext.display("image/png", new byte[] {1, 2, 3});
                """);
        DisplayData display = assertInstanceOf(DisplayData.class, result.outputs().getFirst());
        assertEquals("AQID", display.data().get("image/png"));
    }

    @Test
    void aRecordInADisplayBundleStillArrivesAsJsonThroughJackson() {
        CellResult result = run(kernel.session(), """
                record Point(int x, int y) {}
                dev.pageframe.execution.agent.CellContext.display("application/json", new Point(3, 4));
                """);
        DisplayData display = assertInstanceOf(DisplayData.class, result.outputs().getFirst());
        assertEquals(Map.of("x", 3, "y", 4), display.data().get("application/json"));
    }

    @Test
    void progressEventsReachTheCellListener() {
        List<Progress> events = Collections.synchronizedList(new ArrayList<>());
        CellResult result = kernel.session().execute("""
                for (int i = 1; i <= 5; i++) {
                  dev.pageframe.execution.agent.CellContext.progress(i, 5, "pages");
                }
                """, new CellListener() {
                    @Override
                    public void progress(Progress progress) {
                        events.add(progress);
                    }
                }).join();
        assertTrue(result.ok());
        // Reports are thinned, but the first and the final one always arrive.
        assertEquals(new Progress(result.executionCount(), 1, 5, "pages"), events.getFirst());
        assertEquals(new Progress(result.executionCount(), 5, 5, "pages"), events.getLast());
        assertEquals(1.0, events.getLast().fraction());
    }

    @Test
    void listenerSeesTheCellStartWithItsExecutionCount() {
        int[] started = new int[1];
        CellResult result = kernel.session().execute("1", new CellListener() {
            @Override
            public void started(int executionCount, java.time.Instant at) {
                started[0] = executionCount;
            }
        }).join();
        assertEquals(result.executionCount(), started[0]);
    }

    @Test
    void timingIsRecordedForTheNotebookMetadata() {
        CellResult result = run(kernel.session(), "int timed = 1;");
        CellTiming timing = result.timing();
        assertFalse(timing.started().isBefore(timing.submitted()));
        assertFalse(timing.finished().isBefore(timing.started()));
        assertFalse(timing.duration().isNegative());
    }

    @Test
    void cellClassesWhoseStackFramesMergeOtherCellClassesLoad() {
        // JDK 25's LocalExecutionControl fails on this: its instrumentation recomputes stack maps
        // and cannot resolve the cell classes A, B and C.
        assertTrue(run(kernel.session(), "class Base {}\nclass Left extends Base {}\nclass Right extends Base {}").ok());
        CellResult result = run(kernel.session(), """
                Base pick(boolean left) {
                  Base chosen = null;
                  for (int i = 0; i < 3; i++) { chosen = left ? new Left() : new Right(); }
                  return chosen;
                }
                pick(false).getClass().getSimpleName()
                """);
        assertEquals("\"Right\"", result.executeResult().orElseThrow().text());
    }

    @Test
    void standardInputIsEmpty() {
        assertEquals("-1", run(kernel.session(), "System.in.read()").executeResult().orElseThrow().text());
    }

    @Test
    void blankCellsRunNothingAndTakeNoExecutionCount() {
        CellResult result = run(kernel.session(), "  \n ");
        assertTrue(result.ok());
        assertEquals(0, result.executionCount());
    }

    @Test
    void completionsSuggestMathMax() {
        CompletionResult completions = kernel.session().completions("Math.ma", 7);
        assertEquals(5, completions.anchor());
        assertTrue(completions.suggestions().stream().anyMatch(s -> s.continuation().equals("max(")),
                completions.suggestions().toString());
    }

    @Test
    void completionsKnowDeclarationsFromCells() {
        assertTrue(run(kernel.session(), "int pageFrameNumber = 7;").ok());
        CompletionResult completions = kernel.session().completions("pageFrameN", 10);
        assertTrue(completions.suggestions().stream().anyMatch(s -> s.continuation().equals("pageFrameNumber")),
                completions.suggestions().toString());
    }

    @Test
    void documentationGivesSignatures() {
        List<Documentation> docs = kernel.session().documentation("Math.max(", 9);
        assertTrue(docs.stream().anyMatch(d -> d.signature().equals("int Math.max(int a, int b)")), docs.toString());
    }
}
