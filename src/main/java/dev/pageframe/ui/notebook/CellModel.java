package dev.pageframe.ui.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.execution.CompileDiagnostic;
import dev.pageframe.execution.Progress;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Output;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One cell as the app edits and runs it: the file's {@link Cell} split into observable parts, plus
 * what only exists while the app is open (run state, live elapsed time, diagnostics, staleness).
 * FX thread only.
 */
public final class CellModel {
    private final String id;
    private Cell base;
    private final StringProperty source = new SimpleStringProperty(this, "source");
    private final ObjectProperty<CellType> type = new SimpleObjectProperty<>(this, "type");
    private final ObservableList<Output> outputs = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> executionCount = new SimpleObjectProperty<>(this, "executionCount");
    private final ObjectProperty<RunState> runState = new SimpleObjectProperty<>(this, "runState", RunState.IDLE);
    private final ObjectProperty<Instant> startedAt = new SimpleObjectProperty<>(this, "startedAt");
    private final ObjectProperty<Duration> lastDuration = new SimpleObjectProperty<>(this, "lastDuration");
    private final ObjectProperty<Progress> progress = new SimpleObjectProperty<>(this, "progress");
    private final ObservableList<CompileDiagnostic> diagnostics = FXCollections.observableArrayList();
    private final IntegerProperty errorLine = new SimpleIntegerProperty(this, "errorLine", 0);
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    private final BooleanProperty sectionCollapsed = new SimpleBooleanProperty(this, "sectionCollapsed");
    private final BooleanProperty hidden = new SimpleBooleanProperty(this, "hidden");
    private final BooleanProperty editing = new SimpleBooleanProperty(this, "editing");
    /** Outputs folded away under a bar (Jupyter's O), kept in the file as JupyterLab keeps it. */
    private final BooleanProperty outputsHidden = new SimpleBooleanProperty(this, "outputsHidden");
    /** Outputs kept in a box of bounded height with a scroll bar of its own (Jupyter's Shift+O, nbformat's scrolled). */
    private final BooleanProperty outputsScrolled = new SimpleBooleanProperty(this, "outputsScrolled");
    /** What Find marks in this cell, or null while Find is closed or has no match here. */
    private final javafx.beans.property.ObjectProperty<FindMarks> findMarks =
            new javafx.beans.property.SimpleObjectProperty<>(this, "findMarks");
    /** The notebook's run sequence number when this cell last ran; 0 for outputs read from the file, -1 if none. */
    private long ranAt;
    /** The source the outputs belong to. */
    private String sourceAtRun;

    /** A model of {@code cell} as read from a file: its outputs count as produced by its current source. */
    public CellModel(Cell cell) {
        this.id = cell.id();
        this.base = cell;
        source.set(cell.source());
        type.set(cell.type());
        outputs.setAll(cell.outputs());
        executionCount.set(cell.executionCount());
        lastDuration.set(storedDuration(cell.metadata()));
        outputsHidden.set(outputsHidden(cell.metadata()));
        outputsScrolled.set(outputsScrolled(cell.metadata()));
        boolean hasRun = cell.executionCount() != null || !cell.outputs().isEmpty();
        ranAt = hasRun ? 0 : -1;
        sourceAtRun = cell.source();
    }

    public String id() {
        return id;
    }

    /** The cell of {@code cells} whose nbformat id is {@code id}: how an exercise names its answer and check cells. */
    public static java.util.Optional<CellModel> withId(List<CellModel> cells, String id) {
        return cells.stream().filter(c -> c.id.equals(id)).findFirst();
    }

    /** The cell as it would be written now. */
    public Cell toCell() {
        CellType t = type.get();
        boolean code = t == CellType.CODE;
        Map<String, MimeBundle> attachments = code ? null : base.attachments();
        ObjectNode metadata = code ? withOutputsScrolled(withOutputsHidden(base.metadata(), outputsHidden.get()),
                outputsScrolled.get()) : base.metadata();
        return new Cell(id, t, metadata, source.get(), attachments,
                code ? List.copyOf(outputs) : List.of(), code ? executionCount.get() : null, base.extra());
    }

    public BooleanProperty outputsHiddenProperty() {
        return outputsHidden;
    }

    /**
     * Whether a cell's metadata folds its outputs away: nbformat 4's {@code collapsed} where it is set, as JupyterLab
     * reads it, else {@code jupyter.outputs_hidden}.
     */
    static boolean outputsHidden(ObjectNode metadata) {
        if (metadata == null) {
            return false;
        }
        JsonNode collapsed = metadata.get("collapsed");
        return collapsed != null && collapsed.isBoolean() ? collapsed.asBoolean()
                : metadata.path("jupyter").path("outputs_hidden").asBoolean(false);
    }

    /** The metadata with outputs marked hidden (both keys, as JupyterLab writes them) or not; unchanged if it agrees. */
    static ObjectNode withOutputsHidden(ObjectNode metadata, boolean hidden) {
        if (outputsHidden(metadata) == hidden) {
            return metadata;
        }
        ObjectNode md = copyOf(metadata);
        if (hidden) {
            md.put("collapsed", true);
            md.withObjectProperty("jupyter").put("outputs_hidden", true);
        } else {
            md.remove("collapsed");
            if (md.get("jupyter") instanceof ObjectNode jupyter) {
                jupyter.remove("outputs_hidden");
                if (jupyter.isEmpty()) {
                    md.remove("jupyter");
                }
            }
        }
        return md;
    }

    public BooleanProperty outputsScrolledProperty() {
        return outputsScrolled;
    }

    /** Whether the metadata asks for a scrolled output box: nbformat's {@code scrolled: true} ("auto" leaves it be). */
    static boolean outputsScrolled(ObjectNode metadata) {
        return metadata != null && metadata.path("scrolled").isBoolean() && metadata.get("scrolled").booleanValue();
    }

    /** The metadata with {@code scrolled: true}, or without the key; unchanged if it agrees. */
    static ObjectNode withOutputsScrolled(ObjectNode metadata, boolean scrolled) {
        if (outputsScrolled(metadata) == scrolled) {
            return metadata;
        }
        ObjectNode md = copyOf(metadata);
        if (scrolled) {
            md.put("scrolled", true);
        } else {
            md.remove("scrolled");
        }
        return md;
    }

    /** A copy of the metadata to change, the model's own left as it is. */
    private static ObjectNode copyOf(ObjectNode metadata) {
        return metadata == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : metadata.deepCopy();
    }

    /** Takes the outputs, count and metadata of {@code ran}, the result of running this cell. */
    void applyRun(Cell ran, long sequence, String ranSource) {
        base = new Cell(id, base.type(), ran.metadata(), base.source(), base.attachments(), base.outputs(),
                base.executionCount(), base.extra());
        outputs.setAll(ran.outputs());
        executionCount.set(ran.executionCount());
        ranAt = sequence;
        sourceAtRun = ranSource;
    }

    void markRan(long sequence, String ranSource) {
        ranAt = sequence;
        sourceAtRun = ranSource;
    }

    /** Removes outputs and prompt, as if never run. */
    void clearOutputs() {
        outputs.clear();
        executionCount.set(null);
        diagnostics.clear();
        errorLine.set(0);
        lastDuration.set(null);
        ranAt = -1;
    }

    long ranAt() {
        return ranAt;
    }

    /** True if the outputs were produced by a different source than the cell has now. */
    boolean sourceChangedSinceRun() {
        return ranAt >= 0 && !Objects.equals(sourceAtRun, source.get());
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public String source() {
        return source.get();
    }

    public ObjectProperty<CellType> typeProperty() {
        return type;
    }

    public CellType type() {
        return type.get();
    }

    public boolean isCode() {
        return type.get() == CellType.CODE;
    }

    public Map<String, MimeBundle> attachments() {
        return base.attachmentsOrEmpty();
    }

    public ObservableList<Output> outputs() {
        return outputs;
    }

    public ObjectProperty<Integer> executionCountProperty() {
        return executionCount;
    }

    public ObjectProperty<RunState> runStateProperty() {
        return runState;
    }

    public RunState runState() {
        return runState.get();
    }

    public ObjectProperty<Instant> startedAtProperty() {
        return startedAt;
    }

    public ObjectProperty<Duration> lastDurationProperty() {
        return lastDuration;
    }

    public ObjectProperty<Progress> progressProperty() {
        return progress;
    }

    public ObservableList<CompileDiagnostic> diagnostics() {
        return diagnostics;
    }

    public IntegerProperty errorLineProperty() {
        return errorLine;
    }

    /** True when the outputs no longer match the code: it changed, or a cell above ran after this one. */
    public BooleanProperty staleProperty() {
        return stale;
    }

    public boolean isStale() {
        return stale.get();
    }

    /** True when the user folded the section this cell's heading starts. */
    public BooleanProperty sectionCollapsedProperty() {
        return sectionCollapsed;
    }

    /** True when a folded heading above hides this cell. */
    public BooleanProperty hiddenProperty() {
        return hidden;
    }

    /** True while the cell's source is being edited (edit mode for code, source view for Markdown). */
    /** What Find marks in this cell; null for nothing. */
    public javafx.beans.property.ObjectProperty<FindMarks> findMarksProperty() {
        return findMarks;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    /** How long the cell ran, from the Jupyter timing metadata a file keeps. */
    static Duration storedDuration(ObjectNode metadata) {
        JsonNode exec = metadata == null ? null : metadata.get("execution");
        if (exec == null || !exec.isObject()) {
            return null;
        }
        JsonNode start = exec.get("iopub.execute_input");
        JsonNode end = exec.get("shell.execute_reply");
        if (start == null || end == null || !start.isTextual() || !end.isTextual()) {
            return null;
        }
        try {
            Duration d = Duration.between(Instant.parse(start.textValue()), Instant.parse(end.textValue()));
            return d.isNegative() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "CellModel[" + id + " " + type.get() + "]";
    }
}
