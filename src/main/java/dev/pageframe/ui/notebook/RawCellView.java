package dev.pageframe.ui.notebook;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A raw cell: text kept as is, never run or rendered. */
final class RawCellView extends CellView {
    private final CellEditor editor;

    RawCellView(CellModel cell, NotebookView notebook) {
        super(cell, notebook);
        getStyleClass().add("raw-cell");
        Label kind = new Label("raw");
        kind.getStyleClass().add("cell-kind");
        gutter.getChildren().add(kind);
        editor = new CellEditor(cell.source(), null);
        EditorKeys.install(editor, this, notebook);
        editor.textProperty().addListener((obs, was, now) -> cell.sourceProperty().set(now));
        keep(cell.sourceProperty().subscribe(editor::resetText));
        StackPane box = new StackPane(editor);
        box.getStyleClass().add("cell-input");
        body.getChildren().add(box);
    }

    @Override
    CellEditor editor() {
        return editor;
    }

    @Override
    void edit(boolean caretAtEnd) {
        if (caretAtEnd) {
            editor.moveTo(editor.getLength());
        }
        editor.requestFocus();
    }
}
