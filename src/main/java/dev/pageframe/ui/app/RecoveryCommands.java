package dev.pageframe.ui.app;

import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.notebook.recovery.RecoveryEntry;
import dev.pageframe.notebook.recovery.RecoveryStore;
import dev.pageframe.ui.notebook.NotebookDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * The window's side of crash recovery: every tab's changes are copied to the recovery folder ({@link Autosave}); at
 * start, what a crash left is listed with Restore and Discard; a clean exit removes this process's copies.
 */
final class RecoveryCommands {
    private final MainWindow w;
    private final AppEnvironment env;
    private final RecoveryStore store;
    private final Autosave autosave;
    private Dialog<Void> dialog;

    RecoveryCommands(MainWindow window, AppEnvironment env) {
        this.w = window;
        this.env = env;
        this.store = env.userData().recovery();
        this.autosave = new Autosave(store, env.trust()::seal, env.background(), env.userData().autosaveDelay(),
                message -> w.status().setMessage(message));
    }

    /** Starts copying {@code tab}'s unsaved changes. */
    void track(NotebookTab tab) {
        autosave.track(tab.document(), tab.document().toNotebook());
    }

    /** A closed tab's copy goes: the user kept or dropped its changes on purpose. */
    void untrack(NotebookTab tab) {
        autosave.untrack(tab.document());
    }

    /** Writes every copy when the window loses focus: the moment a user switches away is when apps get killed. */
    void attach(Stage stage) {
        stage.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                autosave.writeAll();
            }
        });
    }

    Autosave autosave() {
        return autosave;
    }

    /**
     * Lists the copies a crash left, if any, in a window beside the main one; completes on the FX thread with them.
     */
    CompletableFuture<List<RecoveryEntry>> offer() {
        CompletableFuture<List<RecoveryEntry>> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(store::leftOver, env.background()).whenComplete((entries, error) ->
                Platform.runLater(() -> {
                    List<RecoveryEntry> found = error == null ? entries : List.of();
                    if (!found.isEmpty()) {
                        show(found);
                    }
                    done.complete(found);
                }));
        return done;
    }

    /** The recovery list, while it is open. */
    Dialog<Void> dialog() {
        return dialog;
    }

    private void show(List<RecoveryEntry> entries) {
        RecoveryList list = new RecoveryList(entries, Clock.systemUTC().instant(), ZoneId.systemDefault(),
                this::restore, this::confirmDiscard);
        dialog = new Dialog<>();
        dialog.initOwner(w.window());
        AppDialogs.zoomed(dialog, w.window());
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Recover unsaved changes");
        dialog.setHeaderText("Recover unsaved changes");
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType("Decide Later", ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("recovery-dialog");
        dialog.setResizable(true);
        dialog.setOnHidden(e -> dialog = null);
        Dialog<Void> shown = dialog;
        list.setOnAllDecided(shown::close);
        dialog.show();
    }

    /** Discards a copy once the user confirms it: the changes in it are gone for good afterwards. */
    private boolean confirmDiscard(RecoveryEntry entry) {
        ButtonType discardIt = new ButtonType("Discard", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep", ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The copy is deleted, and its changes cannot be recovered afterwards.", discardIt, keep);
        a.initOwner(dialog != null ? dialog.getDialogPane().getScene().getWindow() : w.window());
        AppDialogs.zoomed(a, dialog != null ? dialog.getDialogPane().getScene().getWindow() : w.window());
        a.setTitle("Discard unsaved changes");
        a.setHeaderText("Discard the unsaved changes to " + entry.name() + "?");
        a.getDialogPane().setId("discard-confirm-dialog");
        if (a.showAndWait().orElse(keep) != discardIt) {
            return false;
        }
        discard(entry);
        return true;
    }

    /**
     * Opens a copy in a new tab, marked unsaved: the original file (if any) is what Save will write, but nothing is
     * written until the user saves. The old copy goes once the new tab's own copy is on disk.
     */
    CompletableFuture<NotebookTab> restore(RecoveryEntry entry) {
        CompletableFuture<NotebookTab> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                LoadResult copy = store.load(entry);
                Notebook original = entry.original() != null && Files.isRegularFile(entry.original())
                        ? env.files().load(entry.original()).notebook() : null;
                NotebookTrust.Verdict verdict = env.trust().check(copy.notebook(), entry.seal());
                return new Object[] {copy, original, verdict};
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, env.background()).whenComplete((loaded, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                AppDialogs.error(w.window(), "Could not restore " + entry.name(), cause.getMessage());
                done.completeExceptionally(cause);
                return;
            }
            LoadResult copy = (LoadResult) loaded[0];
            NotebookTrust.Verdict verdict = (NotebookTrust.Verdict) loaded[2];
            NotebookDocument doc = w.files().document(copy.notebook(), entry.original(), verdict.trusted(),
                    verdict.explanation(), copy.notes());
            NotebookTab open = untouchedTabOf(entry);
            int at = open == null ? -1 : w.tabs().getTabs().indexOf(open);
            if (open != null) {
                // The file is open as it is on disk: the restored work takes that tab's place, not a second tab that
                // would save to the same file.
                w.closeTab(open);
            }
            NotebookTab tab = w.addTab(doc, entry.original() == null ? entry.name() : null);
            if (at >= 0) {
                w.tabs().getTabs().remove(tab);
                w.tabs().getTabs().add(at, tab);
                w.tabs().getSelectionModel().select(tab);
            }
            autosave.untrack(doc);
            autosave.track(doc, (Notebook) loaded[1]);
            doc.markModified();
            autosave.writeAll();
            discard(entry);
            w.awaitFirstPage(tab);
            done.complete(tab);
        }));
        return done;
    }

    /** The open tab of the copy's file, if it is open without unsaved changes of its own. */
    private NotebookTab untouchedTabOf(RecoveryEntry entry) {
        if (entry.original() == null) {
            return null;
        }
        Path file = entry.original().toAbsolutePath().normalize();
        for (javafx.scene.control.Tab t : w.tabs().getTabs()) {
            if (t instanceof NotebookTab nt && file.equals(nt.document().file()) && !nt.document().isDirty()) {
                return nt;
            }
        }
        return null;
    }

    /** Deletes a copy the user does not want back. */
    void discard(RecoveryEntry entry) {
        CompletableFuture<Void> after = autosave.flushed();
        after.thenRunAsync(() -> {
            try {
                store.discard(entry.key());
            } catch (IOException e) {
                Platform.runLater(() -> w.status().setMessage("Could not remove the recovery copy: " + e.getMessage()));
            }
        }, env.background());
    }

    /** A clean exit: this process's copies go (waiting a bounded time for writes under way). */
    void cleanExit() {
        try {
            autosave.flushed().get(5, TimeUnit.SECONDS);
            store.discardOwn();
        } catch (Exception e) {
            // Left for the next start to offer, which is the safe side.
        }
    }

    /**
     * The app is told to end (a signal), not closed by its user: every unsaved change is copied now, and the copies
     * stay for the next start to offer (waiting a bounded time for the writes).
     */
    void keepForNextStart() {
        autosave.writeAll();
        try {
            autosave.flushed().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // What is on disk already stays; nothing more can be done on the way out.
        }
    }
}
