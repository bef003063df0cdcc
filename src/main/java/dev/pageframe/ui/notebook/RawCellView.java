package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.CellType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A raw cell: text kept as is, never run or rendered. A cell of a type from a newer nbformat shows here too,
 * read-only and labelled with its type, since it is saved exactly as it was read.
 */
final class RawCellView extends CellView {
    private final CellEditor editor;

    RawCellView(CellModel cell, NotebookView notebook) {
        super(cell, notebook);
        getStyleClass().add("raw-cell");
        boolean unknown = cell.type() == CellType.UNKNOWN;
        Label kind = new Label(unknown ? cell.toCell().typeName() : "raw");
        kind.getStyleClass().add("cell-kind");
        if (unknown) {
            kind.setTooltip(new Tooltip("A kind of cell from a newer notebook format: shown read-only, saved as it was"));
            getStyleClass().add("unknown-cell");
        }
        gutter.getChildren().add(kind);
        editor = new CellEditor(cell.source(), null);
        editor.setEditable(!unknown && notebook.editable());
        EditorKeys.install(editor, this, notebook);
        editor.textProperty().addListener((obs, was, now) -> cell.sourceProperty().set(now));
        keep(cell.sourceProperty().subscribe(editor::resetText));
        StackPane box = new StackPane(editor);
        box.getStyleClass().add("cell-input");
        editOnBoxPress(box);
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
