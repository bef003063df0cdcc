package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.CellType;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Jupyter's command-mode keys for a notebook view: they act only while no editor has the focus. Doubled keys
 * (D D, I I, 0 0) must follow each other within a second and a half.
 */
final class CommandKeys {
    private final NotebookView view;
    private KeyCode pendingKey;
    private long pendingAt;

    CommandKeys(NotebookView view) {
        this.view = view;
    }


    private boolean twice(KeyCode code, long now) {
        boolean yes = pendingKey == code && now - pendingAt < 1_500_000_000L;
        pendingKey = yes ? null : code;
        pendingAt = now;
        return yes;
    }

    /** Jupyter's command-mode keys; they only act when no editor has the focus. */
    void handle(KeyEvent e) {
        if (e.isConsumed() || view.editModeProperty().get()) {
            return;
        }
        Scene scene = view.getScene();
        if (scene != null && scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        KeyCode code = e.getCode();
        boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown() && !e.isControlDown();
        long now = System.nanoTime();
        CellModel sel = view.selected();
        boolean handled = true;
        if (code == KeyCode.ENTER && e.isShiftDown()) {
            view.commands().runAndAdvance(sel);
        } else if (code == KeyCode.ENTER && e.isShortcutDown()) {
            view.commands().runInPlace(sel);
        } else if (code == KeyCode.ENTER && e.isAltDown()) {
            view.commands().runAndInsertBelow(sel);
        } else if (!plain) {
            handled = false;
        } else {
            Boolean plainHandled = plainKey(code, sel, now, e);
            if (plainHandled == null) {
                return;
            }
            handled = plainHandled;
        }
        if (handled) {
            pendingKey = null;
            e.consume();
        } else if (!code.isModifierKey()) {
            pendingKey = null;
        }
    }

    /**
     * A key with no modifier: true if it was a command, false if not, null for the first or second of a doubled
     * key (already consumed, and the pending key must stay).
     */
    private Boolean plainKey(KeyCode code, CellModel sel, long now, KeyEvent e) {
        boolean handled = true;
        {
            switch (code) {
                case ENTER -> {
                    if (sel != null) {
                        view.edit(sel, true);
                    }
                }
                case UP, K -> {
                    CellModel prev = sel == null ? null : view.neighbour(sel, -1);
                    if (prev != null) {
                        view.select(prev);
                    }
                }
                case DOWN, J -> {
                    CellModel next = sel == null ? null : view.neighbour(sel, +1);
                    if (next != null) {
                        view.select(next);
                    }
                }
                case A -> view.commands().insert(false, CellType.CODE);
                case B -> view.commands().insert(true, CellType.CODE);
                case D -> {
                    if (twice(code, now)) {
                        view.commands().deleteSelected();
                    }
                    e.consume();
                    return null;
                }
                case I -> {
                    if (twice(code, now)) {
                        view.document().interrupt();
                    }
                    e.consume();
                    return null;
                }
                case DIGIT0, NUMPAD0 -> {
                    if (twice(KeyCode.DIGIT0, now)) {
                        view.document().restart();
                    }
                    e.consume();
                    return null;
                }
                case Z -> view.commands().undoDelete();
                case M -> view.commands().changeSelectedType(CellType.MARKDOWN);
                case Y -> view.commands().changeSelectedType(CellType.CODE);
                case R -> view.commands().changeSelectedType(CellType.RAW);
                case C -> view.commands().copySelected();
                case V -> view.commands().pasteBelow();
                case HOME -> {
                    if (!view.document().cells().isEmpty()) {
                        view.select(view.document().cells().getFirst());
                    }
                }
                case END -> {
                    if (!view.document().cells().isEmpty()) {
                        view.select(view.document().cells().getLast());
                    }
                }
                case PAGE_DOWN, SPACE -> view.scrollBy(view.viewportHeight() * 0.9);
                case PAGE_UP -> view.scrollBy(-view.viewportHeight() * 0.9);
                default -> handled = false;
            }
        }
        return handled;
    }
}
