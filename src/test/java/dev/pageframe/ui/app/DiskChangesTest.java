package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** A file changed by another program while open is noticed on focus and on save, and the user chooses. */
class DiskChangesTest extends WindowTest {
    private static void changeOnDisk(Path file, String source) throws Exception {
        new NotebookFiles().save(file, Notebook.newEmpty().withCells(List.of(Cell.markdown("# Mine"), Cell.code(source))));
    }

    private static NotebookTab openStamped(String name) throws Exception {
        Path file = ui.writeTrustedNotebook(name, List.of(Cell.markdown("# Mine"), Cell.code("int a = 1;")));
        NotebookTab tab = ui.open(file);
        ui.waitUntil("the file's content is remembered", () -> ui.window.diskChanges().knows(tab));
        return tab;
    }

    @Test
    void onFocusAChangedFileCanBeReloaded() throws Exception {
        NotebookTab tab = openStamped("focus.ipynb");
        ui.open(ui.writeTrustedNotebook("after.ipynb", List.of(Cell.code("int b = 1;"))));
        ui.fxRun(() -> ui.window.tabs().getSelectionModel().select(tab));
        int at = ui.fx(() -> ui.window.tabs().getTabs().indexOf(tab));
        Path file = tab.document().file();
        changeOnDisk(file, "int a = 2; // from another program");

        ui.fxLater(() -> ui.window.diskChanges().checkAll());
        ui.waitUntil("the change is noticed", () -> ui.robot.lookup("#disk-changed-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Reload");

        ui.waitUntil("the file's version is shown", 20, () -> ui.window.current() != null
                && file.equals(ui.window.current().document().file())
                && ui.window.current().document().cells().get(1).source().contains("from another program"));
        ui.waitUntil("it is back in its place among the tabs", () -> ui.window.tabs().getTabs().indexOf(ui.window.current()) == at);
    }

    @Test
    void onSaveKeepMineWritesThisWindowsVersion() throws Exception {
        NotebookTab tab = openStamped("save.ipynb");
        Path file = tab.document().file();
        ui.clickIntoEditor(tab, 1);
        ui.robot.write(" // mine");
        changeOnDisk(file, "int a = 3; // theirs");

        ui.robot.push(KeyCode.CONTROL, KeyCode.S);
        ui.waitUntil("saving asks first", () -> ui.robot.lookup("#disk-changed-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Keep Mine");
        // The window gets the focus back as the question closes, and checks its files: not this one again.
        ui.fxRun(() -> ui.window.diskChanges().checkAll());

        ui.waitUntil("this window's version is saved", () -> !tab.document().isDirty());
        assertEquals("int a = 1; // mine", new NotebookFiles().load(file).notebook().cells().get(1).source());
        // After the save, a check ends without asking (a question would hold it open).
        var check = ui.fx(() -> ui.window.diskChanges().checkAll());
        ui.waitUntil("the check ended, or asked", () -> check.isDone()
                || ui.robot.lookup("#disk-changed-dialog").tryQuery().isPresent());
        assertTrue(ui.robot.lookup("#disk-changed-dialog").tryQuery().isEmpty(), "asked once, not twice");
        assertFalse(ui.fx(() -> tab.document().isDirty()), "saved, and not marked unsaved after");
    }

    @Test
    void zoomedTheQuestionShowsItsButtonsWhole() throws Exception {
        NotebookTab tab = openStamped("zoomed.ipynb");
        ui.fxRun(() -> ui.window.zoom(+1));
        ui.fxRun(() -> ui.window.zoom(+1));
        ui.waitUntil("125% zoom", () -> ui.window.zoom() == 1.25);
        changeOnDisk(tab.document().file(), "int a = 2; // theirs");
        ui.fxLater(() -> ui.window.diskChanges().checkAll());
        ui.waitUntil("it asks", () -> ui.robot.lookup("#disk-changed-dialog").tryQuery().isPresent());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.Button> buttons = ui.fx(() -> ui.robot.lookup("#disk-changed-dialog").query()
                .lookupAll(".button").stream().map(javafx.scene.control.Button.class::cast).toList());
        assertEquals(3, buttons.size());
        // Under GTK a dialog is sized as it shows, before the zoom stylesheet reaches it (buttons read "Save ..."):
        // it must carry the zoom from the start (seen under Xvfb; Monocle sizes it later, so the widths below hold
        // either way there).
        assertTrue(ui.fx(() -> ((javafx.scene.control.DialogPane) ui.robot.lookup("#disk-changed-dialog").query())
                .getStyle()).contains("-fx-font-size: 17.50px"), "zoomed before it showed");
        for (var b : buttons) {
            assertEquals(17.5, ui.fx(() -> b.getFont().getSize()), 0.01, "zoomed");
            assertTrue(ui.fx(() -> b.getWidth() >= b.prefWidth(-1) - 0.5),
                    "\"" + b.getText() + "\" shows whole: " + ui.fx(b::getWidth) + " of " + ui.fx(() -> b.prefWidth(-1)));
        }
        ui.robot.clickOn(buttons.stream().filter(b -> b.getText().equals("Reload")).findFirst().orElseThrow());
        ui.waitUntil("the question closed", () -> ui.robot.lookup("#disk-changed-dialog").tryQuery().isEmpty());
        ui.fxRun(() -> ui.window.zoom(0));
        // A change of look applies a frame later and ends when its picture goes: not in the next test.
        ui.waitUntil("back at 100%", () -> !ui.window.lookCovered() && ui.window.getStyle().contains("14.00px"));
    }
}
