package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A headless run gives JShell consecutive cells that are statements alone as one eval ({@link CellBatch}): each
 * cell still gets its own outputs, count, errors and lines, as if it had run alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CellBatchTest {
    @RegisterExtension
    static final SharedKernel kernel = new SharedKernel();

    /** The snippet a cell's own code runs in, as its stack frame names it ({@code #12}). */
    private static final String PRINT_SNIPPET = "System.out.println(new Throwable().getStackTrace()[0].getFileName());";

    private static List<CellResult> batch(KernelSession session, String... cells) {
        List<LiveNames.RunCell> run = new ArrayList<>();
        for (String c : cells) {
            run.add(new LiveNames.RunCell(c, true, true));
        }
        return ran(session.executeBatch(List.of(cells), LiveNames.of(run), CellListener.NONE));
    }

    /** The results of the cells that ran; none may run after one that did not. */
    private static List<CellResult> ran(List<CompletableFuture<Optional<CellResult>>> futures) {
        List<Optional<CellResult>> all = futures.stream().map(CompletableFuture::join).toList();
        List<CellResult> ran = all.stream().takeWhile(Optional::isPresent).map(Optional::orElseThrow).toList();
        assertTrue(all.stream().skip(ran.size()).allMatch(Optional::isEmpty), all.toString());
        return ran;
    }

    private static CellResult alone(String cell) {
        return kernel.session().execute(cell).join();
    }

    @Test
    void statementCellsRunInOneEvalEachWithItsOwnOutputsAndCount() {
        int before = alone("System.out.print(\"\");").executionCount();
        List<CellResult> results = batch(kernel.session(), PRINT_SNIPPET, "System.out.println(\"second\");", PRINT_SNIPPET);
        assertEquals(3, results.size(), results.toString());
        assertEquals(List.of(before + 1, before + 2, before + 3), results.stream().map(CellResult::executionCount).toList());
        assertTrue(results.stream().allMatch(CellResult::ok), results.toString());
        String first = results.get(0).streamText(StreamName.STDOUT);
        assertTrue(first.startsWith("$JShell$"), first);
        assertEquals(first, results.get(2).streamText(StreamName.STDOUT), "the first and third cells ran in one snippet");
        assertEquals("second\n", results.get(1).streamText(StreamName.STDOUT));
        assertNotEquals(first, alone(PRINT_SNIPPET).streamText(StreamName.STDOUT), "a cell run alone is a snippet of its own");
        assertEquals(before + 5, alone("System.out.print(\"\");").executionCount(), "the counts go on after the batch");
    }

    @Test
    void eachCellKeepsItsOwnLocals() {
        String cell = "long total = 0;\nfor (int i = 0; i < 1000; i++) {\n    total += i;\n}\nSystem.out.println(total);";
        List<CellResult> results = batch(kernel.session(), cell, cell, "System.out.println(" + "\"done\");");
        assertEquals(3, results.size(), results.toString());
        assertEquals("499500\n", results.get(0).streamText(StreamName.STDOUT));
        assertEquals("499500\n", results.get(1).streamText(StreamName.STDOUT));
        assertEquals("done\n", results.get(2).streamText(StreamName.STDOUT));
    }

    @Test
    void anExceptionEndsTheBatchInTheCellThatThrewWithItsLines() {
        List<CellResult> results = batch(kernel.session(), "System.out.println(1);",
                "System.out.println(2);\nInteger.parseInt(\"two\");\nSystem.out.println(\"not reached\");",
                "System.out.println(3);");
        assertEquals(2, results.size(), "nothing after the failing cell ran: " + results);
        assertTrue(results.get(0).ok());
        CellResult failed = results.get(1);
        assertEquals(CellStatus.ERROR, failed.status());
        assertEquals("2\n", failed.streamText(StreamName.STDOUT));
        ErrorOutput error = failed.error().orElseThrow();
        assertEquals("java.lang.NumberFormatException", error.ename());
        assertEquals(2, error.line(), error.traceback().toString());
        assertTrue(error.traceback().stream().anyMatch(l -> l.contains("(cell [" + failed.executionCount() + "], line 2)")),
                error.traceback().toString());
        assertEquals(same(alone("System.out.println(2);\nInteger.parseInt(\"two\");")).traceback().size(),
                error.traceback().size(), "the same frames as the cell run alone");
    }

    private static ErrorOutput same(CellResult result) {
        return result.error().orElseThrow();
    }

    @Test
    void aBatchThatDoesNotCompileRunsItsCellsOneByOneWithTheErrorInItsCell() {
        String broken = "System.out.println(\"b\");\nSystem.out.println(noSuchName);";
        List<CellResult> results = batch(kernel.session(), PRINT_SNIPPET, broken, PRINT_SNIPPET);
        assertEquals(2, results.size(), results.toString());
        assertTrue(results.get(0).ok());
        CellResult failed = results.get(1);
        assertEquals(CellStatus.ERROR, failed.status());
        assertEquals(same(alone(broken)).evalue(), failed.error().orElseThrow().evalue());
        assertEquals(2, failed.error().orElseThrow().line());
        assertEquals("b\n", failed.streamText(StreamName.STDOUT), "its first statement ran, as when the cell runs alone");
    }

    @Test
    void cellsThatDeclareOrShowAValueRunAlone() {
        List<CellResult> results = batch(kernel.session(), "int keptByKernel = 4;", "System.out.println(keptByKernel);");
        assertEquals(1, results.size(), "a declaration a later cell reads is the kernel's: the cell runs alone");
        results = batch(kernel.session(), "keptByKernel + 1", "System.out.println(2);");
        assertEquals(1, results.size(), "a cell that shows a value runs alone");
        assertEquals("5", results.getFirst().executeResult().orElseThrow().text());
        results = batch(kernel.session(), "System.out.println(1);", "keptByKernel + 1");
        assertEquals(1, results.size(), "a batch needs two cells");
    }

    @Test
    void anInterruptStopsTheCellOfTheBatchThatIsRunning() throws Exception {
        CountDownLatch looping = new CountDownLatch(1);
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        CellListener listener = new CellListener() {
            @Override
            public void started(int executionCount, java.time.Instant at) {
                started.add(executionCount);
            }

            @Override
            public void output(CellOutput output) {
                if (output instanceof StreamOutput s && s.text().contains("looping")) {
                    looping.countDown();
                }
            }
        };
        List<String> cells = List.of("System.out.println(\"first\");", "System.out.println(\"looping\");\nwhile (true) {}");
        List<CompletableFuture<Optional<CellResult>>> f = kernel.session().executeBatch(cells,
                List.of(DeadVariables.NONE, DeadVariables.NONE), listener);
        assertTrue(looping.await(60, TimeUnit.SECONDS));
        assertTrue(f.getFirst().isDone(), "the first cell's result is out as soon as the second cell began");
        kernel.session().interrupt();
        List<CellResult> results = ran(f);
        assertEquals(2, results.size(), results.toString());
        assertTrue(results.get(0).ok());
        assertEquals("first\n", results.get(0).streamText(StreamName.STDOUT));
        assertEquals(CellStatus.INTERRUPTED, results.get(1).status());
        assertEquals(2, results.get(1).error().orElseThrow().line());
        assertEquals(List.of(results.get(0).executionCount(), results.get(1).executionCount()), started,
                "each cell of the batch started, in order");
    }

    @Test
    void aCellThatExitsKillsTheKernelInThatCell() {
        try (KernelSession own = new KernelSession(TestKernels.config())) {
            own.start().join();
            List<CellResult> results = batch(own, "System.out.println(1);", "System.exit(3);", "System.out.println(2);");
            assertEquals(2, results.size(), results.toString());
            assertTrue(results.get(0).ok());
            assertEquals(CellStatus.KERNEL_DIED, results.get(1).status());
            assertTrue(results.get(1).kernelDeath().contains("System.exit(3)"), results.get(1).kernelDeath());
        }
    }
}
