package dev.pageframe.ui.notebook;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** The notebook keys an editor hands to the notebook before typing them (Jupyter edit mode). */
final class EditorKeys {
    private EditorKeys() {}

    /** Installs the filter on a cell editor. */
    static void install(CellEditor editor, CellView view, NotebookView notebook) {
        // The page scrolls, not the editor: keep the caret in view as it moves.
        editor.caretPositionProperty().addListener((obs, was, now) -> {
            if (editor.isFocused()) {
                javafx.application.Platform.runLater(() -> editor.caretScreenBounds().ifPresent(notebook::revealScreenBounds));
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed()) {
                return;
            }
            KeyCode code = e.getCode();
            if (code == KeyCode.ENTER && e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                notebook.commands().runAndAdvance(view.cell());
            } else if (code == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                notebook.commands().runInPlace(view.cell());
            } else if (code == KeyCode.ENTER && e.isAltDown()) {
                e.consume();
                notebook.commands().runAndInsertBelow(view.cell());
            } else if (code == KeyCode.ESCAPE) {
                e.consume();
                notebook.commandMode();
            } else if (code == KeyCode.UP && !e.isShiftDown() && !e.isShortcutDown() && editor.getCurrentParagraph() == 0
                    && editor.getCaretColumn() == 0) {
                if (notebook.editNeighbour(view.cell(), -1)) {
                    e.consume();
                }
            } else if (code == KeyCode.DOWN && !e.isShiftDown() && !e.isShortcutDown()
                    && editor.getCurrentParagraph() == editor.getParagraphs().size() - 1
                    && editor.getCaretPosition() == editor.getLength()) {
                if (notebook.editNeighbour(view.cell(), +1)) {
                    e.consume();
                }
            }
        });
    }
}
