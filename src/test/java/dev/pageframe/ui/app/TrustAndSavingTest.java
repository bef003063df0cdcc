package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.KernelState;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.ui.UiFixture;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Trust (banner, asking before running, Trust and run) and saving (atomic, signed, asks where and when). */
class TrustAndSavingTest extends WindowTest {
    private static List<Cell> sharedCells() {
        return List.of(Cell.markdown("# From a friend"), Cell.code("int shared = 6 * 7;\nshared"));
    }

    @Test
    void anUntrustedFileShowsTheBannerAndTrustAndRunSignsItAndRunsEveryCell() throws Exception {
        Path file = ui.writeNotebook("shared.ipynb", sharedCells());
        NotebookTab tab = ui.open(file);

        String banner = ui.fx(() -> ((Label) ui.robot.lookup("#trust-banner-text").query()).getText());
        assertTrue(banner.startsWith("This notebook was not created or trusted on this computer: "), banner);
        assertTrue(banner.contains("not signed on this computer"), banner);
        assertTrue(banner.endsWith("Its code has not run."), banner);
        assertEquals(KernelState.NOT_STARTED, ui.fx(() -> tab.document().kernelState()));
        javafx.scene.control.Button button = ui.robot.lookup("#trust-and-run").queryButton();
        assertTrue(ui.fx(() -> button.getWidth() >= button.prefWidth(-1) - 0.5),
                "the button shows its whole label beside a long message");

        ui.robot.clickOn("#trust-and-run");

        CellModel code = ui.cell(tab, 1);
        ui.waitUntil("the code cell ran", UiFixture.KERNEL_SECONDS,
                () -> code.runState() == RunState.IDLE && code.executionCountProperty().get() != null);
        assertTrue(ui.outputText(tab, 1).contains("42"));
        assertNull(ui.fx(tab::trustBannerNode), "the banner goes once trusted");
        assertTrue(ui.trust.isTrusted(new NotebookFiles().load(file).notebook()), "Trust and run signs the notebook");
    }

    @Test
    void aBundledNotebookOpenedByPathIsTrustedAndNotCalledSomeoneElses() throws Exception {
        Path dir = Files.createTempDirectory("installed");
        Path tour = dir.resolve(BundledNotebooks.TOUR);
        try (var in = BundledNotebooks.class.getResourceAsStream("/notebooks/" + BundledNotebooks.TOUR)) {
            Files.copy(in, tour);
        }
        NotebookTab tab = ui.open(tour);
        assertTrue(ui.fx(() -> tab.document().trustedProperty().get()), "an unchanged bundled notebook is trusted");
        assertNull(ui.fx(tab::trustBannerNode), "no banner calls it someone else's");
    }

    @Test
    void runningACellOfAnUntrustedNotebookAsksFirst() throws Exception {
        NotebookTab tab = ui.open(ui.writeNotebook("ask.ipynb", sharedCells()));
        CellModel code = ui.cell(tab, 1);
        ui.fxRun(() -> tab.view().select(code));
        ui.fxRun(() -> tab.view().requestFocus());

        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        ui.waitUntil("the confirmation dialog is up", () -> ui.robot.lookup("#untrusted-run-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Cancel");
        ui.waitUntil("the dialog closed", () -> ui.robot.lookup("#untrusted-run-dialog").tryQuery().isEmpty());
        assertNull(ui.fx(() -> tab.document().sessionIfStarted()), "declining runs nothing");
        assertEquals(RunState.IDLE, ui.fx(code::runState));

        ui.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        ui.waitUntil("the dialog is up again", () -> ui.robot.lookup("#untrusted-run-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Trust and Run");
        ui.waitUntil("the cell ran", UiFixture.KERNEL_SECONDS,
                () -> code.runState() == RunState.IDLE && code.executionCountProperty().get() != null);
        assertTrue(ui.fx(() -> tab.document().isTrusted()));
    }

    @Test
    void ctrlSWritesTheFileAtomicallyAndSignsIt() throws Exception {
        Path file = ui.writeNotebook("mine.ipynb", sharedCells());
        NotebookTab tab = ui.open(file);
        assertFalse(ui.fx(() -> tab.document().isTrusted()));

        ui.clickIntoEditor(tab, 1);
        ui.robot.write(" // edited");
        ui.waitUntil("the tab shows unsaved changes", () -> tab.getText().equals("mine.ipynb \u2022"));
        ui.robot.push(KeyCode.CONTROL, KeyCode.S);

        ui.waitUntil("the save finished", () -> tab.getText().equals("mine.ipynb"));
        Notebook saved = new NotebookFiles().load(file).notebook();
        assertTrue(saved.cells().get(1).source().endsWith("shared // edited"), saved.cells().get(1).source());
        assertTrue(ui.trust.isTrusted(saved), "what the user saves is theirs");
        assertTrue(ui.fx(() -> tab.document().isTrusted()));
        assertNull(ui.fx(tab::trustBannerNode));
        Set<String> names = UiFixture.fileNames(file.getParent());
        assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".~")),
                "an atomic save leaves no temporary or backup file: " + names);
    }

    @Test
    void savingAnUntitledNotebookAsksWhereAndClosingWithChangesAsksToSave() throws Exception {
        NotebookTab tab = ui.newNotebook();
        ui.clickIntoEditor(tab, 0);
        ui.robot.write("int answer = 42;");
        Path target = ui.root.resolve("chosen");
        ui.chosenFiles.add(target);
        ui.robot.push(KeyCode.CONTROL, KeyCode.S);

        Path written = ui.root.resolve("chosen.ipynb");
        ui.waitUntil("the notebook is saved where the user chose", () -> written.equals(tab.document().file()) && !tab.document().isDirty());
        assertTrue(Files.exists(written));
        assertEquals("int answer = 42;", new NotebookFiles().load(written).notebook().cells().getFirst().source());

        ui.clickIntoEditor(tab, 0);
        ui.robot.write(" // more");
        ui.fxLater(() -> ui.window.requestClose(tab));
        ui.waitUntil("the save-changes dialog is up", () -> ui.robot.lookup("#save-changes-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Cancel");
        ui.waitUntil("the dialog closed", () -> ui.robot.lookup("#save-changes-dialog").tryQuery().isEmpty());
        assertTrue(ui.fx(() -> ui.window.tabs().getTabs().contains(tab)), "Cancel keeps the tab");

        ui.fxLater(() -> ui.window.requestClose(tab));
        ui.waitUntil("the dialog is up again", () -> ui.robot.lookup("#save-changes-dialog").tryQuery().isPresent());
        ui.robot.clickOn("Don't Save");
        ui.waitUntil("the tab closed", () -> !ui.window.tabs().getTabs().contains(tab));
        assertEquals("int answer = 42;", new NotebookFiles().load(written).notebook().cells().getFirst().source(),
                "Don't Save leaves the file as it was");
    }

    @Test
    void savingTheBundledTourOffersACopyInTheUsersPageframeDocumentsFolder() throws Exception {
        NotebookTab tab = ui.fx(() -> ui.window.openTour()).get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(Files.exists(ui.documents), "the folder is made when first needed");
        Path target = ui.documents.resolve("my-tour.ipynb");
        ui.chosenFiles.add(target);
        ui.fxLater(() -> ui.window.save(tab));

        ui.waitUntil("the copy is saved", () -> target.equals(tab.document().file()) && !tab.document().isDirty());
        assertEquals(List.of("Save a Copy of tour.ipynb", "tour.ipynb", ui.documents.toString()),
                ui.saveDialogs.getLast());
        assertTrue(Files.isDirectory(ui.documents));
        assertTrue(ui.trust.isTrusted(new NotebookFiles().load(target).notebook()), "the user's copy is theirs");
    }

    @Test
    void aNameTypedWithoutItsExtensionAsksBeforeReplacingThatNotebook() throws Exception {
        Path other = ui.writeTrustedNotebook("other.ipynb", List.of(Cell.markdown("# precious")));
        byte[] before = Files.readAllBytes(other);
        NotebookTab tab = ui.newNotebook();
        ui.chosenFiles.add(ui.root.resolve("other"));
        ui.fxLater(() -> ui.window.saveAs(tab));
        ui.waitUntil("it asks before writing over other.ipynb",
                () -> ui.robot.lookup("#replace-file-dialog").tryQuery().isPresent());
        clickReplaceDialogButton("Cancel");
        ui.waitUntil("the dialog closed", () -> ui.robot.lookup("#replace-file-dialog").tryQuery().isEmpty());
        assertArrayEquals(before, Files.readAllBytes(other), "Cancel leaves the file as it was");
        assertNull(ui.fx(() -> tab.document().file()), "and the notebook unsaved");

        ui.chosenFiles.add(ui.root.resolve("other"));
        ui.fxLater(() -> ui.window.saveAs(tab));
        ui.waitUntil("asked again", () -> ui.robot.lookup("#replace-file-dialog").tryQuery().isPresent());
        clickReplaceDialogButton("Replace");
        ui.waitUntil("Replace saves over it", () -> other.equals(tab.document().file()) && !tab.document().isDirty());
    }

    private void clickReplaceDialogButton(String label) {
        javafx.scene.Node button = ui.fx(() -> ui.robot.lookup("#replace-file-dialog").query().lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.getText().equals(label)).findFirst().orElseThrow());
        ui.robot.clickOn(button);
    }

    @Test
    void anUntitledNotebookIsOfferedTheDocumentsFolderNotTheStartingFolder() throws Exception {
        NotebookTab tab = ui.newNotebook();
        ui.fxLater(() -> ui.window.saveAs(tab));
        ui.waitUntil("the save dialog was asked for", () -> !ui.saveDialogs.isEmpty());
        assertEquals(List.of("Save Notebook", "Untitled.ipynb", ui.documents.toString()), ui.saveDialogs.getLast());
    }
}
