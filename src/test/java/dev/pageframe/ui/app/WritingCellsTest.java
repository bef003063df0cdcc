package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Output;
import dev.pageframe.ui.notebook.CellModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/**
 * Writing with cell commands: cut, copy and paste (between notebooks too), split and merge, the type box, keys after
 * an output's button.
 */
class WritingCellsTest extends WindowTest {
    private void commandMode(NotebookTab tab, int cell) {
        ui.clickIntoEditor(tab, cell);
        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil("command mode", () -> !tab.view().editModeProperty().get());
    }

    @Test
    void aCellCopiedInOneNotebookPastesIntoAnother() throws Exception {
        NotebookTab from = ui.open(ui.writeTrustedNotebook("from.ipynb", List.of(Cell.code("long p = kmalloc(64, GFP_KERNEL);"))));
        NotebookTab to = ui.open(ui.writeTrustedNotebook("to.ipynb", List.of(Cell.code("int x = 1;"))));
        ui.fxRun(() -> ui.window.tabs().getSelectionModel().select(from));
        commandMode(from, 0);
        ui.robot.push(KeyCode.C);

        ui.fxRun(() -> ui.window.tabs().getSelectionModel().select(to));
        commandMode(to, 0);
        ui.robot.push(KeyCode.V);
        assertEquals(List.of("int x = 1;", "long p = kmalloc(64, GFP_KERNEL);"),
                ui.fx(() -> to.document().cells().stream().map(CellModel::source).toList()));
        assertFalse(ui.fx(() -> to.document().cells().get(0).id().equals(to.document().cells().get(1).id())));
    }

    @Test
    void theToolbarsTypeBoxFollowsMYAndR() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("types.ipynb", List.of(Cell.code("int a = 1;"))));
        commandMode(tab, 0);
        @SuppressWarnings("unchecked")
        ComboBox<CellType> box = (ComboBox<CellType>) ui.robot.lookup(".cell-type-box").query();
        assertEquals(CellType.CODE, ui.fx(box::getValue));
        ui.robot.push(KeyCode.M);
        assertEquals(CellType.MARKDOWN, ui.fx(box::getValue), "M");
        ui.robot.push(KeyCode.R);
        assertEquals(CellType.RAW, ui.fx(box::getValue), "R");
        ui.robot.push(KeyCode.Y);
        assertEquals(CellType.CODE, ui.fx(box::getValue), "Y");
    }

    @Test
    void aStrayMTakesACodeCellsOutputsAndZBringsThemBack() throws Exception {
        Cell ran = Cell.code("System.out.println(\"done\");").withExecutionCount(3)
                .withOutputs(List.of(Output.Stream.stdout("done\n")));
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("stray.ipynb", List.of(ran)));
        commandMode(tab, 0);
        ui.robot.push(KeyCode.M);
        assertEquals(CellType.MARKDOWN, ui.fx(() -> ui.cell(tab, 0).type()));
        assertEquals(0, ui.fx(() -> ui.cell(tab, 0).outputs().size()), "Markdown has no outputs, as in Jupyter");
        ui.robot.push(KeyCode.Z);
        assertEquals(CellType.CODE, ui.fx(() -> ui.cell(tab, 0).type()));
        assertEquals(List.of(Output.Stream.stdout("done\n")), ui.fx(() -> List.copyOf(ui.cell(tab, 0).outputs())));
        assertEquals(3, ui.fx(() -> ui.cell(tab, 0).executionCountProperty().get()));
    }

    @Test
    void afterShowMoreLinesTheKeysStillWriteTheNextCell() throws Exception {
        String rows = IntStream.range(0, 100).mapToObj(i -> "row " + i + "\n").collect(Collectors.joining());
        Cell printed = Cell.code("for (int i = 0; i < 100; i++) System.out.println(\"row \" + i);")
                .withExecutionCount(1).withOutputs(List.of(Output.Stream.stdout(rows)));
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("rows.ipynb", List.of(printed)));
        commandMode(tab, 0);
        Button more = ui.robot.lookup(".output-show-more").queryButton();
        ui.fxRun(() -> tab.view().scrollBy(500));
        ui.waitUntil("the button is on screen", () -> {
            javafx.geometry.Bounds b = more.localToScene(more.getBoundsInLocal());
            return b.getMaxY() < more.getScene().getHeight() - 40 && b.getMinY() > 0;
        });
        // The press selects the cell without scrolling to its top, so the button is still under the pointer.
        ui.robot.clickOn(more);
        ui.waitUntil("the output unfolds", () -> more.getText().startsWith("Show fewer"));

        ui.robot.push(KeyCode.B);
        ui.robot.push(KeyCode.ENTER);
        ui.waitUntil("Enter edits the new cell", () -> tab.view().editModeProperty().get());
        ui.robot.write("int zz = 1;");
        assertEquals("int zz = 1;", ui.fx(() -> ui.cell(tab, 1).source()));
        assertEquals("Show fewer lines", ui.fx(more::getText), "Enter did not press the button again");
    }

    @Test
    void xCutsTheCellVPastesItAndZBringsTheCutBack() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("cut.ipynb",
                List.of(Cell.code("int a = 1;"), Cell.code("int b = 2;"), Cell.code("int c = 3;"))));
        commandMode(tab, 1);
        ui.robot.push(KeyCode.X);
        assertEquals(List.of("int a = 1;", "int c = 3;"), sources(tab));
        assertEquals("int c = 3;", ui.fx(() -> tab.view().selected().source()), "the cell below is selected");
        ui.robot.push(KeyCode.V);
        assertEquals(List.of("int a = 1;", "int c = 3;", "int b = 2;"), sources(tab), "V pastes what X cut");
        ui.robot.push(KeyCode.Z);
        assertEquals(List.of("int a = 1;", "int b = 2;", "int c = 3;", "int b = 2;"), sources(tab),
                "Z puts the cut cell back where it was");
    }

    @Test
    void ctrlShiftMinusSplitsAtTheCaretAndZPutsTheCellBackWithItsOutputs() throws Exception {
        Cell ran = Cell.code("int a = 1;\nint b = 2;\nSystem.out.println(a + b);").withExecutionCount(4)
                .withOutputs(List.of(Output.Stream.stdout("3\n")));
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("split.ipynb", List.of(ran, Cell.markdown("end"))));
        CellModel original = ui.fx(() -> ui.cell(tab, 0));
        ui.clickIntoEditor(tab, 0);
        ui.fxRun(() -> tab.view().editorOf(original).moveTo("int a = 1;\n".length()));
        ui.robot.push(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        assertEquals(List.of("int a = 1;", "int b = 2;\nSystem.out.println(a + b);", "end"), sources(tab));
        assertEquals(original.id(), ui.fx(() -> ui.cell(tab, 0).id()), "the upper part keeps the cell's id");
        assertNotEquals(original.id(), ui.fx(() -> ui.cell(tab, 1).id()));
        assertEquals(0, ui.fx(() -> ui.cell(tab, 0).outputs().size()), "the outputs belonged to the whole cell");
        assertEquals(null, ui.fx(() -> ui.cell(tab, 0).executionCountProperty().get()));
        ui.waitUntil("the part after the caret is edited", () -> tab.view().editModeProperty().get()
                && tab.view().selected() == ui.cell(tab, 1) && tab.view().editorOf(ui.cell(tab, 1)).isFocused());
        assertEquals(0, ui.fx(() -> tab.view().editorOf(ui.cell(tab, 1)).getCaretPosition()));

        // Around a selection: three cells.
        ui.fxRun(() -> tab.view().editorOf(ui.cell(tab, 1)).selectRange(0, "int b = 2;".length()));
        ui.robot.push(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        assertEquals(List.of("int a = 1;", "", "int b = 2;", "System.out.println(a + b);", "end"), sources(tab));

        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil("command mode", () -> !tab.view().editModeProperty().get());
        ui.robot.push(KeyCode.Z);
        ui.robot.push(KeyCode.Z);
        assertEquals(List.of("int a = 1;\nint b = 2;\nSystem.out.println(a + b);", "end"), sources(tab));
        assertSame(original, ui.fx(() -> ui.cell(tab, 0)), "the cell itself is back");
        assertEquals(List.of(Output.Stream.stdout("3\n")), ui.fx(() -> List.copyOf(ui.cell(tab, 0).outputs())));
        assertEquals(4, ui.fx(() -> ui.cell(tab, 0).executionCountProperty().get()));
    }

    @Test
    void shiftMMergesTheCellWithTheOneBelowAndZSeparatesThemAgain() throws Exception {
        Cell ran = Cell.code("int a = 1;").withExecutionCount(2).withOutputs(List.of(Output.Stream.stdout("x\n")));
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("merge.ipynb",
                List.of(Cell.markdown("# Title"), ran, Cell.code("System.out.println(a);"))));
        CellModel upper = ui.fx(() -> ui.cell(tab, 1));
        CellModel lower = ui.fx(() -> ui.cell(tab, 2));
        commandMode(tab, 1);
        ui.robot.push(new KeyCodeCombination(KeyCode.M, KeyCombination.SHIFT_DOWN));
        assertEquals(List.of("# Title", "int a = 1;\n\nSystem.out.println(a);"), sources(tab));
        assertEquals(CellType.CODE, ui.fx(() -> ui.cell(tab, 1).type()), "not turned into Markdown: Shift+M is not M");
        assertEquals(upper.id(), ui.fx(() -> ui.cell(tab, 1).id()), "the merged cell keeps the upper cell's id");
        assertEquals(0, ui.fx(() -> ui.cell(tab, 1).outputs().size()), "the merged code has not run");
        assertSame(ui.fx(() -> ui.cell(tab, 1)), ui.fx(() -> tab.view().selected()));

        ui.robot.push(new KeyCodeCombination(KeyCode.M, KeyCombination.SHIFT_DOWN));
        assertEquals(2, ui.fx(() -> tab.document().cells().size()), "nothing below the last cell to merge with");

        ui.robot.push(KeyCode.Z);
        assertEquals(List.of(upper, lower), ui.fx(() -> List.copyOf(tab.document().cells().subList(1, 3))));
        assertEquals(List.of(Output.Stream.stdout("x\n")), ui.fx(() -> List.copyOf(upper.outputs())));
        assertEquals(Boolean.TRUE, ui.fx(() -> tab.document().isDirty()));
    }

    @Test
    void aClickInTheBlankPartOfACodeCellsBoxEditsItSoTheKeysWriteThere() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("blank-click.ipynb",
                List.of(Cell.markdown("# Answer below"), Cell.code(""), Cell.code("int a = 1;"), Cell.raw(""))));
        for (int index : new int[] {1, 2, 3}) {
            ui.fxRun(() -> tab.view().commandMode());
            javafx.scene.Node box = ui.fx(() -> ui.view(tab, index).lookup(".cell-input"));
            // Near the box's bottom right corner: inside the box, past the end of its text.
            javafx.geometry.Bounds b = ui.fx(() -> box.localToScreen(box.getBoundsInLocal()));
            ui.robot.clickOn(new javafx.geometry.Point2D(b.getMaxX() - 6, b.getMaxY() - 3));
            ui.waitUntil("the click edits cell " + index, () -> tab.view().editModeProperty().get()
                    && tab.view().selected() == ui.cell(tab, index));
            ui.robot.write("rb");
            assertEquals(index == 2 ? "int a = 1;rb" : "rb", ui.fx(() -> ui.cell(tab, index).source()),
                    "the keys were text, not R (raw) and B (insert)");
            assertEquals(4, ui.fx(() -> tab.document().cells().size()));
            assertEquals(index == 3 ? CellType.RAW : CellType.CODE, ui.fx(() -> ui.cell(tab, index).type()));
        }
    }

    @Test
    void clearOutputsOfOneCellOrAllAndZBringsThemBack() throws Exception {
        Cell one = Cell.code("System.out.println(1);").withExecutionCount(1).withOutputs(List.of(Output.Stream.stdout("1\n")));
        Cell two = Cell.code("System.out.println(2);").withExecutionCount(2).withOutputs(List.of(Output.Stream.stdout("2\n")));
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("clear.ipynb", List.of(one, Cell.markdown("between"), two)));
        commandMode(tab, 0);
        ui.fxRun(() -> ui.window.runCommand(ui.window.commandTable().find("cell.clearOutput").orElseThrow()));
        assertEquals(0, ui.fx(() -> ui.cell(tab, 0).outputs().size()));
        assertEquals(null, ui.fx(() -> ui.cell(tab, 0).executionCountProperty().get()));
        assertEquals(1, ui.fx(() -> ui.cell(tab, 2).outputs().size()), "only the selected cell");
        assertEquals(Boolean.TRUE, ui.fx(() -> tab.document().isDirty()));

        ui.fxRun(() -> ui.window.runCommand(ui.window.commandTable().find("cell.clearAllOutputs").orElseThrow()));
        assertEquals(0, ui.fx(() -> ui.cell(tab, 2).outputs().size()));
        ui.robot.push(KeyCode.Z);
        assertEquals(List.of(Output.Stream.stdout("2\n")), ui.fx(() -> List.copyOf(ui.cell(tab, 2).outputs())),
                "Z takes back Clear All Outputs in one step");
        assertEquals(2, ui.fx(() -> ui.cell(tab, 2).executionCountProperty().get()));
        assertEquals(0, ui.fx(() -> ui.cell(tab, 0).outputs().size()), "the earlier clear is a step of its own");
        ui.robot.push(KeyCode.Z);
        assertEquals(List.of(Output.Stream.stdout("1\n")), ui.fx(() -> List.copyOf(ui.cell(tab, 0).outputs())));
    }

    /** Jupyter's O: the outputs fold away under a bar, the file keeps it as JupyterLab does, and O or a click undoes it. */
    @Test
    void oHidesACellsOutputsUnderABarThatTheFileKeeps() throws Exception {
        Cell one = Cell.code("System.out.println(1);").withExecutionCount(1).withOutputs(List.of(Output.Stream.stdout("1\n")));
        Path file = ui.writeTrustedNotebook("hide.ipynb", List.of(one, Cell.code("int x = 2;")));
        NotebookTab tab = ui.open(file);
        commandMode(tab, 0);
        ui.robot.push(KeyCode.O);
        assertTrue(ui.fx(() -> ui.cell(tab, 0).outputsHiddenProperty().get()));
        javafx.scene.Node view = ui.fx(() -> tab.view().lookupAll(".code-cell").iterator().next());
        javafx.scene.control.Label bar = ui.fx(() -> (javafx.scene.control.Label) view.lookup(".outputs-hidden-bar"));
        assertTrue(ui.fx(bar::isVisible));
        assertEquals("\u22EF 1 output hidden: click, or press O, to show", ui.fx(bar::getText));
        assertFalse(ui.fx(() -> view.lookup(".cell-outputs").isVisible()), "the outputs are out of sight");
        assertEquals(1, ui.fx(() -> ui.cell(tab, 0).outputs().size()), "hidden, not cleared");

        ui.robot.push(KeyCode.CONTROL, KeyCode.S);
        ui.waitUntil("saved", () -> !tab.document().isDirty());
        Cell saved = new dev.pageframe.notebook.NotebookFiles().load(file).notebook().cells().getFirst();
        assertTrue(saved.metadata().path("jupyter").path("outputs_hidden").asBoolean(), saved.metadata().toString());
        assertTrue(saved.metadata().path("collapsed").asBoolean(), saved.metadata().toString());
        assertEquals(1, saved.outputs().size());

        ui.robot.clickOn(bar);
        ui.waitUntil("a click shows them again", () -> view.lookup(".cell-outputs").isVisible() && !bar.isVisible());
        ui.robot.push(KeyCode.CONTROL, KeyCode.S);
        ui.waitUntil("saved again", () -> !tab.document().isDirty());
        Cell shown = new dev.pageframe.notebook.NotebookFiles().load(file).notebook().cells().getFirst();
        assertFalse(shown.metadata().has("collapsed") || shown.metadata().has("jupyter"), shown.metadata().toString());

        // A file written by Jupyter with the older key opens with the outputs hidden.
        Cell classic = one.withMetadata(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("collapsed", true));
        NotebookTab old = ui.open(ui.writeTrustedNotebook("classic.ipynb", List.of(classic)));
        assertTrue(ui.fx(() -> ui.cell(old, 0).outputsHiddenProperty().get()));
    }

    /** Jupyter's Shift+O: a long output keeps to a box 24 em high, which the wheel scrolls before the page. */
    @Test
    void shiftOKeepsALongOutputInABoxThatTheWheelScrollsBeforeThePage() throws Exception {
        String lines = IntStream.range(0, 200).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        Cell longOutput = Cell.code("for (int i = 0; i < 200; i++) System.out.println(\"line \" + i);")
                .withExecutionCount(1).withOutputs(List.of(Output.Stream.stdout(lines)));
        Path file = ui.writeTrustedNotebook("scrolled.ipynb", List.of(longOutput, longOutput.withId("second")));
        NotebookTab tab = ui.open(file);
        commandMode(tab, 0);
        javafx.scene.Node view = ui.fx(() -> tab.view().lookupAll(".code-cell").iterator().next());
        double em = ui.fx(() -> tab.view().fontSizeProperty().get());
        assertTrue(ui.fx(() -> view.lookup(".cell-outputs").getLayoutBounds().getHeight()) > 30 * em,
                "taller than the box will be");

        ui.robot.push(KeyCode.SHIFT, KeyCode.O);
        assertTrue(ui.fx(() -> ui.cell(tab, 0).outputsScrolledProperty().get()));
        javafx.scene.control.ScrollPane box = ui.fx(() ->
                (javafx.scene.control.ScrollPane) view.lookup(".cell-outputs-scroller"));
        ui.waitUntil("the box is laid out at 24 em", () -> Math.abs(box.getHeight() - 24 * em) < 1);
        assertSame(ui.fx(() -> view.lookup(".cell-outputs")), ui.fx(box::getContent), "the outputs are inside the box");

        // O hides the outputs, box and all, and shows them again in their box.
        ui.robot.push(KeyCode.O);
        ui.waitUntil("hidden with the box", () -> !box.isVisible() && view.lookup(".outputs-hidden-bar").isVisible());
        ui.robot.push(KeyCode.O);
        ui.waitUntil("back in the box", () -> box.isVisible() && Math.abs(box.getHeight() - 24 * em) < 1);

        // The wheel over the box scrolls the box; the page stays.
        javafx.scene.Node text = ui.fx(() -> box.lookup(".cell-output"));
        double page = ui.fx(() -> tab.view().scrollOffset());
        wheelDown(text);
        assertTrue(ui.fx(box::getVvalue) > 0, "the box scrolled");
        assertEquals(page, ui.fx(() -> tab.view().scrollOffset()), 0.5, "the page did not");
        // At the box's end the wheel moves the page on.
        ui.fxRun(() -> box.setVvalue(1));
        wheelDown(text);
        assertTrue(ui.fx(() -> tab.view().scrollOffset()) > page + 10, "the page scrolled");

        ui.robot.push(KeyCode.CONTROL, KeyCode.S);
        ui.waitUntil("saved", () -> !tab.document().isDirty());
        Cell saved = new dev.pageframe.notebook.NotebookFiles().load(file).notebook().cells().getFirst();
        assertTrue(saved.metadata().path("scrolled").asBoolean(), saved.metadata().toString());

        // A file that says scrolled opens so; Shift+O there lets the output out, and the key goes.
        NotebookTab again = ui.open(ui.writeTrustedNotebook("scrolled-again.ipynb", List.of(saved)));
        assertTrue(ui.fx(() -> ui.cell(again, 0).outputsScrolledProperty().get()));
        commandMode(again, 0);
        ui.robot.push(KeyCode.SHIFT, KeyCode.O);
        assertFalse(ui.fx(() -> ui.cell(again, 0).outputsScrolledProperty().get()));
        javafx.scene.Node first = ui.fx(() -> again.view().lookupAll(".code-cell").iterator().next());
        ui.waitUntil("the output is out of its box", () -> first.lookup(".cell-outputs-scroller") == null
                && first.lookup(".cell-outputs").getLayoutBounds().getHeight() > 30 * em);
        assertFalse(ui.fx(() -> ui.cell(again, 0).toCell().metadata().has("scrolled")));
    }

    /** A wheel notch down over {@code node}, as a desktop sends it. */
    private static void wheelDown(javafx.scene.Node node) {
        ui.fxRun(() -> {
            var b = node.localToScene(node.getLayoutBounds());
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                    b.getCenterX(), b.getCenterY(), b.getCenterX(), b.getCenterY(), false, false, false, false, false,
                    false, 0, -120, 0, -120, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
    }

    /** A right-click on a cell selects it and offers the cell commands of the menus, with their keys. */
    @Test
    void aRightClickOnACellOffersTheCellCommandsForThatCell() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("context.ipynb",
                List.of(Cell.code("int a = 1;"), Cell.code("int b = 2;"))));
        commandMode(tab, 0);
        javafx.scene.Node second = ui.fx(() -> new java.util.ArrayList<>(tab.view().lookupAll(".code-cell")).get(1)
                .lookup(".cell-prompt-box"));
        ui.robot.rightClickOn(second);
        // The desktop then asks for a context menu (GTK does on the press; Monocle's headless glass sends no such event).
        ui.fxRun(() -> {
            var b = second.localToScreen(second.getLayoutBounds());
            javafx.event.Event.fireEvent(second, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5, b.getMinY() + 5,
                    false, null));
        });
        ui.waitUntil("the cell's menu is up", () -> contextMenu() != null);
        assertSame(ui.cell(tab, 1), ui.fx(() -> tab.view().selected()), "the right-click selected the cell");
        List<String> labels = ui.fx(() -> contextMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText)
                .filter(t -> t != null).toList());
        assertTrue(labels.contains("Cut Cell  (X)") && labels.contains("Hide or Show Cell Output  (O)")
                && labels.contains("Scroll or Expand Cell Output  (Shift+O)") && labels.contains("Cell Type"),
                labels.toString());
        ui.fxRun(() -> contextMenu().getItems().stream().filter(i -> "context-cell.insertBelow".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        ui.fxRun(() -> contextMenu().hide());
        assertEquals(List.of("int a = 1;", "int b = 2;", ""), sources(tab), "a cell inserted below the one clicked");
    }

    private static javafx.scene.control.ContextMenu contextMenu() {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.scene.control.ContextMenu m && m.isShowing() && "cell-context-menu".equals(m.getId())) {
                return m;
            }
        }
        return null;
    }

    private static List<String> sources(NotebookTab tab) {
        return ui.fx(() -> tab.document().cells().stream().map(CellModel::source).toList());
    }
}
