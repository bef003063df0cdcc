package dev.pageframe.ui.app;

import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.recovery.RecoveryEntry;
import dev.pageframe.notebook.recovery.RecoveryStore;
import dev.pageframe.ui.notebook.NotebookDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.util.Duration;

/**
 * Keeps a recovery copy of every open notebook with unsaved changes: written at most {@link UserData#autosaveDelay}
 * after a change (the first change starts the clock, so steady typing cannot put it off) and at once when the window
 * loses focus; removed when the notebook is saved or closed. Copies are written off the FX thread, one at a time.
 */
final class Autosave {
    private final RecoveryStore store;
    private final Sealer sealer;
    private final Executor background;
    private final Duration delay;
    private final Consumer<String> problems;
    private final Map<NotebookDocument, Tracked> tracked = new HashMap<>();
    /** Serialises the writes, so a copy never overtakes a newer one of the same notebook. */
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

    private final class Tracked {
        final String key = RecoveryStore.newKey();
        final NotebookDocument doc;
        final PauseTransition timer = new PauseTransition();
        final ChangeListener<Number> edited = (obs, was, now) -> scheduled();
        final ChangeListener<Boolean> dirty = (obs, was, now) -> {
            if (!now) {
                saved();
            }
        };
        Notebook onDisk;
        boolean hasCopy;

        Tracked(NotebookDocument doc, Notebook onDisk) {
            this.doc = doc;
            this.onDisk = onDisk;
            timer.setDuration(delay);
            timer.setOnFinished(e -> writeNow());
        }

        void scheduled() {
            if (timer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                timer.playFromStart();
            }
        }

        void writeNow() {
            timer.stop();
            if (!doc.isDirty()) {
                return;
            }
            Notebook snapshot = doc.toNotebook();
            Path file = doc.file();
            String name = file == null ? doc.untitledNameProperty().get() : file.getFileName().toString();
            Notebook base = onDisk;
            boolean trusted = doc.isTrusted();
            hasCopy = true;
            // A trusted notebook's copy carries its seal, so that restoring the user's own work does not ask again.
            enqueue(() -> store.save(key, file, name, base, snapshot, trusted ? sealer.seal(snapshot) : null));
        }

        void saved() {
            timer.stop();
            onDisk = doc.toNotebook();
            discard();
        }

        void discard() {
            if (hasCopy) {
                hasCopy = false;
                enqueue(() -> {
                    store.discard(key);
                    return null;
                });
            }
        }
    }

    private interface Write {
        RecoveryEntry run() throws IOException;
    }

    /** Signs a copy of a trusted notebook ({@code NotebookTrust::seal}). */
    interface Sealer {
        String seal(Notebook notebook) throws IOException;
    }

    /**
     * Copies go to {@code store}, written on {@code background}.
     *
     * @param problems told (on the FX thread) when a copy cannot be written
     */
    Autosave(RecoveryStore store, Sealer sealer, Executor background, java.time.Duration delay,
             Consumer<String> problems) {
        this.store = store;
        this.sealer = sealer;
        this.background = background;
        this.delay = Duration.millis(delay.toMillis());
        this.problems = problems;
    }

    /**
     * Starts keeping copies of {@code doc}.
     *
     * @param onDisk the notebook as its file holds it, what a copy's summary compares with; null if it has no file
     */
    void track(NotebookDocument doc, Notebook onDisk) {
        Tracked t = new Tracked(doc, onDisk);
        tracked.put(doc, t);
        doc.editsProperty().addListener(t.edited);
        doc.dirtyProperty().addListener(t.dirty);
        if (doc.isDirty()) {
            t.scheduled();
        }
    }

    /** Stops keeping copies of {@code doc} and removes its copy: it was closed. */
    void untrack(NotebookDocument doc) {
        Tracked t = tracked.remove(doc);
        if (t != null) {
            t.timer.stop();
            doc.editsProperty().removeListener(t.edited);
            doc.dirtyProperty().removeListener(t.dirty);
            t.discard();
        }
    }

    /** Writes a copy of every notebook with unsaved changes now: the window lost focus. */
    void writeAll() {
        for (Tracked t : new ArrayList<>(tracked.values())) {
            t.writeNow();
        }
    }

    /** Completes when every copy asked for so far is on disk (or failed). */
    CompletableFuture<Void> flushed() {
        return writes;
    }

    /** The recovery key of {@code doc}'s copy, for tests. */
    String keyOf(NotebookDocument doc) {
        Tracked t = tracked.get(doc);
        return t == null ? null : t.key;
    }

    /** The documents being watched. */
    List<NotebookDocument> documents() {
        return List.copyOf(tracked.keySet());
    }

    private void enqueue(Write write) {
        writes = writes.thenRunAsync(() -> {
            try {
                write.run();
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> problems.accept("Could not write a recovery copy: " + why));
            }
        }, background);
    }
}
