package dev.pageframe.ui.notebook;

import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.KernelState;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellTags;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookKernel;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.notebook.Output;
import dev.pageframe.ui.markdown.MarkdownView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One open notebook: its cells, its file, whether it is trusted, and its kernel. The view model the
 * notebook view, the outline and the status bar share; it never touches a control. FX thread only;
 * kernel callbacks hop onto it with {@link Platform#runLater}.
 *
 * <p>A kernel session is made for the notebook's machine on the first run, never on open.
 */
public final class NotebookDocument {
    private final ObservableList<CellModel> cells = FXCollections.observableArrayList();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty untitledName = new SimpleStringProperty(this, "untitledName", "Untitled.ipynb");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyObjectWrapper<MachineSpec> machine = new ReadOnlyObjectWrapper<>(this, "machine");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty trusted = new SimpleBooleanProperty(this, "trusted");
    private final StringProperty trustExplanation = new SimpleStringProperty(this, "trustExplanation", "");
    private final BooleanProperty structureVersion = new SimpleBooleanProperty(this, "headingsChanged");
    /** What Z takes back; {@link CellJoins} keeps its splits and merges here too. */
    final CellUndoStack undoable = new CellUndoStack();
    private final Map<String, HeadingCache> headingCache = new HashMap<>();
    private final NotebookTrust trust;
    private final NotebookFiles files;
    private final Executor background;
    private final List<String> loadNotes;
    private final String readOnlyReason;
    private Notebook base;
    private final KernelRunner runner;
    private BooleanSupplier confirmUntrustedRun = () -> false;
    private long modCount;
    /** Counts every edit; recovery copies are scheduled from it. */
    private final javafx.beans.property.ReadOnlyLongWrapper edits = new javafx.beans.property.ReadOnlyLongWrapper(this, "edits");
    private long savedModCount;
    private final ChangeListener<Object> cellEdited = (obs, was, now) -> cellChanged();
    private final ChangeListener<Boolean> folded = (obs, was, now) -> {
        recomputeHidden();
        structureVersion.set(!structureVersion.get());
    };

    private record HeadingCache(String source, List<HeadingInfo> headings) {}

    /**
     * A document for {@code notebook}.
     *
     * @param file           where it was read from, or null for an untitled notebook
     * @param trusted        whether the trust store vouches for it (checked by the caller, off the FX thread)
     * @param explanation    why it is or is not trusted, for the banner
     * @param sessionFactory makes the kernel for a machine on the first run
     * @param background     runs file and trust I/O off the FX thread
     */
    public NotebookDocument(Notebook notebook, Path file, boolean trusted, String explanation, List<String> loadNotes,
            NotebookTrust trust, NotebookFiles files, Function<MachineSpec, KernelSession> sessionFactory,
            Executor background) {
        this.base = Objects.requireNonNull(notebook);
        this.machine.set(notebook.machine());
        this.trust = Objects.requireNonNull(trust);
        this.files = Objects.requireNonNull(files);
        this.background = Objects.requireNonNull(background);
        this.runner = new KernelRunner(this, Objects.requireNonNull(sessionFactory), background);
        this.loadNotes = List.copyOf(loadNotes);
        this.readOnlyReason = readOnlyReason(notebook);
        this.file.set(file);
        this.trusted.set(trusted);
        this.trustExplanation.set(explanation == null ? "" : explanation);
        cells.addListener((ListChangeListener<CellModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::detach);
                change.getAddedSubList().forEach(this::attach);
            }
            recompute();
        });
        List<CellModel> models = new ArrayList<>();
        for (Cell c : notebook.cells()) {
            models.add(new CellModel(c));
        }
        cells.setAll(models);
        title.bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (this.file.get() == null ? untitledName.get() : this.file.get().getFileName().toString())
                        + (dirty.get() ? UNSAVED_MARK : ""),
                this.file, untitledName, dirty));
        modCount = 0;
        savedModCount = 0;
        dirty.set(false);
    }

    private void attach(CellModel c) {
        c.sourceProperty().addListener(cellEdited);
        c.typeProperty().addListener(cellEdited);
        c.sectionCollapsedProperty().addListener(folded);
    }

    private void detach(CellModel c) {
        c.sourceProperty().removeListener(cellEdited);
        c.typeProperty().removeListener(cellEdited);
        c.sectionCollapsedProperty().removeListener(folded);
    }

    private void cellChanged() {
        markModified();
        recompute();
    }

    // ---- what the views read ----

    public ObservableList<CellModel> cells() {
        return cells;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    /** The name shown while the notebook has no file, e.g. {@code tour.ipynb} for the bundled tour. */
    public StringProperty untitledNameProperty() {
        return untitledName;
    }

    /** What the title ends with while there are unsaved changes. */
    public static final String UNSAVED_MARK = " \u2022";

    /** The tab title: the file name, with a dot while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** How many edits were made since the notebook opened; goes up with each one. */
    public javafx.beans.property.ReadOnlyLongProperty editsProperty() {
        return edits.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty trustedProperty() {
        return trusted;
    }

    public boolean isTrusted() {
        return trusted.get();
    }

    /** The trust store's sentence on why this notebook is not trusted. */
    public String trustExplanation() {
        return trustExplanation.get();
    }

    public MachineSpec machine() {
        return machine.get();
    }

    /** The notebook's machine, as its metadata says; {@link #changeMachine} sets it. */
    public ReadOnlyObjectProperty<MachineSpec> machineProperty() {
        return machine.getReadOnlyProperty();
    }

    /** Runs the notebook on another machine from now on: written to its metadata, booted at the next run. */
    public void changeMachine(MachineSpec spec) {
        if (isReadOnly() || spec.equals(machine())) {
            return;
        }
        base = base.withMachine(spec);
        machine.set(spec);
        runner.changeMachine();
        markModified();
    }

    /** Why the notebook can be read but not run or edited (written for another kernel); empty if it can. */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    /** True if the notebook is written for another kernel, so it is shown with its stored outputs only. */
    public boolean isReadOnly() {
        return !readOnlyReason.isEmpty();
    }

    private static String readOnlyReason(Notebook notebook) {
        NotebookKernel kernel = NotebookKernel.of(notebook);
        return kernel.isOurs() ? "" : "This notebook is written for " + kernel.describe() + ". Pageframe runs only "
                + "Java cells, so it is open read-only, with the outputs stored in the file.";
    }

    public List<String> loadNotes() {
        return loadNotes;
    }

    public ReadOnlyObjectProperty<KernelState> kernelStateProperty() {
        return runner.kernelState;
    }

    public KernelState kernelState() {
        return runner.kernelState.get();
    }

    /** Why the kernel died, when it did. */
    public StringProperty kernelDetailProperty() {
        return runner.kernelDetail;
    }

    /** When the kernel turned busy, or null when it is not busy. */
    public ReadOnlyObjectProperty<Instant> busySinceProperty() {
        return runner.busySince;
    }

    /** Flips whenever headings or folding may have changed, for the outline. */
    public ReadOnlyBooleanProperty headingsChangedProperty() {
        return structureVersion;
    }

    /** The kernel session if the notebook has run something, else null. */
    public KernelSession sessionIfStarted() {
        return runner.sessionIfStarted();
    }

    /** What to ask before running an untrusted notebook; return true to go ahead (and trust it). */
    public void setConfirmUntrustedRun(BooleanSupplier confirm) {
        this.confirmUntrustedRun = Objects.requireNonNull(confirm);
    }

    /** The notebook as it would be saved now. */
    public Notebook toNotebook() {
        return base.withCells(cells.stream().map(CellModel::toCell).toList());
    }

    /** Where the last run stopped, when a failing cell left queued cells unrun; empty otherwise. */
    public ReadOnlyStringProperty stopNoteProperty() {
        return runner.stopNote;
    }

    /** The headings of a Markdown cell (cached by source). */
    public List<HeadingInfo> headings(CellModel cell) {
        if (cell.type() != CellType.MARKDOWN) {
            return List.of();
        }
        HeadingCache cached = headingCache.get(cell.id());
        if (cached == null || !cached.source().equals(cell.source())) {
            List<HeadingInfo> found = new ArrayList<>();
            for (var h : MarkdownView.headings(cell.source())) {
                found.add(new HeadingInfo(h.level(), h.text()));
            }
            cached = new HeadingCache(cell.source(), List.copyOf(found));
            headingCache.put(cell.id(), cached);
        }
        return cached.headings();
    }

    /** The level of the biggest heading in the cell, or 0 if it has none. */
    public int headingLevel(CellModel cell) {
        int level = 0;
        for (HeadingInfo h : headings(cell)) {
            if (level == 0 || h.level() < level) {
                level = h.level();
            }
        }
        return level;
    }

    /** Unfolds the sections above {@code cell}, nearest first, until it is no longer hidden by a fold. */
    public void unfoldTo(CellModel cell) {
        for (int j = cells.indexOf(cell) - 1; j >= 0 && cell.hiddenProperty().get(); j--) {
            cells.get(j).sectionCollapsedProperty().set(false);
        }
    }

    // ---- editing ----

    /** Inserts a new, empty cell of {@code type} at {@code index} and returns it; null if the notebook is read-only. */
    public CellModel insertCell(int index, CellType type) {
        if (isReadOnly()) {
            return null;
        }
        Cell cell = switch (type) {
            case CODE -> Cell.code("");
            case MARKDOWN -> Cell.markdown("");
            case RAW, UNKNOWN -> Cell.raw("");
        };
        CellModel model = new CellModel(cell);
        cells.add(Math.max(0, Math.min(index, cells.size())), model);
        markModified();
        return model;
    }

    /** Deletes a cell; {@link #undoCellOperation()} brings it back. */
    public void deleteCell(CellModel cell) {
        if (isReadOnly()) {
            return;
        }
        int index = cells.indexOf(cell);
        if (index < 0) {
            return;
        }
        undoable.remember(() -> {
            cells.add(Math.min(index, cells.size()), cell);
            return cell;
        });
        cells.remove(index);
        markModified();
    }

    /** Takes back the last delete, change of type, replace, split or merge; returns the cell it concerned, or null. */
    public CellModel undoCellOperation() {
        CellModel cell = undoable.undo();
        if (cell != null) {
            markModified();
        }
        return cell;
    }

    /**
     * Sets the sources of several cells at once (Find's Replace and Replace All), as one operation Z takes back: an
     * editor's own undo starts again when its text is replaced from outside.
     */
    public void replaceSources(Map<CellModel, String> sources) {
        if (isReadOnly() || sources.isEmpty()) {
            return;
        }
        Map<CellModel, String> before = new java.util.LinkedHashMap<>();
        sources.forEach((cell, text) -> {
            before.put(cell, cell.source());
            cell.sourceProperty().set(text);
        });
        undoable.remember(() -> {
            before.forEach((cell, text) -> cell.sourceProperty().set(text));
            return before.keySet().iterator().next();
        });
    }

    /** Moves a cell one place up (-1) or down (+1). */
    public void moveCell(CellModel cell, int delta) {
        if (isReadOnly()) {
            return;
        }
        int from = cells.indexOf(cell);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= cells.size()) {
            return;
        }
        cells.remove(from);
        cells.add(to, cell);
        markModified();
    }

    /** Turns a cell into another kind; a code cell's outputs go, as in Jupyter. */
    public void changeType(CellModel cell, CellType type) {
        if (cell.type() == type || isReadOnly() || cell.type() == CellType.UNKNOWN || type == CellType.UNKNOWN) {
            return;
        }
        CellType was = cell.type();
        List<Output> outputs = List.copyOf(cell.outputs());
        Integer count = cell.executionCountProperty().get();
        if (cell.isCode()) {
            cell.clearOutputs();
        }
        cell.typeProperty().set(type);
        // A stray M, Y or R would otherwise cost a code cell its outputs for good.
        undoable.remember(() -> {
            cell.typeProperty().set(was);
            cell.outputs().setAll(outputs);
            cell.executionCountProperty().set(count);
            return cell;
        });
    }

    // ---- running ----

    /**
     * Queues code cells on the kernel, starting it if needed. Markdown and raw cells are skipped. An
     * untrusted notebook asks first; if the answer is no nothing runs.
     *
     * @return false if nothing was queued because the user declined, or the notebook is read-only
     */
    public boolean run(List<CellModel> toRun) {
        if (isReadOnly()) {
            return false; // Its cells are in another language: running them as Java could only fail.
        }
        List<CellModel> code = toRun.stream().filter(CellModel::isCode).filter(c -> c.runState() == RunState.IDLE).toList();
        if (code.isEmpty()) {
            return true;
        }
        if (!trusted.get()) {
            if (!confirmUntrustedRun.getAsBoolean()) {
                return false;
            }
            trust();
        }
        runner.queue(code);
        return true;
    }

    /** Runs every code cell but those tagged {@code skip-execution}, as {@code pageframe run} does. */
    public boolean runAll() {
        return run(batch(cells));
    }

    /** Runs the cells above {@code cell}, not including it, skipping {@code skip-execution} cells. */
    public boolean runAbove(CellModel cell) {
        int i = cells.indexOf(cell);
        return i < 0 || run(batch(cells.subList(0, i)));
    }

    /** Runs {@code cell} and every cell below it, skipping {@code skip-execution} cells. */
    public boolean runBelow(CellModel cell) {
        int i = cells.indexOf(cell);
        return i < 0 || run(batch(cells.subList(i, cells.size())));
    }

    /** The cells a batch run takes: a cell tagged skip-execution runs only when it is run by itself. */
    private static List<CellModel> batch(List<CellModel> range) {
        return range.stream().filter(c -> !c.isCode() || !CellTags.skipsExecution(c.toCell())).toList();
    }

    /** Stops the running cell and drops the queued ones. */
    public void interrupt() {
        runner.interrupt();
    }

    /** Replaces the kernel with a fresh machine; completes on the FX thread once it is idle. */
    public CompletableFuture<Void> restart() {
        return runner.restart();
    }

    /** Restarts, then runs every cell from the top. */
    public CompletableFuture<Void> restartAndRunAll() {
        return restart().thenRun(this::runAll);
    }

    /** Starts the kernel now if it is not running (e.g. to warm it up). */
    public KernelSession session() {
        return runner.session();
    }

    /** Free memory of the simulated machine after the last cell, in bytes; -1 when unknown. */
    public javafx.beans.property.ReadOnlyLongProperty freeBytesProperty() {
        return runner.freeBytes;
    }

    // ---- trust and files ----

    /** Records the notebook as the user's own, so it runs without asking. */
    public CompletableFuture<Void> trust() {
        trusted.set(true);
        trustExplanation.set("");
        Notebook snapshot = toNotebook();
        return CompletableFuture.runAsync(() -> sign(snapshot), background);
    }

    /** Trusts the notebook and runs every cell. */
    public void trustAndRunAll() {
        trust();
        runAll();
    }

    private void sign(Notebook snapshot) {
        try {
            trust.sign(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the notebook to {@code path} atomically off the FX thread, then signs it: what the user saves is
     * theirs. Completes on the FX thread.
     */
    public CompletableFuture<Path> saveTo(Path path) {
        Notebook snapshot = toNotebook();
        long savedAt = modCount;
        CompletableFuture<Path> done = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                files.save(path, snapshot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sign(snapshot);
        }, background).whenComplete((ok, error) -> Platform.runLater(() -> {
            if (error != null) {
                done.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
                return;
            }
            file.set(path);
            savedModCount = savedAt;
            dirty.set(modCount != savedModCount);
            trusted.set(true);
            trustExplanation.set("");
            done.complete(path);
        }));
        return done;
    }

    /** Stops the kernel (off the FX thread: closing waits for the agent JVM). */
    public void close() {
        runner.close();
    }

    /** Counts an edit; the title shows a dot until the next save. */
    public void markModified() {
        modCount++;
        edits.set(edits.get() + 1);
        dirty.set(modCount != savedModCount);
    }

    // ---- derived state ----

    private void recompute() {
        recomputeStale();
        recomputeHidden();
        structureVersion.set(!structureVersion.get());
    }

    /**
     * A cell's outputs are stale when its source changed after it ran, or when a cell above it ran later than
     * it did (the state it saw is gone).
     */
    void recomputeStale() {
        long newestAbove = -1;
        for (CellModel c : cells) {
            if (!c.isCode()) {
                c.staleProperty().set(false);
                continue;
            }
            boolean hasOutputs = !c.outputs().isEmpty() || c.executionCountProperty().get() != null;
            boolean running = c.runState() != RunState.IDLE;
            boolean stale = !running && hasOutputs && c.ranAt() >= 0
                    && (c.sourceChangedSinceRun() || newestAbove > c.ranAt());
            c.staleProperty().set(stale);
            newestAbove = Math.max(newestAbove, c.ranAt());
        }
    }

    /** Hides the cells under each folded heading, up to the next heading of the same or a bigger level. */
    void recomputeHidden() {
        int foldLevel = 0;
        for (CellModel c : cells) {
            int level = headingLevel(c);
            if (foldLevel > 0 && level > 0 && level <= foldLevel) {
                foldLevel = 0;
            }
            c.hiddenProperty().set(foldLevel > 0);
            if (foldLevel == 0 && level > 0 && c.sectionCollapsedProperty().get()) {
                foldLevel = level;
            }
        }
    }
}
