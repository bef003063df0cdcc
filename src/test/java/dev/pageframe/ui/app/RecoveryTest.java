package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.recovery.RecoveryEntry;
import dev.pageframe.notebook.recovery.RecoveryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Never lose work: edits are copied to the recovery folder soon after they are made; after a crash (played by
 * declaring this process dead to the recovery store, as the next start sees a killed one) the copies are listed and
 * restored dirty, never written over the original; saving or a clean exit removes them.
 */
class RecoveryTest extends WindowTest {
    private static RecoveryStore store() {
        return ui.userData.recovery();
    }

    private static List<RecoveryEntry> copiesOf(Path file) {
        return store().entries().stream().filter(e -> file.toAbsolutePath().equals(e.original())).toList();
    }

    @AfterEach
    void cleanUp() throws Exception {
        ui.crashed.clear();
        for (RecoveryEntry e : store().entries()) {
            store().discard(e.key());
        }
    }

    private NotebookTab openAndEdit(String name) throws Exception {
        Path file = ui.writeTrustedNotebook(name, List.of(Cell.markdown("# Mine"), Cell.code("int a = 1;")));
        NotebookTab tab = ui.open(file);
        ui.clickIntoEditor(tab, 1);
        ui.robot.write(" // edited");
        ui.waitUntil("the tab shows unsaved changes", () -> tab.getText().equals(name + " \u2022"));
        ui.waitUntil("a recovery copy holds the edit", () -> copiesOf(file).size() == 1
                && store().load(copiesOf(file).getFirst()).notebook().cells().get(1).source().endsWith("// edited"));
        return tab;
    }

    @Test
    void anEditIsCopiedAndAfterACrashItIsRestoredDirtyWithoutWritingTheOriginal() throws Exception {
        NotebookTab crashedTab = openAndEdit("mine.ipynb");
        Path file = crashedTab.document().file();
        byte[] original = Files.readAllBytes(file);
        String crashedKey = copiesOf(file).getFirst().key();

        ui.crashed.add(ProcessHandle.current().pid());
        List<RecoveryEntry> offered = ui.fx(() -> ui.window.offerRecovery()).get();
        assertEquals(1, offered.size());
        ui.waitUntil("the recovery list is up", () -> ui.robot.lookup("#recovery-dialog").tryQuery().isPresent());
        String detail = ui.fx(() -> ((Label) ui.robot.lookup("#recovery-detail-0").query()).getText());
        assertTrue(detail.contains("1 cell changed") && detail.contains(file.toString()) && detail.startsWith("saved "),
                detail);
        ui.crashed.clear();

        ui.robot.clickOn("#recovery-restore-0");

        ui.waitUntil("the restored notebook opened", () -> ui.window.tabs().getTabs().size() == 2);
        NotebookTab restored = (NotebookTab) ui.fx(() -> ui.window.tabs().getTabs().get(1));
        assertEquals("mine.ipynb \u2022", ui.fx(restored::getText), "it opens with unsaved changes");
        assertEquals(file, ui.fx(() -> restored.document().file()), "Save writes the original, when asked to");
        assertTrue(ui.fx(() -> restored.document().toNotebook().cells().get(1).source()).endsWith("// edited"));
        assertArrayEquals(original, Files.readAllBytes(file), "restoring writes nothing over the original");
        assertTrue(ui.fx(() -> restored.document().isTrusted()), "the user's own work on a trusted notebook stays trusted");
        ui.waitUntil("the old copy is gone and the restored tab has its own", () -> {
            List<String> keys = copiesOf(file).stream().map(RecoveryEntry::key).toList();
            return !keys.contains(crashedKey) && keys.contains(ui.window.recovery().autosave().keyOf(restored.document()));
        });
        ui.waitUntil("with nothing left to decide, the list closes", () -> ui.robot.lookup("#recovery-dialog").tryQuery().isEmpty());
    }

    private static javafx.scene.Node dialogButton(String dialog, String text) {
        return ui.fx(() -> ui.robot.lookup(dialog).query().lookupAll(".button").stream()
                .filter(b -> b instanceof javafx.scene.control.Button button && button.getText().equals(text))
                .findFirst().orElseThrow());
    }

    @Test
    void restoringACopyOfAFileOpenWithoutChangesTakesThatTabsPlace() throws Exception {
        Path file = ui.writeTrustedNotebook("twice.ipynb", List.of(Cell.code("int a = 1;")));
        ui.open(file);
        int tabs = ui.fx(() -> ui.window.tabs().getTabs().size());
        int at = tabs - 1;
        Notebook onDisk = new NotebookFiles().load(file).notebook();
        store().save(RecoveryStore.newKey(), file, "twice.ipynb", onDisk, onDisk.withCells(List.of(Cell.code("int a = 2;"))));
        ui.crashed.add(ProcessHandle.current().pid());
        ui.fx(() -> ui.window.offerRecovery()).get();
        ui.waitUntil("the recovery list is up", () -> ui.robot.lookup("#recovery-dialog").tryQuery().isPresent());
        ui.crashed.clear();

        ui.robot.clickOn("#recovery-restore-0");

        ui.waitUntil("the restored copy is in the file's tab", () -> ui.window.tabs().getTabs().get(at) instanceof NotebookTab t
                && t.document().isDirty() && t.document().toNotebook().cells().getFirst().source().equals("int a = 2;"));
        assertEquals(tabs, ui.fx(() -> ui.window.tabs().getTabs().size()), "no second tab saving to the same file");
        assertEquals(ui.fx(() -> ui.window.tabs().getTabs().get(at)), ui.fx(() -> ui.window.tabs().getSelectionModel().getSelectedItem()));
        assertTrue(ui.fx(() -> !((NotebookTab) ui.window.tabs().getTabs().get(at)).document().isTrusted()),
                "a copy without a seal is judged afresh: it differs from what was signed");
    }

    @Test
    void discardDeletesTheCopyAndOpensNothing() throws Exception {
        NotebookTab tab = openAndEdit("drop.ipynb");
        Path file = tab.document().file();
        ui.crashed.add(ProcessHandle.current().pid());
        ui.fx(() -> ui.window.offerRecovery()).get();
        ui.waitUntil("the recovery list is up", () -> ui.robot.lookup("#recovery-dialog").tryQuery().isPresent());
        ui.robot.clickOn("#recovery-discard-0");
        // Discarding deletes work for good, so it asks first; Keep leaves the copy.
        ui.waitUntil("it asks first", () -> ui.robot.lookup("#discard-confirm-dialog").tryQuery().isPresent());
        ui.robot.clickOn(dialogButton("#discard-confirm-dialog", "Keep"));
        ui.waitUntil("the question is gone", () -> ui.robot.lookup("#discard-confirm-dialog").tryQuery().isEmpty());
        assertEquals(1, copiesOf(file).size(), "kept");
        ui.robot.clickOn("#recovery-discard-0");
        ui.waitUntil("it asks again", () -> ui.robot.lookup("#discard-confirm-dialog").tryQuery().isPresent());
        ui.robot.clickOn(dialogButton("#discard-confirm-dialog", "Discard"));
        ui.waitUntil("the copy is deleted", () -> copiesOf(file).isEmpty());
        assertEquals(1, ui.fx(() -> ui.window.tabs().getTabs().size()));
        ui.waitUntil("with nothing left to decide, the list closes", () -> ui.robot.lookup("#recovery-dialog").tryQuery().isEmpty());
    }

    @Test
    void savingRemovesTheCopyAndClosingWithoutSavingToo() throws Exception {
        NotebookTab tab = openAndEdit("saved.ipynb");
        Path file = tab.document().file();
        ui.robot.push(KeyCode.CONTROL, KeyCode.S);
        ui.waitUntil("the copy goes once the file is saved", () -> !tab.document().isDirty() && copiesOf(file).isEmpty());

        NotebookTab other = openAndEdit("closed.ipynb");
        Path otherFile = other.document().file();
        ui.fxRun(() -> ui.window.closeTab(other));
        ui.waitUntil("closing drops the copy", () -> copiesOf(otherFile).isEmpty());
    }

    @Test
    void aCleanExitRemovesThisSessionsCopies() throws Exception {
        NotebookTab tab = openAndEdit("exit.ipynb");
        ui.fxRun(() -> { });
        ui.window.cleanExit();
        assertEquals(List.of(), copiesOf(tab.document().file()));
    }
}
