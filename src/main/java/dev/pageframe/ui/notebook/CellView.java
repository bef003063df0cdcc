package dev.pageframe.ui.notebook;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The card of one cell: a gutter on the left (prompt, timing, markers) and the body. One subclass per cell
 * kind. A view lives as long as its cell is on the page; {@link #dispose()} drops its model listeners.
 */
abstract sealed class CellView extends HBox permits CodeCellView, MarkdownCellView, RawCellView {
    protected final CellModel cell;
    protected final NotebookView notebook;
    protected final VBox gutter = new VBox();
    protected final VBox body = new VBox();
    private final List<Subscription> subscriptions = new ArrayList<>();

    CellView(CellModel cell, NotebookView notebook) {
        this.cell = cell;
        this.notebook = notebook;
        getStyleClass().add("cell-view");
        gutter.getStyleClass().add("cell-gutter");
        body.getStyleClass().add("cell-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);
        // The card is as tall as its content, even when the gutter (prompt, timing, markers) is taller.
        setFillHeight(false);
        getChildren().addAll(gutter, body);
    }

    /** Keeps a model subscription until the view is disposed. */
    protected final void keep(Subscription s) {
        subscriptions.add(s);
    }

    CellModel cell() {
        return cell;
    }

    /** The source editor, if the cell shows one now. */
    abstract CellEditor editor();

    /** The source editor if one exists now, without making one. */
    CellEditor currentEditor() {
        return editor();
    }

    /** Enters edit mode: shows and focuses the editor. */
    abstract void edit(boolean caretAtEnd);

    /**
     * Makes a press on the box around the editor (its padding, the room below a short text) edit the cell as a press
     * on the text does, caret at the end: the keys that follow would otherwise be commands on the cell.
     */
    final void editOnBoxPress(javafx.scene.layout.Region box) {
        box.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getTarget() == box) {
                edit(true);
                e.consume(); // as the editor does: the page's scroll pane would take the focus back
            }
        });
    }

    /** Leaves edit mode (a Markdown cell renders again). */
    void leaveEdit() {}

    /** The cell was selected: get ready for Enter, if getting ready is worth it. */
    void selected() {}

    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
