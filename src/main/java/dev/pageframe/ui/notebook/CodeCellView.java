package dev.pageframe.ui.notebook;

import dev.pageframe.execution.Progress;
import dev.pageframe.notebook.Output;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.common.Popups;
import dev.pageframe.ui.outputs.OutputViews;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A code cell: prompt and timing in the gutter, the Java editor, a progress bar while a long cell reports
 * progress, and the outputs below. Outputs fade and a marker appears when they are stale.
 */
final class CodeCellView extends CellView {
    /** The real editor, made when first needed (a click, hover, edit or an error to mark); until then a preview. */
    private CellEditor editor;
    private SourcePreview preview;
    private final StackPane editorBox = new StackPane();
    private final javafx.animation.PauseTransition hoverRest =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
    private final javafx.animation.PauseTransition selectionRest =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
    private final Label prompt = new Label();
    private final Label timing = new Label();
    private final Label staleBadge = new Label("stale");
    private final VBox outputs = new VBox();
    /** Holds the outputs while the cell keeps them scrolled (Shift+O); made when first needed. */
    private javafx.scene.control.ScrollPane outputScroller;
    /** Stands in for the outputs while they are hidden (O). */
    private final Label hiddenBar = new Label();
    private final HBox progressRow = new HBox();
    private final ProgressBar progressBar = new ProgressBar();
    private final Label progressLabel = new Label();
    private final Label progressTime = new Label();
    private final Timeline ticker;
    private final ListChangeListener<Output> outputSync = this::syncOutputs;
    private boolean updatingFromModel;
    private boolean preparing;
    private boolean disposed;

    CodeCellView(CellModel cell, NotebookView notebook) {
        super(cell, notebook);
        getStyleClass().add("code-cell");
        preview = new SourcePreview(cell.source(), notebook.syntax());
        buildPreview();
        buildGutterAndBody();
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> updateTiming()));
        ticker.setCycleCount(Animation.INDEFINITE);
        bindModel();
    }

    /** The source preview, and the editor made ahead once the mouse or the selection rests on it. */
    private void buildPreview() {
        preview.setOnOffsetClicked(offset -> {
            CellEditor ed = ensureEditor();
            ed.moveTo(Math.min(offset, ed.getLength()));
            ed.requestFocus();
        });
        // Hover summaries need the real editor: make it once the mouse has moved over the source and rested a
        // moment. It is made on a background thread (a node not yet in a scene may be), so the FX thread only
        // pays for its styling and layout when it is swapped in.
        hoverRest.setOnFinished(e -> {
            if (preview != null && preview.isHover() && getScene() != null) {
                prepareEditor();
            }
        });
        // Likewise once a selection has rested on the cell (Enter comes next, more often than not); a held
        // arrow key passing over cells makes no editors.
        selectionRest.setOnFinished(e -> {
            if (preview != null && getScene() != null && notebook.selected() == cell) {
                prepareEditor();
            }
        });
        // Only a real mouse move counts: cells scrolling in under a still pointer get synthetic enter events.
        preview.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            if (editor == null && !preparing) {
                hoverRest.playFromStart();
            }
        });
        preview.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> hoverRest.stop());
        editorBox.getChildren().add(preview);
        editorBox.getStyleClass().add("cell-input");
        editOnBoxPress(editorBox);
    }

    /** The prompt with its run button, the timing and stale badge, the progress row and the outputs. */
    private void buildGutterAndBody() {
        Button run = new Button(null, Icons.icon(Icons.PLAY));
        run.getStyleClass().addAll("cell-run-button", "flat");
        Popups.tooltip(run, "Run this cell (Ctrl+Enter)");
        run.setFocusTraversable(false);
        run.setOnAction(e -> notebook.commands().runInPlace(cell));
        prompt.getStyleClass().add("cell-prompt");
        // The button comes in beside the count, not over it: the count of the cell under the pointer stays readable.
        HBox promptBox = new HBox(run, prompt);
        promptBox.getStyleClass().add("cell-prompt-box");
        run.visibleProperty().bind(hoverProperty().and(cell.runStateProperty().isEqualTo(RunState.IDLE)));
        timing.getStyleClass().add("cell-timing");
        staleBadge.getStyleClass().add("stale-badge");
        Popups.tooltip(staleBadge, "These outputs may not match the code any more: the cell was edited, "
                + "or a cell above it ran after it. Run it again to refresh them.");
        gutter.getChildren().addAll(promptBox, timing, staleBadge);

        progressBar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progressBar, Priority.ALWAYS);
        progressLabel.getStyleClass().add("progress-label");
        progressTime.getStyleClass().add("progress-time");
        progressRow.getStyleClass().add("cell-progress");
        progressRow.getChildren().addAll(progressLabel, progressBar, progressTime);

        outputs.getStyleClass().add("cell-outputs");
        hiddenBar.getStyleClass().add("outputs-hidden-bar");
        hiddenBar.setMaxWidth(Double.MAX_VALUE);
        hiddenBar.setOnMouseClicked(e -> notebook.commands().toggleOutput(cell));
        body.getChildren().addAll(editorBox, progressRow, outputs, hiddenBar);
    }

    /** Model to view: source, prompt, run state, timing, staleness, progress, errors and outputs. */
    private void bindModel() {
        keep(cell.sourceProperty().subscribe(s -> {
            if (editor == null) {
                preview.setText(s);
                return;
            }
            updatingFromModel = true;
            try {
                editor.resetText(s);
            } finally {
                updatingFromModel = false;
            }
        }));
        keep(cell.executionCountProperty().subscribe(n -> updatePrompt()));
        keep(cell.outputsHiddenProperty().subscribe(h -> updateOutputsVisibility()));
        keep(cell.outputsScrolledProperty().subscribe(s -> placeOutputs(s)));
        keep(cell.runStateProperty().subscribe(state -> {
            updatePrompt();
            updateTiming();
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("running"), state == RunState.RUNNING);
            if (state == RunState.RUNNING) {
                ticker.play();
            } else {
                ticker.stop();
            }
        }));
        keep(cell.lastDurationProperty().subscribe(d -> updateTiming()));
        keep(cell.staleProperty().subscribe(stale -> {
            staleBadge.setVisible(stale);
            staleBadge.setManaged(stale);
            if (stale) {
                outputs.getStyleClass().add("stale");
            } else {
                outputs.getStyleClass().remove("stale");
            }
        }));
        keep(cell.progressProperty().subscribe(this::showProgress));
        // Find marks need the real editor, as error marks do.
        keep(cell.findMarksProperty().subscribe(marks -> {
            if (editor != null) {
                editor.setFindMarks(marks);
            } else if (marks != null) {
                ensureEditor();
            }
        }));
        // Error marks need the real editor (underlines, the error line): make it when there is one to show.
        keep(cell.errorLineProperty().subscribe(line -> {
            if (editor != null) {
                editor.setErrorLine(line.intValue());
            } else if (line.intValue() > 0) {
                ensureEditor();
            }
        }));
        ListChangeListener<Object> diagSync = c -> {
            if (editor != null) {
                editor.setDiagnostics(cell.diagnostics());
            } else if (!cell.diagnostics().isEmpty()) {
                ensureEditor();
            }
        };
        cell.diagnostics().addListener(diagSync);
        keep(() -> cell.diagnostics().removeListener(diagSync));
        if (!cell.diagnostics().isEmpty() || cell.errorLineProperty().get() > 0) {
            ensureEditor();
        }
        cell.outputs().addListener(outputSync);
        keep(() -> cell.outputs().removeListener(outputSync));
        for (Output o : cell.outputs()) {
            outputs.getChildren().add(render(o));
        }
        updateOutputsVisibility();
    }

    @Override
    void selected() {
        if (editor == null && !preparing) {
            selectionRest.playFromStart();
        }
    }

    /** True once the real editor has been made. */
    boolean hasEditor() {
        return editor != null;
    }

    /** Starts making the real editor off the FX thread; it replaces the preview when ready. */
    private void prepareEditor() {
        if (editor != null || preparing) {
            return;
        }
        preparing = true;
        String source = cell.source();
        JavaSyntax syntax = notebook.syntax();
        try {
            notebook.background().execute(() -> {
                CellEditor made;
                try {
                    made = new CellEditor(source, syntax);
                } catch (RuntimeException | LinkageError e) {
                    made = null;
                }
                CellEditor ready = made;
                javafx.application.Platform.runLater(() -> notebook.inFreeFrame(() -> {
                    preparing = false;
                    if (ready != null && editor == null && !disposed) {
                        // Styled and laid out in adopt, in a frame of its own, not in the next layout pass
                        // beside whatever else that frame holds.
                        adopt(ready);
                    }
                }));
            });
        } catch (RuntimeException e) {
            preparing = false;
        }
    }

    /**
     * Lays a new editor out at {@code width} and the height of all its lines, making each line's box once.
     * Measured first, or first laid out at another height, RichTextFX's flow keeps only the first line's box
     * and makes the others again (29 boxes for a 15-line cell, in 1.5 times the time): its first layout crops
     * the boxes it holds to what its viewport had room for. Laid out first in a viewport taller than any cell,
     * it makes them once, and the measure and the second layout reuse them.
     */
    static void layOutOnce(CellEditor editor, double width) {
        editor.resize(width, TALLER_THAN_ANY_CELL);
        editor.layout();
        editor.resize(width, editor.prefHeight(width));
        editor.layout();
    }

    private static final double TALLER_THAN_ANY_CELL = 1e6;

    /** The real editor, replacing the preview the first time. */
    private CellEditor ensureEditor() {
        if (editor != null) {
            return editor;
        }
        return adopt(new CellEditor(cell.source(), notebook.syntax()));
    }

    private CellEditor adopt(CellEditor ed) {
        ed.resetText(cell.source());
        ed.setEditable(notebook.editable());
        editor = ed;
        preview = null;
        EditorKeys.install(ed, this, notebook);
        new ApiAssist(ed, notebook).install();
        // editor -> model
        ed.textProperty().addListener((obs, was, now) -> {
            if (!updatingFromModel) {
                cell.sourceProperty().set(now);
                if (!cell.diagnostics().isEmpty()) {
                    cell.diagnostics().clear();
                }
                cell.errorLineProperty().set(0);
            }
        });
        ed.setDiagnostics(cell.diagnostics());
        ed.setFindMarks(cell.findMarksProperty().get());
        ed.setErrorLine(cell.errorLineProperty().get());
        ed.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1 && !e.isConsumed()) {
                e.consume();
                String text = ed.getText();
                JavaSyntax.Word w = JavaSyntax.wordAt(text, ed.getCaretPosition());
                if (w != null) {
                    // Charts.line opens its own page; other words go as they are (the docs search them).
                    notebook.services().openApiDocs(KernelNames.documentedName(text, w).orElse(w.text()));
                }
            }
        });
        editorBox.getChildren().setAll(ed);
        double width = editorBox.getWidth() - editorBox.snappedLeftInset() - editorBox.snappedRightInset();
        if (getScene() != null && width > 0) {
            editorBox.applyCss();
            layOutOnce(ed, width);
        }
        return ed;
    }

    @Override
    CellEditor editor() {
        return ensureEditor();
    }

    @Override
    CellEditor currentEditor() {
        return editor;
    }

    @Override
    void edit(boolean caretAtEnd) {
        CellEditor editor = ensureEditor();
        if (caretAtEnd) {
            editor.moveTo(editor.getLength());
        }
        editor.requestFocus();
    }

    @Override
    void dispose() {
        super.dispose();
        disposed = true;
        ticker.stop();
        hoverRest.stop();
        selectionRest.stop();
    }

    private void updatePrompt() {
        Integer n = cell.executionCountProperty().get();
        RunState state = cell.runState();
        prompt.setText(state != RunState.IDLE ? "[*]" : n == null ? "[ ]" : "[" + n + "]");
    }

    private void updateTiming() {
        RunState state = cell.runState();
        Instant started = cell.startedAtProperty().get();
        if (state == RunState.QUEUED) {
            timing.setText("queued");
        } else if (state == RunState.RUNNING) {
            Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, Instant.now());
            timing.setText(format(elapsed));
            progressTime.setText(format(elapsed));
        } else {
            Duration last = cell.lastDurationProperty().get();
            timing.setText(last == null ? "" : format(last));
        }
        timing.getStyleClass().remove("running");
        if (state == RunState.RUNNING) {
            timing.getStyleClass().add("running");
        }
    }

    private void showProgress(Progress p) {
        boolean show = p != null;
        progressRow.setVisible(show);
        progressRow.setManaged(show);
        if (show) {
            double f = p.fraction();
            progressBar.setProgress(f < 0 ? ProgressBar.INDETERMINATE_PROGRESS : f);
            String amount = p.total() > 0 ? p.done() + " / " + p.total() : Long.toString(p.done());
            progressLabel.setText((p.label() == null || p.label().isBlank() ? "" : p.label() + "  ") + amount);
        }
    }

    private void syncOutputs(ListChangeListener.Change<? extends Output> c) {
        while (c.next()) {
            if (c.wasPermutated()) {
                rebuildOutputs();
                return;
            }
            List<Node> children = outputs.getChildren();
            if (c.wasRemoved()) {
                children.subList(c.getFrom(), Math.min(children.size(), c.getFrom() + c.getRemovedSize())).clear();
            }
            if (c.wasAdded()) {
                int at = c.getFrom();
                for (Output o : c.getAddedSubList()) {
                    children.add(Math.min(at++, children.size()), render(o));
                }
            }
        }
        if (outputs.getChildren().size() != cell.outputs().size()) {
            rebuildOutputs();
        }
        updateOutputsVisibility();
    }

    private void rebuildOutputs() {
        outputs.getChildren().setAll(cell.outputs().stream().map(this::render).toList());
    }

    /**
     * Puts the outputs straight into the cell, or into a box at most 24 em high with a scroll bar of its own, as
     * Jupyter's scrolled outputs (the page's wheel scrolls the box first: {@link PageScroll}).
     */
    private void placeOutputs(boolean scrolled) {
        Node holder = scrolled ? scroller() : outputs;
        if (holder.getParent() == body) {
            return;
        }
        int at = body.getChildren().indexOf(scrolled ? outputs : outputScroller);
        body.getChildren().remove(at);
        outputScroller.setContent(scrolled ? outputs : null);
        body.getChildren().add(at, holder);
        updateOutputsVisibility();
    }

    private javafx.scene.control.ScrollPane scroller() {
        if (outputScroller == null) {
            outputScroller = new javafx.scene.control.ScrollPane();
            outputScroller.getStyleClass().add(OUTPUT_BOX);
            outputScroller.setFitToWidth(true);
            outputScroller.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
            outputScroller.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
            outputScroller.setFocusTraversable(false);
            keep(notebook.fontSizeProperty().subscribe(size ->
                    outputScroller.setMaxHeight(size.doubleValue() * SCROLLED_EMS)));
        }
        return outputScroller;
    }

    /** The style class of a scrolled output box, which the page's wheel handling looks for. */
    static final String OUTPUT_BOX = "cell-outputs-scroller";

    /** The height of a scrolled output box, in ems of the notebook's font, as Jupyter's. */
    static final int SCROLLED_EMS = 24;

    private void updateOutputsVisibility() {
        boolean any = !outputs.getChildren().isEmpty();
        boolean hidden = cell.outputsHiddenProperty().get();
        outputs.setVisible(any && !hidden);
        outputs.setManaged(any && !hidden);
        if (outputScroller != null) {
            outputScroller.setVisible(any && !hidden);
            outputScroller.setManaged(any && !hidden);
        }
        int n = outputs.getChildren().size();
        hiddenBar.setText("\u22EF " + n + (n == 1 ? " output" : " outputs") + " hidden: click, or press O, to show");
        hiddenBar.setVisible(any && hidden);
        hiddenBar.setManaged(any && hidden);
    }

    private Node render(Output o) {
        Node n;
        try {
            n = OutputViews.render(o, notebook.services().outputContext());
        } catch (RuntimeException e) {
            Label fallback = new Label("This output could not be shown: " + e.getMessage());
            fallback.setWrapText(true);
            n = fallback;
        }
        StackPane wrap = new StackPane(n);
        wrap.getStyleClass().addAll("cell-output", "cell-output-" + o.outputType().replace("_", "-"));
        wrap.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return wrap;
    }

    /** "850 ms", "3.2 s", "2 min 05 s". */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
