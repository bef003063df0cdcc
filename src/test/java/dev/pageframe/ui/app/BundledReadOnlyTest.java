package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.notebook.CellModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.junit.jupiter.api.Test;

/** Bundled notebooks open read-only, marked in the tab; the first edit offers a copy; File lists every one of them. */
class BundledReadOnlyTest extends WindowTest {
    @Test
    void theTourIsMarkedReadOnlyAndTheFirstEditOffersACopyInTheDocumentsFolder() throws Exception {
        byte[] shipped = BundledNotebooks.read(BundledNotebooks.TOUR).orElseThrow();
        NotebookTab tab = ui.fx(() -> ui.window.openTour()).get(20, TimeUnit.SECONDS);
        ui.waitUntil("the tour's first page is shown", 20, () -> ui.window.settled());
        assertTrue(ui.fx(() -> BundledCopy.isMarked(tab)), "the tab says read-only");
        assertTrue(ui.robot.lookup("#bundled-banner").tryQuery().isPresent());

        int code = ui.fx(() -> {
            List<CellModel> cells = tab.document().cells();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).isCode()) {
                    return i;
                }
            }
            return -1;
        });
        ui.clickIntoEditor(tab, code);
        ui.robot.write(" ");
        ui.waitUntil("the first edit offers a copy", () -> ui.robot.lookup("#bundled-copy-dialog").tryQuery().isPresent());
        Path copy = ui.documents.resolve("tour.ipynb");
        ui.chosenFiles.add(copy);
        // The dialog's button, not the banner's of the same name.
        javafx.scene.Node button = ui.fx(() -> ui.robot.lookup("#bundled-copy-dialog").query().lookupAll(".button").stream()
                .filter(b -> b instanceof javafx.scene.control.Button bb && bb.getText().equals("Save a Copy"))
                .findFirst().orElseThrow());
        ui.robot.clickOn(button);

        ui.waitUntil("the copy is saved in the documents folder", 30, () -> copy.equals(tab.document().file()));
        assertEquals(List.of("Save a Copy of tour.ipynb", "tour.ipynb", ui.documents.toString()), ui.saveDialogs.getLast());
        assertFalse(ui.fx(() -> BundledCopy.isMarked(tab)), "the copy is the user's: no mark");
        assertTrue(ui.robot.lookup("#bundled-banner").tryQuery().isEmpty());
        assertArrayEquals(shipped, BundledNotebooks.read(BundledNotebooks.TOUR).orElseThrow(), "the bundled tour is as shipped");
    }

    @Test
    void closingAnEditedBundledNotebookOffersToSaveACopyByThatName() throws Exception {
        NotebookTab tab = ui.fx(() -> ui.window.openTour()).get(20, TimeUnit.SECONDS);
        ui.waitUntil("the tour's first page is shown", 20, () -> ui.window.settled());
        ui.fxRun(() -> tab.document().cells().getFirst().sourceProperty().set("# Edited"));
        ui.waitUntil("the edit offers a copy", () -> ui.robot.lookup("#bundled-copy-dialog").tryQuery().isPresent());
        javafx.scene.Node notNow = ui.fx(() -> ui.robot.lookup("#bundled-copy-dialog").query().lookupAll(".button").stream()
                .filter(b -> b instanceof javafx.scene.control.Button bb && bb.getText().equals("Not Now"))
                .findFirst().orElseThrow());
        ui.robot.clickOn(notNow);
        ui.fxLater(() -> ui.window.requestClose(tab));
        ui.waitUntil("the save-changes dialog is up", () -> ui.robot.lookup("#save-changes-dialog").tryQuery().isPresent());
        List<String> buttons = ui.fx(() -> ui.robot.lookup("#save-changes-dialog").query().lookupAll(".button").stream()
                .map(b -> ((javafx.scene.control.Button) b).getText()).toList());
        assertTrue(buttons.contains("Save a Copy\u2026") && !buttons.contains("Save"), buttons.toString());
        javafx.scene.Node cancel = ui.fx(() -> ui.robot.lookup("#save-changes-dialog").query().lookupAll(".button").stream()
                .filter(b -> ((javafx.scene.control.Button) b).getText().equals("Cancel")).findFirst().orElseThrow());
        ui.robot.clickOn(cancel);
        ui.waitUntil("the dialog closed", () -> ui.robot.lookup("#save-changes-dialog").tryQuery().isEmpty());
        assertTrue(ui.fx(() -> ui.window.tabs().getTabs().contains(tab)), "Cancel keeps the tab");
        ui.fxRun(() -> ui.window.closeTab(tab));
    }

    @Test
    void aBundledNotebookWhoseCellsWereOnlyRunClosesWithoutAskingToSave() throws Exception {
        NotebookTab tab = ui.fx(() -> ui.window.openTour()).get(20, TimeUnit.SECONDS);
        ui.waitUntil("the tour's first page is shown", 20, () -> ui.window.settled());
        ui.fxRun(() -> tab.document().markModified());
        assertTrue(ui.fx(() -> tab.document().isDirty()), "running changes its outputs");
        assertTrue(ui.fx(() -> ui.window.confirmCloseAll()), "quitting does not ask about it");
        ui.fxRun(() -> ui.window.requestClose(tab));
        ui.waitUntil("the tab closed without a question", () -> !ui.window.tabs().getTabs().contains(tab));
        assertTrue(ui.robot.lookup("#save-changes-dialog").tryQuery().isEmpty());
    }

    @Test
    void fileListsEveryBundledNotebookAndEachOpensReadOnly() throws Exception {
        Menu bundled = ui.fx(() -> {
            MenuBar bar = (MenuBar) ui.window.lookup(".main-menu");
            return (Menu) bar.getMenus().getFirst().getItems().stream()
                    .filter(i -> "menu-bundled".equals(i.getId())).findFirst().orElseThrow();
        });
        List<MenuItem> items = ui.fx(() -> bundled.getItems().stream()
                .filter(i -> !(i instanceof SeparatorMenuItem)).toList());
        List<String> ids = items.stream().map(i -> i.getId().substring("bundled-".length())).toList();
        assertEquals(BundledNotebooks.names().stream().sorted().toList(), ids.stream().sorted().toList(), "every one, once");
        // The course order of content/index.md, under the index's names: the tour first, DMA pages fourth.
        assertEquals(BundledNotebooks.TOUR, ids.getFirst());
        assertEquals("00  tour", items.getFirst().getText());
        assertEquals("03  DMA pages", items.get(3).getText());
        assertEquals("dma-and-vmalloc.ipynb", ids.get(3));
        assertEquals(1, ui.fx(() -> bundled.getItems().stream().filter(i -> i instanceof SeparatorMenuItem).count()),
                "one line between the course and the notebooks that go deeper");

        ui.fxRun(() -> items.get(3).fire());
        ui.waitUntil("it opened", 20, () -> ui.window.current() != null
                && ui.window.current().getText().startsWith("dma-and-vmalloc.ipynb"));
        NotebookTab tab = ui.window.current();
        assertNull(ui.fx(() -> tab.document().file()), "never the bundled file itself");
        assertTrue(ui.fx(() -> BundledCopy.isMarked(tab)));
    }

    @Test
    void theTourOpenedAgainPointsAtTheSavedCopyWhichKeepsTheAnswersProgress() throws Exception {
        var progress = ui.userData.exercises();
        String bundledKey = dev.pageframe.notebook.exercise.ExerciseProgress.notebookKey(Path.of(BundledNotebooks.TOUR), true);
        NotebookTab tab = ui.fx(() -> ui.window.openTour()).get(20, TimeUnit.SECONDS);
        ui.waitUntil("the tour's first page is shown", 20, () -> ui.window.settled());
        // Solved while the tour was still the bundled one, as a learner checks an answer before saving.
        progress.put(bundledKey, "give-back", new dev.pageframe.notebook.exercise.ExerciseProgress.State(true, 1));

        Path copy = ui.documents.resolve("my-tour.ipynb");
        ui.chosenFiles.add(copy);
        ui.robot.clickOn("#bundled-save-copy");
        ui.waitUntil("the copy is saved", 30, () -> copy.equals(tab.document().file()));
        String copyKey = dev.pageframe.notebook.exercise.ExerciseProgress.notebookKey(copy, false);
        ui.waitUntil("the progress went with the answers", 20,
                () -> progress.get(copyKey, "give-back").solved() && !progress.get(bundledKey, "give-back").solved());
        ui.waitUntil("the copy is noted", 20, () -> java.nio.file.Files.exists(ui.configDir.resolve(BundledCopies.FILE_NAME)));
        ui.fxRun(() -> ui.window.requestClose(tab));
        ui.waitUntil("the copy's tab closed", () -> !ui.window.tabs().getTabs().contains(tab));

        // A new window on the same user's data, as the next start of the app.
        FileCommands next = ui.fx(() -> new FileCommands(ui.window, ui.env));
        assertEquals(java.util.Optional.of(copy), next.copyOf(BundledNotebooks.TOUR));
        NotebookTab again = ui.fx(() -> ui.window.openTour()).get(20, TimeUnit.SECONDS);
        ui.waitUntil("the tour's first page is shown", 20, () -> ui.window.settled());
        assertTrue(ui.fx(() -> BundledCopy.isMarked(again)), "the tour still opens as it ships");
        javafx.scene.control.Label note = ui.fx(() -> (javafx.scene.control.Label) again.getContent().lookup("#bundled-your-copy")
                .lookup(".banner-text"));
        assertTrue(ui.fx(note::getText).contains("my-tour.ipynb"), ui.fx(note::getText));
        ui.robot.clickOn(ui.fx(() -> again.getContent().lookup("#bundled-open-copy")));
        ui.waitUntil("the copy opened in a tab of its own", 20, () -> ui.window.current() != null
                && copy.equals(ui.window.current().document().file()));
        assertTrue(ui.fx(() -> ui.window.tabs().getTabs().contains(again)), "the tour stays open beside it");
    }
}
