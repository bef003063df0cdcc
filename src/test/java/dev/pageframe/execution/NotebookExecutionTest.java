package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cells that read like driver code run against the notebook's simulated machine. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NotebookExecutionTest {
    private static KernelSession modern;

    @BeforeAll
    static void start() throws Exception {
        modern = NotebookExecution.session(MachineSpec.of("x86_64", "1G"));
        modern.start().get();
    }

    @AfterAll
    static void stop() {
        modern.close();
    }

    private static CellResult run(KernelSession s, String src) throws Exception {
        return s.execute(src).get(60, TimeUnit.SECONDS);
    }

    @Test
    void driverStyleCellAllocatesAndPrintsBuddyinfo() throws Exception {
        CellResult r = run(modern, """
            long buf = __get_free_pages(GFP_KERNEL, 3);
            cat("/proc/buddyinfo");
            free_pages(buf, 3);
            """);
        assertTrue(r.ok(), r.toString());
        assertTrue(r.streamText(StreamName.STDOUT).contains("Node 0, zone    DMA32"), r.streamText(StreamName.STDOUT));
    }

    @Test
    void aKernelBugsTracebackShowsTheApiCallAndTheCellNotTheEnginesInsides() throws Exception {
        CellResult r = run(modern, "long p = kmalloc(100, GFP_KERNEL);\nkfree(p);\nkfree(p);");
        ErrorOutput e = r.error().orElseThrow(() -> new AssertionError(r.toString()));
        List<String> frames = e.traceback().stream().filter(l -> l.startsWith("    at ")).toList();
        assertEquals(List.of("    at dev.pageframe.engine.api.KernelApi.kfree(KernelApi.java)",
                "    at (cell [" + r.executionCount() + "], line 3)"), frames.stream()
                .map(l -> l.replaceAll("\\(KernelApi\\.java:\\d+\\)", "(KernelApi.java)")).toList());
        assertTrue(e.traceback().getFirst().contains("BUG kmalloc-128"), e.traceback().getFirst());
    }

    @Test
    void displayOfTheZonesIsAChartBundle() throws Exception {
        CellResult r = run(modern, "display(zones());");
        DisplayData d = r.outputs().stream().filter(DisplayData.class::isInstance).map(DisplayData.class::cast)
            .findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        assertTrue(d.data().containsKey("image/svg+xml"));
        assertTrue(d.data().containsKey("application/vnd.pageframe.buddyinfo+json"));
        Output mapped = OutputMapper.toNotebook(d);
        assertInstanceOf(Output.DisplayData.class, mapped);
        assertTrue(((Output.DisplayData) mapped).data().has("image/png"), "the host draws the agent's SVG as a PNG");
    }

    @Test
    void aCellEndingInAChartValueShowsTheChartAsItsResult() throws Exception {
        CellResult r = run(modern, "long held = __get_free_pages(GFP_KERNEL, 2);\nbuddyinfo()");
        ExecuteResult value = r.executeResult().orElseThrow(() -> new AssertionError(r.toString()));
        assertEquals(r.executionCount(), value.executionCount());
        assertEquals(List.of("text/plain", "image/svg+xml", "application/vnd.pageframe.buddyinfo+json"),
            List.copyOf(value.data().keySet()), "the bundle display(buddyinfo()) publishes, in its order");
        assertTrue(value.text().startsWith("Free blocks per order"), value.text());
        assertTrue(value.text().contains("Node 0, zone    DMA32"), "the summary, not the record's toString: " + value.text());
        assertTrue(r.outputs().stream().noneMatch(DisplayData.class::isInstance), "one output: the result");
        Output mapped = OutputMapper.toNotebook(value);
        Output.ExecuteResult stored = assertInstanceOf(Output.ExecuteResult.class, mapped);
        assertTrue(stored.data().has("image/png"), "a stored result carries the chart's picture, as a display does");
        assertTrue(run(modern, "free_pages(held, 2);").ok());
    }

    @Test
    void everyValueDisplayDrawsIsAChartAsAResultTooWhateverItsStaticType() throws Exception {
        assertChartResult("zones()", "buddyinfo");
        assertChartResult("frameMap()", "framemap");
        assertChartResult("Object anything = buddyinfo();\nanything", "buddyinfo");
        assertChartResult("Charts.bar(\"Asked\").categories(\"8\", \"64\").series(\"bytes\", 8, 64).build()", "bar");
    }

    private static void assertChartResult(String cell, String kind) throws Exception {
        CellResult r = run(modern, cell);
        ExecuteResult value = r.executeResult().orElseThrow(() -> new AssertionError(cell + ": " + r));
        assertTrue(value.data().containsKey("application/vnd.pageframe." + kind + "+json"), cell + ": " + value.data().keySet());
    }

    @Test
    void otherValuesStayJShellTextAndASemicolonStillHidesAChart() throws Exception {
        assertEquals(Map.of("text/plain", "3"), run(modern, "1 + 2").executeResult().orElseThrow().data());
        assertEquals(Map.of("text/plain", "[1, 2]"), run(modern, "java.util.List.of(1, 2)").executeResult().orElseThrow().data());
        assertEquals(Map.of("text/plain", "\"DMA32\""), run(modern, "zones().get(1).name()").executeResult().orElseThrow().data());
        CellResult hidden = run(modern, "buddyinfo();");
        assertTrue(hidden.ok(), hidden.toString());
        assertTrue(hidden.outputs().isEmpty(), hidden.outputs().toString());
        CellResult declared = run(modern, "var kept = buddyinfo();");
        assertTrue(declared.outputs().isEmpty(), "a declaration shows no value: " + declared.outputs());
    }

    @Test
    void engineMisuseBecomesAnErrorWithTheKernelReportAndTheCellLine() throws Exception {
        CellResult r = run(modern, """
            long p = kmalloc(64, GFP_KERNEL);
            kfree(p);
            kfree(p);
            """);
        ErrorOutput e = r.error().orElseThrow(() -> new AssertionError(r.toString()));
        assertEquals(3, e.line());
        assertTrue(String.join("\n", e.traceback()).contains("Object already free"), e.traceback().toString());
        CellResult after = run(modern, "nr_free_pages() > 0");
        assertTrue(after.ok(), "the machine is still usable after a caught misuse");
    }

    @Test
    void workloadsReportProgress() throws Exception {
        List<Progress> seen = new ArrayList<>();
        CellResult r = modern.execute("random_churn(300_000, 1000, 7)", new CellListener() {
            @Override
            public void progress(Progress p) {
                synchronized (seen) {
                    seen.add(p);
                }
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.toString());
        synchronized (seen) {
            assertFalse(seen.isEmpty());
        }
    }

    @Test
    void resultMapsOntoTheCellWithCountAndTiming() throws Exception {
        CellResult r = run(modern, "System.out.println(PAGE_SIZE); 1 + 1");
        Cell cell = OutputMapper.apply(Cell.code("System.out.println(PAGE_SIZE); 1 + 1"), r);
        assertEquals(r.executionCount(), cell.executionCount());
        assertTrue(cell.metadata().path("execution").has("shell.execute_reply"));
        assertInstanceOf(Output.Stream.class, cell.outputs().getFirst());
        assertTrue(cell.outputs().stream().anyMatch(o -> o instanceof Output.ExecuteResult));
    }

    @Test
    void inspectReadsTheMachineWithoutCountingACell() throws Exception {
        CellResult before = run(modern, "1");
        String free = modern.inspect("nr_free_pages()").get(30, TimeUnit.SECONDS).orElseThrow();
        assertTrue(Long.parseLong(free) > 0);
        CellResult after = run(modern, "2");
        assertEquals(before.executionCount() + 1, after.executionCount(), "inspect is not a cell");
    }

    @Test
    void thePageConstantsAreThoseOfTheNotebooksMachine() throws Exception {
        String types = " + \" \" + ((Object) PAGE_SIZE).getClass().getSimpleName() + ((Object) PAGE_SHIFT).getClass()"
            + ".getSimpleName() + ((Object) MAX_ORDER).getClass().getSimpleName() + ((Object) NULL).getClass().getSimpleName()";
        String cell = "PAGE_SIZE + \" \" + PAGE_SHIFT + \" \" + MAX_ORDER + \" \" + NULL" + types;
        assertEquals(expected(MachineProfiles.X86_64), run(modern, cell).executeResult().orElseThrow().text());
        try (KernelSession alpha = NotebookExecution.session(MachineSpec.of("alpha-linux-2.0", "64M"))) {
            alpha.start().get();
            CellResult r = run(alpha, cell);
            assertEquals(expected(MachineProfiles.ALPHA_LINUX_2_0), r.executeResult().orElseThrow().text(), r.toString());
        }
    }

    private static String expected(MachineProfile p) {
        return "\"" + (1L << p.pageShift()) + " " + p.pageShift() + " " + p.maxOrder() + " 0 LongIntegerIntegerLong\"";
    }

    @Test
    void everyStartupSnippetIsAnImportThatNeedsNoAgent() {
        // Imports compile while the agent JVM is still starting and booting the machine; nothing else is a snippet.
        for (String profile : List.of("x86_64", "i386", "i386-linux-2.0", "i386-linux-1.2", "alpha-linux-2.0")) {
            List<String> snippets = NotebookExecution.startupSnippets(MachineSpec.of(profile, "64M"));
            assertTrue(snippets.stream().allMatch(snippet -> snippet.startsWith("import ")), profile + ": " + snippets);
            assertTrue(snippets.size() >= 5, profile + ": " + snippets);
        }
    }

    @Test
    void theAgentBootsTheNotebooksMachineBeforeTheFirstCell() throws Exception {
        CellResult r = run(modern, "var k = dev.pageframe.engine.api.Session.kernel();"
                + " k.profile().name() + \" \" + k.memoryBytes() + \" \" + k.seed()");
        assertEquals("\"x86_64 1073741824 0\"", r.executeResult().orElseThrow().text(), r.toString());
        assertEquals(new MachineBoot("x86_64", 1L << 30, 7), NotebookExecution.boot(MachineSpec.of("x86_64", "1G"), 7));
    }

    @Test
    void aMachineTheAgentCannotHoldFailsTheStartSayingWhy() {
        // 64 GiB of frames need a 128 MiB frame table, which the agent's 1 GiB heap holds; JVM options that hold the
        // agent at 32 MiB (they follow the heap options on its command line) must fail its boot.
        KernelConfig config = NotebookExecution.config(MachineSpec.of("x86_64", "64G"));
        List<String> capped = new java.util.ArrayList<>(config.jvmOptions());
        capped.add("-Xmx32m");
        KernelConfig small = config.withJvmOptions(capped);
        try (KernelSession session = new KernelSession(small)) {
            java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> session.start().get(60, TimeUnit.SECONDS));
            assertInstanceOf(KernelStartException.class, failure.getCause());
            assertEquals("the machine did not boot: x86_64 with 64G: OutOfMemoryError: Java heap space",
                    failure.getCause().getMessage());
            assertEquals(KernelState.DEAD, session.state());
        }
    }

    @Test
    void anUnknownProfileFailsTheStartWithTheEnginesWords() {
        KernelConfig config = NotebookExecution.config(MachineSpec.of("x86_64", "64M"))
                .withBoot(new MachineBoot("pdp-11", 64L << 20, 0));
        try (KernelSession session = new KernelSession(config)) {
            java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> session.start().get(60, TimeUnit.SECONDS));
            String message = failure.getCause().getMessage();
            assertTrue(message.startsWith("the machine did not boot: pdp-11 with 64M: unknown machine profile 'pdp-11'; known: "),
                    message);
            assertTrue(message.contains("pdp-11"), message);
        }
    }

    @Test
    void linux20NotebooksGetTheOldPriorities() throws Exception {
        try (KernelSession old = NotebookExecution.session(MachineSpec.of("i386-linux-2.0", "16M"))) {
            old.start().get();
            CellResult r = run(old, "__get_free_pages(GFP_KERNEL, 6) == 0 && GFP_KERNEL == 3");
            assertEquals("true", r.executeResult().orElseThrow().text());
        }
    }
}
