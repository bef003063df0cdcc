package dev.pageframe.ui.app;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.exercise.ExerciseCells;
import dev.pageframe.ui.UiFixture;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.RunState;
import dev.pageframe.ui.outputs.FxSnapshots;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: writes docs/screenshots/recovery-list.png and exercise.png. Run with
 * {@code -Dpageframe.screenshots=docs/screenshots -Dtest=RecoveryAndExerciseScreenshots}.
 */
@EnabledIfSystemProperty(named = "pageframe.screenshots", matches = ".+")
class RecoveryAndExerciseScreenshots {
    @Test
    void takeScreenshots() throws Exception {
        Path out = UiFixture.screenshotFolder();
        UiFixture ui = UiFixture.startForScreenshots();
        try {
            recoveryList(ui, out.resolve("recovery-list.png"));
            ui.closeDialogs();
            ui.closeAllTabs();
            exercise(ui, out.resolve("exercise.png"));
        } finally {
            ui.close();
        }
    }

    private static void recoveryList(UiFixture ui, Path png) throws Exception {
        Notebook disk = Notebook.newEmpty().withCells(List.of(Cell.markdown("# Buddy notes"), Cell.code("long a = 1;"),
                Cell.code("long b = 2;")));
        Notebook edited = disk.withCell(1, disk.cells().get(1).withSource("long a = __get_free_pages(GFP_KERNEL, 3);"))
                .insertCell(3, Cell.code("free_pages(a, 3);"));
        Path notes = ui.root.resolve("home/Documents/Pageframe/buddy-notes.ipynb");
        ui.userData.recovery().save("a1b2c3d4e5f60718", notes, "buddy-notes.ipynb", disk, edited);
        ui.userData.recovery().save("0123456789abcdef", null, "Untitled-2.ipynb", null, edited);
        ui.crashed.add(ProcessHandle.current().pid());
        ui.fx(() -> ui.window.offerRecovery()).get();
        ui.crashed.clear();
        ui.waitUntil("the list is up", () -> ui.robot.lookup("#recovery-dialog").tryQuery().isPresent());
        Node pane = ui.robot.lookup("#recovery-dialog").query();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(10);
        snap(ui, pane.getScene(), png);
    }

    private static void exercise(UiFixture ui, Path png) throws Exception {
        List<Cell> cells = List.of(
                Cell.markdown("## Exercises\n\nThe cell below takes an order-2 block and notes how many pages should be"
                        + " free once it is back.").withId("intro"),
                Cell.code("long p = __get_free_pages(GFP_KERNEL, 2);\nlong before = nr_free_pages() + 4;").withId("setup"),
                ExerciseCells.task("task", "give-back", "### Exercise 1: give the block back\n\n`p` holds an order-2"
                        + " block (4 pages). Free it, so that `nr_free_pages()` is back to `before`.",
                        "`free_pages(addr, order)` gives a block back. The order must be the one it was allocated with.",
                        "`p` came from `__get_free_pages(GFP_KERNEL, 2)`: call `free_pages(p, 2)`."),
                ExerciseCells.answer("answer", "give-back", "// Free p here.\n", "free_pages(p, 2);"),
                ExerciseCells.check("check", "give-back",
                        "check(nr_free_pages() == before, \"every page of p given back: nr_free_pages() == \" + before);"));
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("exercises.ipynb", cells));
        CellModel setup = ui.cell(tab, 1);
        ui.fxRun(() -> tab.document().run(List.of(setup)));
        ui.waitUntil("the setup ran", UiFixture.KERNEL_SECONDS,
                () -> setup.runState() == RunState.IDLE && setup.executionCountProperty().get() != null);
        Node panel = ui.robot.lookup("#exercise-give-back").query();
        ui.robot.clickOn(ui.fx(() -> panel.lookup("#exercise-check")));
        ui.waitUntil("the check finished", UiFixture.KERNEL_SECONDS, () -> ui.fx(() ->
                ((javafx.scene.control.Label) panel.lookup("#exercise-result")).getText().startsWith("\u2718")));
        ui.robot.clickOn(ui.fx(() -> panel.lookup("#exercise-hint")));
        ui.fxRun(() -> tab.view().select(ui.cell(tab, 3)));
        for (int i = 0; i < 30; i++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
        }
        snap(ui, ui.stage.getScene(), png);
    }

    private static void snap(UiFixture ui, Scene scene, Path file) throws Exception {
        FxSnapshots.writePng(ui.fx(() -> scene.snapshot(null)), file);
    }
}
