package dev.pageframe.ui.app;

import dev.pageframe.notebook.AtomicFile;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.notebook.html.HtmlExporter;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.KernelNames;
import dev.pageframe.ui.notebook.NotebookDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;

/**
 * The window's file commands: new, open (a file, a bundled notebook), save, save as, export and close, each
 * asking what it must (where to save, whether to keep unsaved changes). Reading and writing run off the FX thread.
 */
final class FileCommands {
    private final MainWindow w;
    private final AppEnvironment env;
    private int untitledCounter;
    private final BundledCopies copies;

    FileCommands(MainWindow window, AppEnvironment env) {
        this.w = window;
        this.env = env;
        this.copies = BundledCopies.load(env.trust().configDir());
    }

    /** The learner's saved copy of the bundled notebook {@code name}, if it is still there. */
    Optional<Path> copyOf(String name) {
        return copies.copyOf(name);
    }

    /** Opens a notebook file (in the background); completes on the FX thread with its tab. */
    public CompletableFuture<NotebookTab> open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Tab t : w.tabs().getTabs()) {
            if (t instanceof NotebookTab nt && abs.equals(nt.document().file())) {
                w.tabs().getSelectionModel().select(nt);
                return CompletableFuture.completedFuture(nt);
            }
        }
        w.status().setMessage("Opening " + abs.getFileName() + "\u2026");
        CompletableFuture<NotebookTab> done = new CompletableFuture<>();
        w.later().hold();
        CompletableFuture.supplyAsync(() -> {
            try {
                LoadResult r = env.files().load(abs);
                NotebookTrust.Verdict verdict = env.trust().check(r.notebook());
                return document(r.notebook(), abs, verdict.trusted(), verdict.explanation(), r.notes());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, env.background()).whenComplete((loaded, error) -> Platform.runLater(() -> {
            w.status().setMessage("");
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                w.later().release();
                AppDialogs.error(w.window(), "Could not open " + abs.getFileName(), cause.getMessage());
                done.completeExceptionally(cause);
                return;
            }
            NotebookTab tab = w.addTab(loaded, null);
            w.awaitFirstPage(tab);
            w.remember(abs);
            done.complete(tab);
        }));
        return done;
    }

    /** Opens the tour that ships with the app, as an untitled copy (saving asks where). */
    public CompletableFuture<NotebookTab> openTour() {
        return openBundled(BundledNotebooks.TOUR);
    }

    /** Opens a bundled notebook as an untitled copy; trusted, since it came with the app. */
    public CompletableFuture<NotebookTab> openBundled(String name) {
        return placeBundled(name, readBundled(name));
    }

    /** Reads a bundled notebook into its document on the background threads; empty if none ships by that name. */
    CompletableFuture<Optional<NotebookDocument>> readBundled(String name) {
        return CompletableFuture.supplyAsync(() -> BundledNotebooks.read(name).map(bytes -> {
            try {
                return document(new NotebookReader().read(bytes, name).notebook(), null, true, "", List.of());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }), env.background());
    }

    /**
     * Adds the tab of a bundled notebook that {@code read} reads: at once when it is read already and this is the
     * FX thread (the tour, before the window shows), else on the FX thread once it is.
     */
    CompletableFuture<NotebookTab> placeBundled(String name, CompletableFuture<Optional<NotebookDocument>> read) {
        CompletableFuture<NotebookTab> done = new CompletableFuture<>();
        w.later().hold();
        read.whenComplete((result, error) -> {
            if (Platform.isFxApplicationThread()) {
                placeBundled(name, result, error, done);
            } else {
                Platform.runLater(() -> placeBundled(name, result, error, done));
            }
        });
        return done;
    }

    private void placeBundled(String name, Optional<NotebookDocument> result, Throwable error,
                              CompletableFuture<NotebookTab> done) {
        if (error != null || result == null || result.isEmpty()) {
            if (name.equals(BundledNotebooks.TOUR)) {
                NotebookTab tab = w.addTab(document(welcomeNotebook(), null, true, "", List.of()), "Welcome.ipynb");
                w.awaitFirstPage(tab);
                done.complete(tab);
            } else {
                w.later().release();
                AppDialogs.error(w.window(), "Could not open " + name, "It is not among the notebooks that come with Pageframe.");
                done.completeExceptionally(new IOException("no bundled notebook " + name));
            }
            return;
        }
        NotebookTab tab = w.addTab(result.get(), name);
        w.awaitFirstPage(tab);
        done.complete(tab);
    }

    /** The tour, waited for up to {@code wait} and placed with its first screen built (MainWindow.openTourNow). */
    CompletableFuture<NotebookTab> openTourNow(CompletableFuture<Optional<NotebookDocument>> read, Duration wait) {
        try {
            read.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Placed when read, or the welcome page in its place.
        }
        CompletableFuture<NotebookTab> opened = placeBundled(BundledNotebooks.TOUR, read);
        NotebookTab tab = opened.getNow(null);
        Scene scene = w.getScene();
        if (tab != null && scene != null) {
            // The page in its tab, the window laid out at its scene's size, then the cards in view.
            tab.attachContent();
            w.applyCss();
            w.resize(scene.getWidth(), scene.getHeight());
            w.layout();
            tab.view().buildFirstScreen();
        }
        return opened;
    }

    private static Notebook welcomeNotebook() {
        return Notebook.newEmpty().withCells(List.of(
                Cell.markdown("# Welcome to Pageframe\n\nThe tour notebook was not found, so here is an empty "
                        + "notebook. Type Java in the cell below and press **Shift+Enter** to run it."),
                Cell.code("long buf = __get_free_pages(GFP_KERNEL, 3);\ncat(\"/proc/buddyinfo\");")));
    }

    /** A new, empty notebook with one code cell. */
    public NotebookTab newNotebook() {
        untitledCounter++;
        String name = untitledCounter == 1 ? "Untitled.ipynb" : "Untitled-" + untitledCounter + ".ipynb";
        NotebookTab tab = w.addTab(document(Notebook.newEmpty().withCells(List.of(Cell.code(""))), null, true, "", List.of()),
                name);
        CellModel first = tab.document().cells().getFirst();
        w.soon().post(() -> tab.view().edit(first, false));
        return tab;
    }

    void openWithDialog() {
        NotebookTab t = w.current();
        Path dir = t != null && t.document().file() != null ? t.document().file().getParent() : Path.of("").toAbsolutePath();
        Path chosen = env.dialogs().chooseNotebookToOpen(w.window(), dir);
        if (chosen != null) {
            open(chosen);
        }
    }

    /**
     * The document model of a notebook that has been read. It holds no nodes, so the loading thread makes it
     * (parsing every Markdown cell's headings) and the FX thread only builds the tab.
     */
    NotebookDocument document(Notebook notebook, Path file, boolean trusted, String explanation,
            List<String> notes) {
        return new NotebookDocument(notebook, file, trusted, explanation, notes, env.trust(), env.files(),
                env.sandbox().noticing(env.sessions(), text -> Platform.runLater(() -> w.status().setMessage(text))),
                env.background());
    }

    /** Saves the notebook; an untitled one asks where. */
    public CompletableFuture<Path> save(NotebookTab tab) {
        Path file = tab.document().file();
        // Another program may have changed the file since it was opened: ask before writing over that.
        return file == null ? saveAs(tab) : w.diskChanges().beforeSave(tab, () -> saveTo(tab, file));
    }

    /**
     * Asks where to save, then saves. Completes with null if the user cancelled. A notebook with no file yet (a copy
     * of a bundled one, a new one) is offered the user's Pageframe documents folder; a bundled notebook is saved as a
     * copy there, since the one that ships stays as it is.
     */
    public CompletableFuture<Path> saveAs(NotebookTab tab) {
        NotebookDocument doc = tab.document();
        Path dir = doc.file() != null ? doc.file().getParent() : UserDocuments.ensure(env.documents());
        String suggested = doc.file() != null ? doc.file().getFileName().toString() : doc.untitledNameProperty().get();
        String title = doc.file() == null && BundledNotebooks.isBundled(suggested)
                ? "Save a Copy of " + suggested : "Save Notebook";
        Path chosen = env.dialogs().chooseSaveLocation(w.window(), title, suggested, dir, "ipynb");
        if (chosen == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!chosen.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            chosen = chosen.resolveSibling(chosen.getFileName() + ".ipynb");
            // The file dialog asked about the name as typed ("notes"), not this one: ask before writing over it.
            if (Files.exists(chosen) && !chosen.equals(doc.file())
                    && !AppDialogs.confirmReplace(w.window(), chosen.getFileName().toString())) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return saveTo(tab, chosen);
    }

    private CompletableFuture<Path> saveTo(NotebookTab tab, Path file) {
        w.status().setMessage("Saving " + file.getFileName() + "\u2026");
        NotebookDocument doc = tab.document();
        String bundled = doc.file() == null && BundledNotebooks.isBundled(doc.untitledNameProperty().get())
                ? doc.untitledNameProperty().get() : null;
        String progressKey = ExerciseControls.notebookKey(doc);
        boolean untitled = doc.file() == null;
        return doc.saveTo(file).whenComplete((p, error) -> {
            if (error != null) {
                w.status().setMessage("");
                AppDialogs.error(w.window(), "Could not save " + file.getFileName(), error.getMessage());
            } else {
                w.status().setMessage("Saved " + file.getFileName());
                w.remember(file);
                followTheAnswers(bundled, progressKey, untitled, file);
            }
        });
    }

    /**
     * After a notebook is saved under a new name, its exercise progress goes with the answers it holds. A notebook that
     * had no file (a bundled one, an untitled one) gives its progress away: the bundled one opens fresh and points at
     * the copy next time. Two small files, written here at once, so a quit right after the save keeps them.
     */
    private void followTheAnswers(String bundled, String progressKey, boolean untitled, Path file) {
        try {
            if (bundled != null) {
                copies.record(bundled, file);
            }
            env.userData().exercises().carryOver(progressKey,
                    dev.pageframe.notebook.exercise.ExerciseProgress.notebookKey(file, false), untitled);
        } catch (IOException e) {
            w.status().setMessage("Saved " + file.getFileName() + ", but could not keep its exercise progress with it: "
                    + e.getMessage());
        }
    }

    void exportHtml(NotebookTab tab) {
        NotebookDocument doc = tab.document();
        String base = doc.file() != null ? doc.file().getFileName().toString() : doc.untitledNameProperty().get();
        String suggested = base.replaceFirst("\\.ipynb$", "") + ".html";
        Path dir = doc.file() != null ? doc.file().getParent() : UserDocuments.ensure(env.documents());
        Path chosen = env.dialogs().chooseSaveLocation(w.window(), "Export HTML", suggested, dir, "html");
        if (chosen == null) {
            return;
        }
        Notebook snapshot = doc.toNotebook();
        Path folder = doc.file() != null ? doc.file().getParent() : null;
        CompletableFuture.runAsync(() -> {
            try {
                AtomicFile.write(chosen, new HtmlExporter(KernelNames.all())
                        .export(snapshot, suggested.replaceFirst("\\.html$", ""), folder).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, env.background()).whenComplete((ok, error) -> Platform.runLater(() -> {
            if (error != null) {
                AppDialogs.error(w.window(), "Could not export " + chosen.getFileName(), error.getMessage());
            } else {
                w.status().setMessage("Exported " + chosen.getFileName());
            }
        }));
    }

    private static String tabName(NotebookTab tab) {
        return tab.document().titleProperty().get().replace(NotebookDocument.UNSAVED_MARK, "");
    }

    /** Closes a tab, asking to save unsaved changes first. */
    public void requestClose(NotebookTab tab) {
        if (!tab.document().isDirty() || BundledCopy.onlyRun(tab)) {
            w.closeTab(tab);
            return;
        }
        switch (AppDialogs.askToSave(w.window(), tabName(tab), BundledCopy.isMarked(tab))) {
            case SAVE -> save(tab).thenAccept(p -> {
                if (p != null) {
                    w.closeTab(tab);
                }
            });
            case DISCARD -> w.closeTab(tab);
            case CANCEL -> { }
        }
    }

    /**
     * Asks about every notebook with unsaved changes before the window closes; false if the user cancelled.
     * Saving happens before this returns.
     */
    public boolean confirmCloseAll() {
        for (Tab t : List.copyOf(w.tabs().getTabs())) {
            if (t instanceof NotebookTab nt && nt.document().isDirty() && !BundledCopy.onlyRun(nt)) {
                w.tabs().getSelectionModel().select(nt);
                AppDialogs.SaveChoice choice = AppDialogs.askToSave(w.window(), tabName(nt), BundledCopy.isMarked(nt));
                if (choice == AppDialogs.SaveChoice.CANCEL) {
                    return false;
                }
                if (choice == AppDialogs.SaveChoice.SAVE) {
                    try {
                        if (waitOnFx(save(nt)) == null) {
                            return false;
                        }
                    } catch (RuntimeException e) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Waits for a save that completes on the FX thread by running a nested event loop (never blocks it). */
    private static <T> T waitOnFx(CompletableFuture<T> future) {
        Object key = new Object();
        future.whenComplete((v, e) -> Platform.exitNestedEventLoop(key, null));
        if (!future.isDone()) {
            Platform.enterNestedEventLoop(key);
        }
        return future.join();
    }
}
