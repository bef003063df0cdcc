package dev.pageframe.ui.notebook;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The editor keys that move between cells (Up on the first line, Down on the last) and keep the caret in view;
 * the commands of edit mode (Shift+Enter, Esc, ...) are in the window's command table.
 */
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
            if (code == KeyCode.UP && !e.isShiftDown() && !e.isShortcutDown() && editor.getCurrentParagraph() == 0
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
