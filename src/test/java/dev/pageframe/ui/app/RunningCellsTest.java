package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.KernelState;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Output;
import dev.pageframe.ui.UiFixture;
import dev.pageframe.ui.notebook.CellEditor;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.RunState;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Running cells against a real kernel, the way a user does it: keys, toolbar, and what appears. */
class RunningCellsTest extends WindowTest {
    /** A new notebook whose first cell holds {@code source}, run with Ctrl+Enter, as a user would, to its end. */
    private static NotebookTab runInNewNotebook(String source) {
        NotebookTab tab = ui.newNotebook();
        CellEditor editor = ui.clickIntoEditor(tab, 0);
        ui.fxRun(() -> editor.replaceText(source));
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitIdle(tab, 0);
        return tab;
    }

    private static void waitIdle(NotebookTab tab, int index) {
        CellModel c = ui.cell(tab, index);
        ui.waitUntil("cell " + index + " finished", UiFixture.KERNEL_SECONDS,
                () -> c.runState() == RunState.IDLE && c.executionCountProperty().get() != null);
    }

    @Test
    void typingOnePlusOneAndShiftEnterShowsTwoAndPromptOne() {
        NotebookTab tab = ui.newNotebook();
        ui.clickIntoEditor(tab, 0);
        ui.robot.write("1 + 1");
        ui.robot.push(KeyCode.SHIFT, KeyCode.ENTER);

        waitIdle(tab, 0);
        assertEquals("[1]", ui.prompt(tab, 0));
        assertTrue(ui.outputText(tab, 0).contains("2"), ui.outputText(tab, 0));
        assertEquals(2, ui.fx(() -> tab.document().cells().size()), "Shift+Enter on the last cell adds one below");
        assertEquals(ui.cell(tab, 1), ui.fx(() -> tab.view().selected()));
        assertEquals(KernelState.IDLE, ui.fx(() -> tab.document().kernelState()));
        assertTrue(ui.fx(() -> ui.window.status().kernelText()).contains("idle"));
        assertTrue(ui.fx(() -> tab.getText()).endsWith("\u2022"), "running changed the notebook");
        ui.waitUntil("free memory shown", UiFixture.KERNEL_SECONDS,
                () -> ui.fx(() -> ui.window.status().freeText()).matches("Free [0-9.]+ MiB"));
    }

    @Test
    void statusBarFreeMemoryFollowsAllocationsWithoutCountingCells() {
        NotebookTab tab = ui.newNotebook();
        ui.clickIntoEditor(tab, 0);
        ui.robot.write("long big = __get_free_pages(GFP_KERNEL, 10);");
        ui.robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        waitIdle(tab, 0);
        ui.waitUntil("free memory shown", UiFixture.KERNEL_SECONDS,
                () -> ui.fx(() -> tab.document().freeBytesProperty().get()) > 0);
        long before = ui.fx(() -> tab.document().freeBytesProperty().get());
        ui.robot.write("free_pages(big, 10);");
        ui.robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        waitIdle(tab, 1);
        ui.waitUntil("4 MiB more free", UiFixture.KERNEL_SECONDS,
                () -> ui.fx(() -> tab.document().freeBytesProperty().get()) == before + (4L << 20));
        assertEquals("[2]", ui.prompt(tab, 1), "the status query is not a cell");
    }

    @Test
    void runAllRunsTheCellsInOrderAndStopsAtTheFirstError() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("runall.ipynb", List.of(
                Cell.markdown("# Run all"),
                Cell.code("int a = 20;"),
                Cell.code("int b = a + 22;\nb"),
                Cell.code("throw new IllegalStateException(\"stop here\");"),
                Cell.code("System.out.println(\"never\");"))));

        ui.robot.clickOn("#tool-run-all");

        ui.waitUntil("the failing cell ran", UiFixture.KERNEL_SECONDS, () -> {
            CellModel c = tab.document().cells().get(3);
            return c.runState() == RunState.IDLE && !c.outputs().isEmpty();
        });
        ui.waitUntil("the queue drained", UiFixture.KERNEL_SECONDS,
                () -> tab.document().cells().stream().allMatch(c -> c.runState() == RunState.IDLE));
        assertEquals("[1]", ui.prompt(tab, 1));
        assertEquals("[2]", ui.prompt(tab, 2));
        assertTrue(ui.outputText(tab, 2).contains("42"), ui.outputText(tab, 2));
        assertEquals("[3]", ui.prompt(tab, 3));
        assertTrue(ui.outputText(tab, 3).contains("stop here"), ui.outputText(tab, 3));
        assertEquals("[ ]", ui.prompt(tab, 4), "the cell after the error never ran");
        assertEquals("", ui.outputText(tab, 4));
    }

    private static Cell tagged(String source, String tag) {
        Cell c = Cell.code(source);
        com.fasterxml.jackson.databind.node.ObjectNode md = c.metadata();
        md.putArray("tags").add(tag);
        return c.withMetadata(md);
    }

    @Test
    void runAllGoesOnPastACellTaggedRaisesExceptionAndSkipsSkipExecutionCells() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("tags.ipynb", List.of(
                Cell.code("int a = 1;"),
                tagged("throw new IllegalStateException(\"expected\");", "raises-exception"),
                tagged("System.out.println(\"skipped\");", "skip-execution"),
                Cell.code("System.out.println(\"after \" + a);"),
                Cell.code("throw new IllegalStateException(\"stop here\");"),
                Cell.code("System.out.println(\"never\");"))));

        ui.robot.clickOn("#tool-run-all");

        ui.waitUntil("the untagged failure ran", UiFixture.KERNEL_SECONDS, () -> {
            CellModel c = tab.document().cells().get(4);
            return c.runState() == RunState.IDLE && !c.outputs().isEmpty();
        });
        ui.waitUntil("the queue drained", UiFixture.KERNEL_SECONDS,
                () -> tab.document().cells().stream().allMatch(c -> c.runState() == RunState.IDLE));
        assertEquals("[2]", ui.prompt(tab, 1));
        assertTrue(ui.outputText(tab, 1).contains("expected"), "the tagged cell's error is shown: " + ui.outputText(tab, 1));
        assertEquals("[ ]", ui.prompt(tab, 2), "a skip-execution cell is not run by Run All");
        assertEquals("", ui.outputText(tab, 2));
        assertEquals("[3]", ui.prompt(tab, 3), "the tagged error did not stop Run All");
        assertTrue(ui.outputText(tab, 3).contains("after 1"), ui.outputText(tab, 3));
        assertEquals("[4]", ui.prompt(tab, 4));
        assertEquals("[ ]", ui.prompt(tab, 5), "an untagged error still stops Run All");
    }

    @Test
    void aSkipExecutionCellStillRunsWhenRunByItself() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("skip.ipynb", List.of(
                tagged("System.out.println(\"by hand\");", "skip-execution"))));
        ui.fxRun(() -> tab.document().run(List.of(tab.document().cells().get(0))));
        waitIdle(tab, 0);
        assertTrue(ui.outputText(tab, 0).contains("by hand"), ui.outputText(tab, 0));
    }

    @Test
    void interruptStopsAnEndlessLoopAndTheKernelIsIdleAgain() {
        NotebookTab tab = ui.newNotebook();
        ui.clickIntoEditor(tab, 0);
        ui.robot.write("while (true) { }");
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        CellModel loop = ui.cell(tab, 0);
        ui.waitUntil("the loop is running", UiFixture.KERNEL_SECONDS, () -> loop.runState() == RunState.RUNNING);
        assertEquals("[*]", ui.prompt(tab, 0));
        ui.waitUntil("the status bar shows a busy kernel", () -> ui.window.status().kernelText().startsWith("Kernel busy"));

        ui.robot.clickOn("#tool-interrupt");

        ui.waitUntil("the loop stopped", UiFixture.KERNEL_SECONDS, () -> loop.runState() == RunState.IDLE);
        String out = ui.outputText(tab, 0);
        assertTrue(out.toLowerCase().contains("interrupt"), out);
        ui.waitUntil("the kernel is idle again", UiFixture.KERNEL_SECONDS,
                () -> tab.document().kernelState() == KernelState.IDLE);
        assertTrue(ui.fx(() -> ui.window.status().kernelText()).contains("idle"));

        // Again, stopped with I, I from command mode this time.
        ui.fxRun(() -> tab.view().select(loop));
        ui.fxRun(() -> tab.view().requestFocus());
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        ui.waitUntil("the loop runs again", UiFixture.KERNEL_SECONDS, () -> loop.runState() == RunState.RUNNING);
        ui.robot.push(KeyCode.I).push(KeyCode.I);
        ui.waitUntil("I, I stopped it", UiFixture.KERNEL_SECONDS,
                () -> loop.runState() == RunState.IDLE && tab.document().kernelState() == KernelState.IDLE);
        assertTrue(ui.outputText(tab, 0).toLowerCase().contains("interrupt"));
    }

    @Test
    void aCellPrintingInAnEndlessLoopKeepsTheWindowAnsweringAndStopsWithTheToolbar() {
        NotebookTab tab = ui.newNotebook();
        CellEditor editor = ui.clickIntoEditor(tab, 0);
        ui.fxRun(() -> editor.replaceText("for (long i = 0; ; i++) System.out.println(\"line \" + i);"));
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        CellModel flood = ui.cell(tab, 0);
        // The kernel stops forwarding text at its limit, ten million characters: the window has to keep up until then.
        ui.waitUntil("the output reaches the kernel's limit", UiFixture.KERNEL_SECONDS,
                () -> !flood.outputs().isEmpty() && flood.outputs().getFirst() instanceof Output.Stream s
                        && s.text().contains("[output truncated"));
        assertEquals(RunState.RUNNING, ui.fx(flood::runState));

        ui.robot.clickOn("#tool-interrupt");

        ui.waitUntil("the loop stopped", UiFixture.KERNEL_SECONDS, () -> flood.runState() == RunState.IDLE
                && tab.document().kernelState() == KernelState.IDLE);
        String out = ui.outputText(tab, 0);
        assertTrue(out.startsWith("line 0\nline 1\n"), out.substring(0, Math.min(out.length(), 200)));
        assertTrue(out.toLowerCase().contains("interrupt"), out.substring(Math.max(0, out.length() - 300)));
    }

    @Test
    void zeroZeroAsksThenRestartsOnAFreshMachineSoEarlierVariablesAreGone() {
        NotebookTab tab = ui.newNotebook();
        ui.clickIntoEditor(tab, 0);
        ui.robot.write("int x = 5; long big = __get_free_pages(GFP_KERNEL, 10);");
        ui.robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        waitIdle(tab, 0);
        ui.waitUntil("the status bar shows the machine's free memory",
                () -> !ui.window.status().freeText().contains("\u2014"));
        String before = ui.fx(() -> ui.window.status().freeText());

        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil("command mode", () -> !tab.view().editModeProperty().get());
        ui.robot.push(KeyCode.DIGIT0).push(KeyCode.DIGIT0);
        ui.waitUntil("a running machine asks first", () -> ui.robot.lookup("#restart-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Cancel");
        ui.waitUntil("the dialog closed", () -> ui.robot.lookup("#restart-dialog").tryQuery().isEmpty());
        assertEquals(KernelState.IDLE, ui.fx(() -> tab.document().kernelState()), "Cancel keeps the machine");
        assertEquals(before, ui.fx(() -> ui.window.status().freeText()));

        ui.fxRun(() -> tab.view().commandMode());
        ui.waitUntil("command mode", () -> ui.window.getScene().getFocusOwner() == tab.view());
        ui.robot.push(KeyCode.DIGIT0).push(KeyCode.DIGIT0);
        ui.waitUntil("asked again", () -> ui.robot.lookup("#restart-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Restart");
        ui.waitUntil("the kernel is restarting", UiFixture.KERNEL_SECONDS,
                () -> tab.document().kernelState() != KernelState.IDLE);
        ui.waitUntil("the kernel restarted", UiFixture.KERNEL_SECONDS,
                () -> tab.document().kernelState() == KernelState.IDLE);
        ui.waitUntil("the status bar shows the fresh machine's free memory, not the old one's",
                UiFixture.KERNEL_SECONDS, () -> {
                    String now = ui.window.status().freeText();
                    return !now.contains("\u2014") && !now.equals(before);
                });

        ui.clickIntoEditor(tab, 1);
        ui.robot.write("x");
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitIdle(tab, 1);
        assertEquals("[1]", ui.prompt(tab, 1), "counts start again after a restart");
        String out = ui.outputText(tab, 1);
        assertTrue(out.contains("cannot find symbol") || out.contains("CompilationError") || out.contains("x"), out);
        assertFalse(ui.fx(() -> ui.cell(tab, 1).diagnostics().isEmpty()), "the compile error is located");
    }

    @Test
    void restartAndClearAllOutputsAsksThenBootsAFreshMachineAndClearsThePage() {
        NotebookTab tab = runInNewNotebook("int y = 7;\nSystem.out.println(y);");
        assertEquals("7\n", ui.outputText(tab, 0));
        ui.fxLater(() -> ui.window.runCommand(ui.window.commandTable().find("kernel.restartAndClear").orElseThrow()));
        ui.waitUntil("it asks first", () -> ui.robot.lookup("#restart-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Restart and Clear");
        ui.waitUntil("the outputs are cleared", () -> ui.cell(tab, 0).outputs().isEmpty()
                && ui.cell(tab, 0).executionCountProperty().get() == null);
        ui.waitUntil("the kernel restarted", UiFixture.KERNEL_SECONDS,
                () -> tab.document().kernelState() == KernelState.IDLE);
        ui.fxRun(() -> ui.cell(tab, 0).sourceProperty().set("System.out.println(y);"));
        ui.fxRun(() -> tab.document().run(List.of(ui.cell(tab, 0))));
        waitIdle(tab, 0);
        assertEquals("[1]", ui.prompt(tab, 0), "counts start again on the fresh machine");
        assertTrue(ui.outputText(tab, 0).contains("cannot find symbol"), "y is gone: " + ui.outputText(tab, 0));
    }

    @Test
    void runAllThatStopsAtAFailingCellSaysWhereInTheStatusBar() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("stops.ipynb", List.of(dev.pageframe.notebook.Cell.code("int a = 1;"),
                dev.pageframe.notebook.Cell.code("if (a == 1) throw new IllegalStateException(\"stop\");"),
                dev.pageframe.notebook.Cell.code("int c = 3;"), dev.pageframe.notebook.Cell.code("int d = 4;"))));
        ui.fxRun(() -> tab.document().runAll());
        ui.waitUntil("Run All stopped and says where", UiFixture.KERNEL_SECONDS,
                () -> ui.window.status().messageText().equals(
                        "Run stopped at [2]: that cell failed, so the 2 cells queued after it did not run"));
        assertEquals(null, ui.fx(() -> ui.cell(tab, 3).executionCountProperty().get()), "the last cell never ran");
        ui.fxRun(() -> tab.document().run(List.of(ui.cell(tab, 0))));
        waitIdle(tab, 0);
        assertEquals("", ui.fx(() -> tab.document().stopNoteProperty().get()), "a new run starts without the note");
    }

    @Test
    void anErrorMarksItsLineInTheEditorAndACompileErrorIsUnderlined() {
        NotebookTab tab = runInNewNotebook("int a = 1;\nint b = 2;\nif (a < b) throw new RuntimeException(\"boom\");\nint c = 3;");
        CellEditor editor = ui.editor(tab, 0);

        assertTrue(ui.outputText(tab, 0).contains("boom"), ui.outputText(tab, 0));
        assertEquals(3, ui.fx(editor::errorLine), "the exception came from line 3");
        assertTrue(ui.fx(() -> editor.getParagraph(2).getParagraphStyle().contains("error-line")));

        ui.newNotebook();
        NotebookTab second = ui.window.current();
        CellEditor ed2 = ui.clickIntoEditor(second, 0);
        ui.fxRun(() -> ed2.replaceText("int ok = 1;\nString s = 42;"));
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitIdle(second, 0);
        assertFalse(ui.fx(ed2::diagnostics).isEmpty());
        int start = ui.fx(() -> ed2.getText().indexOf("42"));
        assertTrue(ui.fx(() -> ed2.getStyleAtPosition(start + 1).contains("compile-error")),
                "the bad value is underlined: " + ui.fx(() -> ed2.getStyleAtPosition(start + 1)));
        assertTrue(ui.fx(() -> ed2.lookupAll(".compile-error").size()) > 0);
    }

    @Test
    void aCellEndingInBuddyinfoShowsTheChartAsItsValue() {
        NotebookTab tab = runInNewNotebook("long p = __get_free_pages(GFP_KERNEL, 1);\nbuddyinfo()");

        Node view = ui.view(tab, 0);
        ui.waitUntil("the value is drawn as a buddyinfo chart: " + ui.outputText(tab, 0),
                () -> view.lookup(".output-buddyinfo") != null);
        assertFalse(ui.outputText(tab, 0).contains("BuddyInfo["), "not the record's toString: " + ui.outputText(tab, 0));
        List<dev.pageframe.notebook.Output> stored = ui.fx(() -> List.copyOf(tab.document().cells().get(0).outputs()));
        assertEquals(1, stored.size(), stored.toString());
        var result = assertInstanceOf(dev.pageframe.notebook.Output.ExecuteResult.class, stored.getFirst());
        assertTrue(result.data().has("image/png") && result.data().has("application/vnd.pageframe.buddyinfo+json"),
                result.data().mimeTypes().toString());
    }

    @Test
    void chartsTheZonesAndTheFrameMapRenderAsRichOutputs() {
        NotebookTab tab = runInNewNotebook("display(zones());\ndisplay(frameMap());\n"
                + "display(Charts.bar(\"free blocks\").categories(\"0\", \"1\", \"2\").series(\"DMA32\", 5, 3, 1).build());");

        Node view = ui.view(tab, 0);
        // Rich views may build their content when first shown, so wait for the style classes to appear.
        ui.waitUntil("the bar chart is drawn: " + ui.outputText(tab, 0), () -> view.lookup(".output-chart") != null);
        ui.waitUntil("the frame map is drawn", () -> view.lookup(".output-framemap") != null);
        ui.waitUntil("the zones are drawn (as a buddyinfo chart)",
                () -> view.lookup(".output-buddyinfo") != null || view.lookupAll(".output-chart").size() >= 2);
        assertEquals(3, ui.fx(() -> view.lookupAll(".cell-output").size()));
        // The views draw from the data; what the file will keep is the PNG every other viewer shows.
        List<dev.pageframe.notebook.Output> stored = ui.fx(() -> List.copyOf(tab.document().cells().get(0).outputs()));
        assertEquals(3, stored.size());
        for (dev.pageframe.notebook.Output o : stored) {
            var data = ((dev.pageframe.notebook.Output.DisplayData) o).data();
            assertTrue(data.has("image/png") && !data.has("image/svg+xml"), data.mimeTypes().toString());
        }
    }

    @Test
    void editingACellThatRanMarksItsOutputsStaleAndSoDoesRerunningACellAbove() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("stale.ipynb", List.of(
                Cell.code("int n = 1;"),
                Cell.code("n + 1"))));
        ui.fxRun(() -> tab.document().runAll());
        waitIdle(tab, 1);
        CellModel first = ui.cell(tab, 0);
        CellModel second = ui.cell(tab, 1);
        assertFalse(ui.fx(second::isStale));
        assertFalse(ui.fx(() -> ui.view(tab, 1).lookup(".stale-badge").isVisible()));

        ui.clickIntoEditor(tab, 1);
        ui.robot.write(" + 1");
        ui.waitUntil("the edited cell is stale", second::isStale);
        assertTrue(ui.fx(() -> ui.view(tab, 1).lookup(".stale-badge").isVisible()));
        assertTrue(ui.fx(() -> ui.view(tab, 1).lookup(".cell-outputs").getStyleClass().contains("stale")));

        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        ui.waitUntil("rerunning refreshes it", UiFixture.KERNEL_SECONDS,
                () -> second.runState() == RunState.IDLE && !second.isStale() && second.executionCountProperty().get() == 3);
        assertTrue(ui.outputText(tab, 1).contains("3"));

        ui.fxRun(() -> tab.document().run(List.of(first)));
        ui.waitUntil("running the cell above makes the one below stale", UiFixture.KERNEL_SECONDS,
                () -> first.runState() == RunState.IDLE && first.executionCountProperty().get() == 4 && second.isStale());
        assertFalse(ui.fx(first::isStale));
    }

    @Test
    void outputsStreamInWhileTheCellRunsAndProgressDrawsABar() {
        NotebookTab tab = ui.newNotebook();
        CellEditor editor = ui.clickIntoEditor(tab, 0);
        ui.fxRun(() -> editor.replaceText("for (int i = 1; i <= 400; i++) {\n"
                + "    progress(i, 400, \"filling\");\n"
                + "    if (i % 50 == 0) System.out.println(\"step \" + i);\n"
                + "    Thread.sleep(10);\n"
                + "}"));
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        CellModel cell = ui.cell(tab, 0);
        Node view = ui.view(tab, 0);

        ui.waitUntil("progress shows while running", UiFixture.KERNEL_SECONDS, () -> cell.runState() == RunState.RUNNING
                && view.lookup(".cell-progress").isVisible() && ui.textUnder(view.lookup(".cell-progress")).contains("filling"));
        ui.waitUntil("output arrives before the cell ends", UiFixture.KERNEL_SECONDS,
                () -> cell.runState() == RunState.RUNNING && ui.outputText(tab, 0).contains("step 50"));
        ui.waitUntil("the cell finishes", UiFixture.KERNEL_SECONDS, () -> cell.runState() == RunState.IDLE);
        assertTrue(ui.outputText(tab, 0).contains("step 400"));
        assertFalse(ui.fx(() -> view.lookup(".cell-progress").isVisible()), "the bar goes when the cell ends");
        String timing = ui.fx(() -> ((javafx.scene.control.Label) view.lookup(".cell-timing")).getText());
        assertTrue(timing.matches("\\d.*s"), "the last duration shows: " + timing);
    }

    @Test
    void ctrlSpaceOffersCompletionsFromTheKernelAndEnterInsertsOne() {
        NotebookTab tab = ui.newNotebook();
        CellEditor editor = ui.clickIntoEditor(tab, 0);
        ui.robot.write("long p = kmal");
        ui.robot.press(KeyCode.CONTROL).press(KeyCode.SPACE).release(KeyCode.SPACE).release(KeyCode.CONTROL);

        ui.waitUntil("the completion list shows", UiFixture.KERNEL_SECONDS,
                () -> ui.robot.lookup(".completion-list").tryQuery().map(n -> n.isVisible()).orElse(false));
        javafx.scene.control.ListView<?> list = ui.robot.lookup(".completion-list").query();
        assertTrue(ui.fx(() -> list.getItems().stream().anyMatch(s -> s.toString().contains("kmalloc("))),
                ui.fx(() -> list.getItems().toString()));
        ui.fxRun(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).toString().contains("continuation=kmalloc(,")) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        ui.robot.push(KeyCode.ENTER);
        try {
            ui.waitUntil("the name is completed", () -> editor.getText().equals("long p = kmalloc("));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": [" + ui.fx(editor::getText) + "]");
        }
    }

    @Test
    void aCellThatKillsTheKernelShowsItDeadAndTheNextRunStartsAFreshOne() {
        NotebookTab tab = ui.newNotebook();
        ui.clickIntoEditor(tab, 0);
        ui.robot.write("System.exit(3);");
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        ui.waitUntil("the kernel is dead", UiFixture.KERNEL_SECONDS, () -> tab.document().kernelState() == KernelState.DEAD);
        assertTrue(ui.fx(() -> ui.window.status().kernelText()).contains("dead"));
        ui.waitUntil("the cell is idle", UiFixture.KERNEL_SECONDS, () -> ui.cell(tab, 0).runState() == RunState.IDLE);
        assertTrue(ui.outputText(tab, 0).contains("exit"), ui.outputText(tab, 0));

        ui.clickIntoEditor(tab, 0);
        ui.fxRun(() -> ui.editor(tab, 0).replaceText("6 * 7"));
        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitIdle(tab, 0);
        ui.waitUntil("a fresh kernel answers", UiFixture.KERNEL_SECONDS, () -> ui.outputText(tab, 0).contains("42"));
        assertEquals("[1]", ui.prompt(tab, 0));
    }
}
