package dev.pageframe.ui.app;

import dev.pageframe.notebook.FileStamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Notices another program changing an open notebook's file: when the window gets the focus back and before a save
 * writes over it. It then asks: Reload (the file's version), Keep Mine (this window's, written at the next save) or
 * Save As (both kept). What the file held is remembered by content ({@link FileStamp}) at open and after each save.
 */
final class DiskChanges {
    /** What the user chose. */
    enum Choice { RELOAD, KEEP_MINE, SAVE_AS }

    private final MainWindow w;
    private final Executor background;
    private final Map<NotebookTab, FileStamp> stamps = new WeakHashMap<>();
    /**
     * Tabs asked about whose answer is still being carried out (a save, a new stamp): the focus the window gets back
     * when the question closes must not ask about them again.
     */
    private final Set<NotebookTab> settling = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean asking;

    DiskChanges(MainWindow window, Executor background) {
        this.w = window;
        this.background = background;
    }

    /** Remembers what {@code tab}'s file holds now, and again after each save. */
    void track(NotebookTab tab) {
        restamp(tab);
        tab.document().dirtyProperty().addListener((obs, was, now) -> {
            if (!now) {
                restamp(tab);
            }
        });
    }

    /** True once what {@code tab}'s file held at open (or its last save) is known. */
    boolean knows(NotebookTab tab) {
        return stamps.containsKey(tab);
    }

    /** Checks every open file when the window gets the focus back. */
    void attach(Stage stage) {
        stage.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                checkAll();
            }
        });
    }

    /** Checks every open file; asks about each one changed on disk. Completes once each is checked (and answered). */
    CompletableFuture<Void> checkAll() {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (var t : w.tabs().getTabs()) {
            if (t instanceof NotebookTab tab && tab.document().file() != null && !settling.contains(tab)) {
                checks.add(changed(tab).thenAccept(changed -> {
                    if (changed && !asking && !settling.contains(tab)) {
                        settling.add(tab);
                        act(tab, ask(tab));
                    }
                }));
            }
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new));
    }

    /** Runs {@code save} unless the file changed on disk; then asks first. Completes with null if nothing was saved. */
    CompletableFuture<Path> beforeSave(NotebookTab tab, Supplier<CompletableFuture<Path>> save) {
        if (tab.document().file() == null) {
            return save.get();
        }
        return changed(tab).thenCompose(changed -> {
            if (!changed) {
                return save.get();
            }
            settling.add(tab);
            Choice c = ask(tab);
            if (c == Choice.KEEP_MINE) {
                // Saved, then stamped as saved: only then may a change on disk be asked about again.
                CompletableFuture<Path> saved = save.get();
                saved.whenComplete((p, e) -> Platform.runLater(() -> restamp(tab).whenComplete((v, x) -> settling.remove(tab))));
                return saved;
            }
            act(tab, c);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Completes on the FX thread: true if the file no longer holds what was last read or written. */
    private CompletableFuture<Boolean> changed(NotebookTab tab) {
        Path file = tab.document().file();
        FileStamp known = stamps.get(tab);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (file == null || known == null) {
            done.complete(false);
            return done;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return known.changedOnDisk(file);
            } catch (IOException e) {
                return false;
            }
        }, background).whenComplete((v, e) -> Platform.runLater(() -> done.complete(e == null && v)));
        return done;
    }

    /** Reads what the file holds now; completes on the FX thread once it is the known content. */
    private CompletableFuture<Void> restamp(NotebookTab tab) {
        Path file = tab.document().file();
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (file == null) {
            done.complete(null);
            return done;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return FileStamp.of(file);
            } catch (IOException e) {
                return null;
            }
        }, background).whenComplete((s, e) -> Platform.runLater(() -> {
            if (s != null) {
                stamps.put(tab, s);
            }
            done.complete(null);
        }));
        return done;
    }

    private Choice ask(NotebookTab tab) {
        asking = true;
        try {
            ButtonType reload = new ButtonType("Reload", ButtonBar.ButtonData.OTHER);
            ButtonType keep = new ButtonType("Keep Mine", ButtonBar.ButtonData.OK_DONE);
            ButtonType saveAs = new ButtonType("Save As\u2026", ButtonBar.ButtonData.OTHER);
            Alert a = new Alert(Alert.AlertType.WARNING, "", reload, keep, saveAs);
            Window owner = w.window();
            if (owner != null) {
                a.initOwner(owner);
                AppDialogs.zoomed(a, owner);
            }
            String name = tab.document().file().getFileName().toString();
            a.setTitle("File changed on disk");
            a.setHeaderText(name + " was changed by another program");
            a.setContentText("Reload shows the file's version (changes made here are lost). Keep Mine keeps this "
                    + "window's version and writes it at the next save. Save As keeps both.");
            a.getDialogPane().setId("disk-changed-dialog");
            ButtonType answer = a.showAndWait().orElse(keep);
            return answer == reload ? Choice.RELOAD : answer == saveAs ? Choice.SAVE_AS : Choice.KEEP_MINE;
        } finally {
            asking = false;
        }
    }

    /** Carries out the answer about a tab in {@link #settling}, and lets it go once done. */
    private void act(NotebookTab tab, Choice choice) {
        if (choice == Choice.RELOAD) {
            settling.remove(tab);
        }
        switch (choice) {
            case RELOAD -> {
                Path file = tab.document().file();
                int at = w.tabs().getTabs().indexOf(tab);
                w.closeTab(tab);
                w.open(file).thenAccept(reloaded -> {
                    // In the tab's place among the others, not at the end.
                    if (at >= 0 && at < w.tabs().getTabs().size() && w.tabs().getTabs().remove(reloaded)) {
                        w.tabs().getTabs().add(at, reloaded);
                        w.tabs().getSelectionModel().select(reloaded);
                    }
                });
            }
            case SAVE_AS -> w.saveAs(tab).whenComplete((p, e) -> settling.remove(tab));
            case KEEP_MINE -> {
                // Asked once per change: the file's new content is now the known one, and this window's differs.
                restamp(tab).whenComplete((v, e) -> settling.remove(tab));
                tab.document().markModified();
            }
        }
    }
}
