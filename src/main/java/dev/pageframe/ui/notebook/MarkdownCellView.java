package dev.pageframe.ui.notebook;

import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.common.Popups;
import dev.pageframe.ui.markdown.MarkdownView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * A Markdown cell: rendered prose, or its source while editing (double-click or Enter; Shift+Enter or
 * Ctrl+Enter renders). A cell that starts a section can fold the cells under its heading.
 */
final class MarkdownCellView extends CellView {
    private final StackPane rendered = new StackPane();
    private final Button fold = new Button();
    private final Label foldedNote = new Label();
    private final javafx.scene.Node foldedIcon = Icons.icon(Icons.CHEVRON_RIGHT);
    private final javafx.scene.Node openIcon = Icons.icon(Icons.CHEVRON_DOWN);
    private CellEditor editor;
    private boolean editing;
    /** Find's highlights over the rendered prose, drawn from the text flows' own character shapes. */
    private final javafx.scene.layout.Pane findLayer = new javafx.scene.layout.Pane();

    MarkdownCellView(CellModel cell, NotebookView notebook) {
        super(cell, notebook);
        getStyleClass().add("markdown-cell");
        rendered.getStyleClass().add("markdown-rendered");
        rendered.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        rendered.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                e.consume();
                notebook.select(cell);
                edit(true);
            }
        });
        fold.getStyleClass().addAll("fold-button", "flat");
        fold.setFocusTraversable(false);
        Popups.tooltip(fold, "Fold or unfold the cells under this heading");
        fold.setOnAction(e -> cell.sectionCollapsedProperty().set(!cell.sectionCollapsedProperty().get()));
        foldedNote.getStyleClass().add("folded-note");
        foldedNote.setOnMouseClicked(e -> cell.sectionCollapsedProperty().set(false));
        gutter.getChildren().add(fold);
        body.getChildren().addAll(rendered, foldedNote);
        notebook.services().exerciseControls(cell, notebook.document()).ifPresent(body.getChildren()::add);
        keep(cell.sourceProperty().subscribe(s -> {
            if (!editing) {
                render();
            }
            updateFold();
        }));
        keep(cell.sectionCollapsedProperty().subscribe(c -> updateFold()));
        // Relative image paths resolve against the notebook's folder, which Save As can change.
        keep(notebook.document().fileProperty().subscribe((was, now) -> {
            if (!editing) {
                render();
            }
        }));
        keep(notebook.document().headingsChangedProperty().subscribe(c -> updateFold()));
        findLayer.setMouseTransparent(true);
        findLayer.setManaged(false);
        findLayer.getStyleClass().add("find-layer");
        keep(cell.findMarksProperty().subscribe(m -> markFinds()));
        rendered.layoutBoundsProperty().addListener((obs, was, now) -> markFinds());
    }

    /** Highlights every match of Find's pattern in the rendered text (its own text, not the Markdown source). */
    private void markFinds() {
        findLayer.getChildren().clear();
        FindMarks marks = cell.findMarksProperty().get();
        if (marks == null || editing || rendered.getScene() == null) {
            return;
        }
        List<javafx.scene.text.TextFlow> flows = new ArrayList<>();
        collectFlows(rendered, flows);
        // The rendered text is not the source: the current match is taken to be the same-numbered one in it.
        int currentIndex = marks.currentStart() < 0 ? -1
                : (int) marks.pattern().matcher(cell.source()).results().filter(r -> r.end() > r.start())
                        .takeWhile(r -> r.start() < marks.currentStart()).count();
        int index = 0;
        for (javafx.scene.text.TextFlow flow : flows) {
            javafx.geometry.Point2D origin = findLayer.sceneToLocal(flow.localToScene(0, 0));
            if (origin == null) {
                continue;
            }
            for (Mark mark : marksIn(flow, marks.pattern())) {
                mark.shape().getStyleClass().add(index++ == currentIndex ? "find-current" : "find-match");
                mark.shape().setLayoutX(origin.getX());
                mark.shape().setLayoutY(origin.getY());
                findLayer.getChildren().add(mark.shape());
            }
        }
    }

    /** One highlight and where it starts in its flow's text, to keep the marks in reading order. */
    private record Mark(int at, javafx.scene.shape.Shape shape) {}

    /**
     * The matches in one text flow: ranges of its text runs, and inline code (a label inside the flow, which the
     * flow counts as one character) marked whole.
     */
    private static List<Mark> marksIn(javafx.scene.text.TextFlow flow, java.util.regex.Pattern pattern) {
        List<Mark> found = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node child : flow.getChildren()) {
            if (child instanceof javafx.scene.text.Text t) {
                text.append(t.getText());
                continue;
            }
            if (child instanceof javafx.scene.control.Labeled l && l.getText() != null) {
                long n = pattern.matcher(l.getText()).results().filter(r -> r.end() > r.start()).count();
                javafx.geometry.Bounds b = child.getBoundsInParent();
                for (long k = 0; k < n; k++) {
                    found.add(new Mark(text.length(), new javafx.scene.shape.Rectangle(b.getMinX(), b.getMinY(),
                            b.getWidth(), b.getHeight())));
                }
            }
            text.append('\uFFFC');
        }
        java.util.regex.Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                found.add(new Mark(m.start(), new javafx.scene.shape.Path(flow.rangeShape(m.start(), m.end()))));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Mark::at));
        return found;
    }

    private void collectFlows(Node node, List<javafx.scene.text.TextFlow> into) {
        if (node == findLayer) {
            return;
        }
        if (node instanceof javafx.scene.text.TextFlow flow) {
            into.add(flow);
        } else if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectFlows(child, into);
            }
        }
    }

    /** How many highlights Find has drawn over the rendered text (tests read it). */
    int findMarkCount() {
        return findLayer.getChildren().size();
    }

    private void updateFold() {
        boolean heading = notebook.document().headingLevel(cell) > 0;
        fold.setVisible(heading);
        boolean folded = heading && cell.sectionCollapsedProperty().get();
        javafx.scene.Node icon = folded ? foldedIcon : openIcon;
        if (fold.getGraphic() != icon) {
            fold.setGraphic(icon);
        }
        int hidden = folded ? notebook.hiddenCountAfter(cell) : 0;
        foldedNote.setText(hidden == 1 ? "1 cell folded - click to show" : hidden + " cells folded - click to show");
        foldedNote.setVisible(hidden > 0);
        foldedNote.setManaged(hidden > 0);
    }

    private void render() {
        String source = cell.source();
        Node node;
        if (source.isBlank()) {
            Label empty = new Label("Empty Markdown cell. Double-click to write.");
            empty.getStyleClass().add("markdown-empty");
            node = empty;
        } else {
            try {
                Path file = notebook.document().file();
                node = MarkdownView.render(source, cell.attachments(), this::follow, file == null ? null : file.getParent());
            } catch (RuntimeException e) {
                Label failed = new Label(source);
                failed.setWrapText(true);
                node = failed;
            }
        }
        rendered.getChildren().setAll(node, findLayer);
        javafx.application.Platform.runLater(this::markFinds);
    }

    /** A {@code #heading} link scrolls the notebook to that heading; anything else is the app's to open. */
    private void follow(String href) {
        if (href.startsWith("#") && notebook.scrollToHeading(href)) {
            return;
        }
        notebook.services().openLink(href, notebook.document());
    }

    @Override
    CellEditor editor() {
        return editing ? editor : null;
    }

    @Override
    void edit(boolean caretAtEnd) {
        if (!editing) {
            editing = true;
            cell.editingProperty().set(true);
            if (editor == null) {
                editor = new CellEditor(cell.source(), null);
                editor.setEditable(notebook.editable());
                editor.getStyleClass().add("markdown-source");
                EditorKeys.install(editor, this, notebook);
                editor.textProperty().addListener((obs, was, now) -> cell.sourceProperty().set(now));
            } else {
                editor.resetText(cell.source());
            }
            StackPane box = new StackPane(editor);
            box.getStyleClass().add("cell-input");
            body.getChildren().set(0, box);
            getStyleClass().add("editing-source");
        }
        if (caretAtEnd) {
            editor.moveTo(editor.getLength());
        }
        editor.requestFocus();
    }

    @Override
    void leaveEdit() {
        if (!editing) {
            return;
        }
        editing = false;
        cell.editingProperty().set(false);
        getStyleClass().remove("editing-source");
        render();
        body.getChildren().set(0, rendered);
    }
}
