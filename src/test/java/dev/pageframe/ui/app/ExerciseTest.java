package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.exercise.ExerciseCells;
import dev.pageframe.notebook.exercise.ExerciseProgress;
import dev.pageframe.ui.UiFixture;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.RunState;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** An exercise in the app: Check says pass or fail and what was expected, hints one at a time, the solution on request. */
class ExerciseTest extends WindowTest {
    private static List<Cell> exercise() {
        return List.of(
                Cell.code("long p = __get_free_pages(GFP_KERNEL, 2);\nlong before = nr_free_pages() + 4;").withId("setup"),
                ExerciseCells.task("task", "give-back", "Give the order-2 block `p` back.",
                        "free_pages gives a block back.", "Its order is 2: free_pages(p, 2)."),
                ExerciseCells.answer("answer", "give-back", "// free p here", "free_pages(p, 2);"),
                ExerciseCells.check("check", "give-back", "check(nr_free_pages() == before, \"every page of p given back\");"));
    }

    private static Node panel() {
        return ui.robot.lookup("#exercise-give-back").query();
    }

    private static String text(String id) {
        return ui.fx(() -> ((Label) panel().lookup(id)).getText());
    }

    private static void check(String expectedStart) {
        ui.robot.clickOn(ui.fx(() -> panel().lookup("#exercise-check")));
        String[] last = {""};
        ui.waitUntil("the check finished with \"" + expectedStart + "\"", UiFixture.KERNEL_SECONDS, () -> {
            last[0] = text("#exercise-result");
            return !last[0].startsWith("Checking") && !last[0].isEmpty();
        });
        assertTrue(last[0].startsWith(expectedStart), last[0]);
    }

    @Test
    void checkHintsAndSolutionWorkAndProgressIsKeptOutsideTheNotebook() throws Exception {
        Path file = ui.writeTrustedNotebook("exercise.ipynb", exercise());
        NotebookTab tab = ui.open(file);
        CellModel setup = ui.cell(tab, 0);
        ui.fxRun(() -> tab.document().run(List.of(setup)));
        ui.waitUntil("the setup ran", UiFixture.KERNEL_SECONDS,
                () -> setup.runState() == RunState.IDLE && setup.executionCountProperty().get() != null);
        ui.waitUntil("the exercise panel is under the task", () -> ui.robot.lookup("#exercise-give-back").tryQuery().isPresent());
        assertFalse(ui.fx(() -> panel().lookup("#exercise-solution-text").isVisible()), "the solution starts hidden");

        check("\u2718 Not solved yet: expected every page of p given back");
        assertTrue(ui.fx(() -> panel().lookup("#exercise-result").getStyleClass().contains("failed")));

        ui.robot.clickOn(ui.fx(() -> panel().lookup("#exercise-hint")));
        assertEquals("Hint 1: free_pages gives a block back.", text("#exercise-hint-1"));
        assertTrue(ui.fx(() -> panel().lookup("#exercise-hint-2")) == null, "one hint at a time");
        assertEquals("Show Hint 2 of 2", ui.fx(() -> ((Button) panel().lookup("#exercise-hint")).getText()));
        String key = ExerciseProgress.notebookKey(file, false);
        assertEquals(new ExerciseProgress.State(false, 1), ui.userData.exercises().get(key, "give-back"));

        ui.robot.clickOn(ui.fx(() -> panel().lookup("#exercise-solution")));
        assertTrue(ui.fx(() -> panel().lookup("#exercise-solution-text").isVisible()));
        // Shown as a code cell shows its source: the editor's style classes and highlighting, as tall as its text.
        Node shown = ui.fx(() -> panel().lookup("#exercise-solution-text"));
        assertTrue(ui.fx(() -> shown.getStyleClass().containsAll(List.of("cell-editor", "java"))));
        assertEquals("free_pages(p, 2);", ui.fx(() -> shown.lookupAll(".text").stream()
                .map(n -> ((javafx.scene.text.Text) n).getText()).collect(java.util.stream.Collectors.joining())));
        assertTrue(ui.fx(() -> shown.lookup(".api") != null),
                "free_pages is marked as kernel API, as in a code cell");
        ui.waitUntil("the panel is laid out", () -> panel().getLayoutBounds().getHeight() > 0);
        double line = ui.fx(() -> ((javafx.scene.text.Text) shown.lookup(".text")).getLayoutBounds().getHeight());
        assertTrue(ui.fx(() -> ((javafx.scene.layout.Region) shown).getHeight()) < 4 * line,
                "one line of solution is about a line tall, not a screen");
        assertTrue(ui.fx(() -> panel().getLayoutBounds().getHeight()) < 20 * line,
                "the panel, and so the task's card, stays as tall as what it shows: the cells below stay in sight");

        // The solution goes into the answer cell on request, and Z gives the learner's own text back.
        Node use = ui.fx(() -> panel().lookup("#exercise-use-solution"));
        assertTrue(ui.fx(use::isVisible), "offered with the solution");
        ui.robot.clickOn(use);
        assertEquals("free_pages(p, 2);", ui.fx(() -> ui.cell(tab, 2).source()));
        ui.fxRun(() -> tab.view().select(ui.cell(tab, 2)));
        ui.fxRun(() -> tab.view().requestFocus());
        ui.waitUntil("command mode", () -> !tab.view().editModeProperty().get() && tab.view().isFocused());
        ui.robot.push(javafx.scene.input.KeyCode.Z);
        assertEquals("// free p here", ui.fx(() -> ui.cell(tab, 2).source()), "Z takes it back");

        ui.fxRun(() -> ui.cell(tab, 2).sourceProperty().set("free_pages(p, 2);"));
        check("\u2714 Solved. every page of p given back");
        assertTrue(ui.fx(() -> panel().lookup("#exercise-result").getStyleClass().contains("passed")));
        assertEquals(new ExerciseProgress.State(true, 1), ui.userData.exercises().get(key, "give-back"));
        assertFalse(new dev.pageframe.notebook.NotebookFiles().load(file).notebook().cells().get(1).metadata()
                .toString().contains("hintsShown"), "progress never goes into the notebook");

        ui.fxRun(() -> ui.window.closeTab(tab));
        ui.open(file);
        ui.waitUntil("the panel is back", () -> ui.robot.lookup("#exercise-give-back").tryQuery().isPresent());
        assertEquals("solved", text("#exercise-progress"));
        assertEquals("Hint 1: free_pages gives a block back.", text("#exercise-hint-1"), "the hint seen stays shown");
    }

    @Test
    void theSolutionOfABundledExerciseKeepsTheCellsBelowInSight() throws Exception {
        NotebookTab tab = ui.open(Path.of("notebooks/tour.ipynb").toAbsolutePath());
        int task = ui.fx(() -> {
            var cells = tab.document().cells();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).source().startsWith("### Exercise 1")) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(task > 0, "the tour's first exercise");
        ui.fxRun(() -> tab.view().scrollToCell(ui.cell(tab, task)));
        ui.waitUntil("its panel is shown", () -> ui.robot.lookup("#exercise-give-back").tryQuery().isPresent());
        ui.robot.clickOn(ui.fx(() -> panel().lookup("#exercise-solution")));
        Node card = ui.view(tab, task);
        ui.waitUntil("laid out", () -> panel().lookup("#exercise-solution-text").getLayoutBounds().getHeight() > 0);
        javafx.geometry.Bounds panelInCard = ui.fx(() -> card.sceneToLocal(panel().localToScene(panel().getLayoutBounds())));
        double below = ui.fx(() -> card.getLayoutBounds().getHeight()) - panelInCard.getMaxY();
        assertTrue(below < 60, "the task's card ends with its panel, not " + below + " px of blank below it");
        assertTrue(ui.fx(() -> panel().getLayoutBounds().getHeight()) < 400,
                "five lines of solution: " + ui.fx(() -> panel().getLayoutBounds().getHeight()));
    }
}
