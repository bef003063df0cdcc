package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.UiFixture;
import dev.pageframe.ui.notebook.CellModel;
import java.util.List;
import javafx.application.Application;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jupyter's command-mode keys, one scrollbar for the page, theme and zoom. */
class KeyboardAndViewTest {
    static UiFixture ui;

    @BeforeAll
    static void start() throws Exception {
        ui = UiFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        ui.close();
    }

    @AfterEach
    void closeTabs() {
        ui.closeDialogs();
        ui.closeAllTabs();
        ui.fxRun(() -> {
            ui.window.darkProperty().set(false);
            ui.window.zoom(0);
        });
    }

    @Test
    void commandModeKeysInsertDeleteUndoRetypeAndMoveTheSelection() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("keys.ipynb", List.of(Cell.code("int a = 1;"), Cell.code("int b = 2;"))));
        CellModel a = ui.cell(tab, 0);
        CellModel b = ui.cell(tab, 1);
        ui.clickIntoEditor(tab, 0);
        assertTrue(ui.fx(() -> tab.view().editModeProperty().get()));

        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil("command mode", () -> !tab.view().editModeProperty().get());

        ui.robot.push(KeyCode.B);
        assertEquals(3, ui.fx(() -> tab.document().cells().size()));
        CellModel inserted = ui.cell(tab, 1);
        assertEquals(inserted, ui.fx(() -> tab.view().selected()));

        ui.robot.push(KeyCode.M);
        assertEquals(CellType.MARKDOWN, ui.fx(inserted::type));
        ui.robot.push(KeyCode.Y);
        assertEquals(CellType.CODE, ui.fx(inserted::type));

        ui.robot.push(KeyCode.D).push(KeyCode.D);
        assertEquals(List.of(a, b), ui.fx(() -> List.copyOf(tab.document().cells())));
        assertEquals(b, ui.fx(() -> tab.view().selected()), "the next cell is selected after a delete");

        ui.robot.push(KeyCode.Z);
        assertEquals(List.of(a, inserted, b), ui.fx(() -> List.copyOf(tab.document().cells())), "Z undoes the delete");

        ui.robot.push(KeyCode.K);
        assertEquals(a, ui.fx(() -> tab.view().selected()));
        ui.robot.push(KeyCode.J).push(KeyCode.DOWN);
        assertEquals(b, ui.fx(() -> tab.view().selected()));
        ui.robot.push(KeyCode.UP);
        assertEquals(inserted, ui.fx(() -> tab.view().selected()));

        ui.robot.push(KeyCode.A);
        assertEquals(4, ui.fx(() -> tab.document().cells().size()));
        assertEquals(1, ui.fx(() -> tab.document().cells().indexOf(tab.view().selected())), "A inserts above");

        ui.robot.push(KeyCode.ENTER);
        ui.waitUntil("Enter edits the selected cell", () -> tab.view().editModeProperty().get());
        ui.robot.write("x");
        assertEquals("x", ui.fx(() -> ui.cell(tab, 1).source()));
        assertTrue(ui.fx(() -> tab.getText().endsWith("\u2022")));
    }

    @Test
    void aMarkdownCellRendersAndEditsWithDoubleClickAndShiftEnter() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("md.ipynb", List.of(Cell.markdown("# Title\n\nSome *prose*."), Cell.code(""))));
        CellModel md = ui.cell(tab, 0);
        var view = ui.view(tab, 0);
        assertFalse(ui.fx(() -> md.editingProperty().get()));

        ui.robot.doubleClickOn(ui.fx(() -> view.lookup(".markdown-rendered")));
        ui.waitUntil("the source is being edited", () -> md.editingProperty().get() && tab.view().editModeProperty().get());
        ui.robot.write(" More.");
        ui.robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        ui.waitUntil("Shift+Enter renders it", () -> !md.editingProperty().get());
        assertTrue(ui.fx(md::source).endsWith("More."));
        assertEquals(ui.cell(tab, 1), ui.fx(() -> tab.view().selected()));
    }

    @Test
    void theWheelScrollsThePageEvenOverACodeEditor() throws Exception {
        StringBuilder longCell = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            longCell.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        var tab = ui.open(ui.writeTrustedNotebook("wheel.ipynb", List.of(
                Cell.code(longCell.toString()), Cell.code(longCell.toString()), Cell.code("int end = 0;"))));
        var editor = ui.editor(tab, 0);
        ui.waitUntil("the editor is as tall as its text", () -> editor.getHeight() > 40 * 14);
        assertTrue(ui.fx(() -> editor.lookupAll(".scroll-bar").stream().noneMatch(n -> n.isVisible())),
                "editors have no scroll bars of their own");
        ui.fxRun(() -> tab.view().scrollBy(200));
        double before = ui.fx(() -> tab.view().scrollOffset());
        assertEquals(200, before, 1);

        // A wheel notch over the editor, as a desktop sends it: the page moves, the editor does not.
        ui.fxRun(() -> {
            var text = editor.lookup(".paragraph-text");
            var b = text.localToScene(text.getLayoutBounds());
            javafx.event.Event.fireEvent(text, new ScrollEvent(ScrollEvent.SCROLL, b.getCenterX(), b.getCenterY(),
                    b.getCenterX(), b.getCenterY(), false, false, false, false, false, false, 0, -120, 0, -120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        assertEquals(before + 120, ui.fx(() -> tab.view().scrollOffset()), 1);

        // And through the robot's wheel (its step size depends on the platform).
        ui.robot.moveTo(editor, javafx.geometry.Pos.TOP_CENTER, new javafx.geometry.Point2D(0, 300), org.testfx.robot.Motion.DIRECT);
        double mid = ui.fx(() -> tab.view().scrollOffset());
        ui.robot.scroll(5, javafx.geometry.VerticalDirection.DOWN);
        ui.waitUntil("the page moved under the wheel", () -> Math.abs(tab.view().scrollOffset() - mid) >= 4);
        assertEquals(0.0, ui.fx(() -> editor.getEstimatedScrollY()), 0.5, "the editor itself did not scroll");
    }

    @Test
    void zoomScalesTheWholeWindowAndTheDarkThemeSwitches() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("look.ipynb", List.of(Cell.code("int zoom = 1;"))));
        var editor = ui.editor(tab, 0);
        ui.waitUntil("the code is laid out", () -> !editor.lookupAll(".text").isEmpty());
        double before = ui.fx(() -> ((Text) editor.lookupAll(".text").iterator().next()).getFont().getSize());

        ui.fxRun(() -> tab.view().requestFocus());
        ui.robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        ui.robot.push(KeyCode.CONTROL, KeyCode.EQUALS);

        ui.waitUntil("the code font grew", () -> ((Text) editor.lookupAll(".text").iterator().next()).getFont().getSize() > before * 1.2);
        assertTrue(ui.fx(() -> ui.window.getStyle()).contains("17.50px"), ui.fx(() -> ui.window.getStyle()));
        ui.robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        ui.waitUntil("back to 100%", () -> ui.window.zoom() == 1.0);

        ui.fxRun(() -> ui.window.darkProperty().set(true));
        assertEquals(new PrimerDark().getUserAgentStylesheet(), ui.fx(Application::getUserAgentStylesheet));
        ui.fxRun(() -> ui.window.darkProperty().set(false));
        assertEquals(new PrimerLight().getUserAgentStylesheet(), ui.fx(Application::getUserAgentStylesheet));
    }
}
