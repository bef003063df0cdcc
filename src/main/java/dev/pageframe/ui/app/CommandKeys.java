package dev.pageframe.ui.app;

import dev.pageframe.ui.notebook.CellEditor;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Presses keys of the {@link CommandTable} for the window. Jupyter's modes decide which keys count: in edit mode
 * (an editor of the notebook on show has the focus) keys with a modifier are taken before the editor types them
 * and plain ones (Esc) after the editor and its popups had their turn; in command mode (the page has the focus)
 * keys are taken after the focused control, so a button in an output keeps its Space, and before the tab pane.
 * Elsewhere (the docs, the find bar) only keys with a modifier act.
 */
final class CommandKeys {
    private static final long TWICE_NANOS = 1_500_000_000L;
    private final MainWindow window;
    private final CommandTable table;
    private final Consumer<Command> run;
    private KeyCode pendingKey;
    private long pendingAt;

    CommandKeys(MainWindow window, CommandTable table, Consumer<Command> run) {
        this.window = window;
        this.table = table;
        this.run = run;
    }

    /** Installs the key filter and handler on the window. */
    void install() {
        window.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (mode(e) == Shortcut.Mode.EDIT && (e.isShortcutDown() || e.isAltDown() || e.isShiftDown())) {
                dispatch(e, Shortcut.Mode.EDIT);
            }
        });
        window.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isConsumed() && mode(e) == Shortcut.Mode.BOTH) {
                dispatch(e, Shortcut.Mode.BOTH);
            }
        });
    }

    /**
     * Takes a notebook page's keys where they leave the page: above it the tab pane would take arrows, Home,
     * End and Space for itself.
     */
    void attach(dev.pageframe.ui.notebook.NotebookView view) {
        view.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            Shortcut.Mode mode = mode(e);
            if (!e.isConsumed() && mode != Shortcut.Mode.BOTH) {
                dispatch(e, mode);
            }
        });
    }

    /** EDIT, COMMAND, or BOTH for anywhere else (only keys that work anywhere then: see {@link Shortcut#worksAnywhere}). */
    private Shortcut.Mode mode(KeyEvent e) {
        NotebookTab tab = window.current();
        Node focus = window.getScene() == null ? null : window.getScene().getFocusOwner();
        if (tab == null || focus == null || !isInside(focus, tab.view())) {
            return Shortcut.Mode.BOTH;
        }
        if (focus instanceof CellEditor) {
            return Shortcut.Mode.EDIT;
        }
        return focus instanceof TextInputControl ? Shortcut.Mode.BOTH : Shortcut.Mode.COMMAND;
    }

    private void dispatch(KeyEvent e, Shortcut.Mode mode) {
        KeyCode code = e.getCode();
        if (code.isModifierKey()) {
            return;
        }
        for (Command c : table.commands()) {
            for (Shortcut s : c.shortcuts()) {
                if (!s.matches(e) || !applies(s, mode)) {
                    continue;
                }
                e.consume();
                if (s.twice() && !secondPress(code, e)) {
                    return;
                }
                pendingKey = null;
                if (!c.needsNotebook() || window.current() != null) {
                    run.accept(c);
                }
                return;
            }
        }
        pendingKey = null;
    }

    private static boolean applies(Shortcut s, Shortcut.Mode mode) {
        return mode == Shortcut.Mode.BOTH ? s.mode() == Shortcut.Mode.BOTH && s.worksAnywhere() : s.worksIn(mode);
    }

    /** True on the second press of a doubled key (0 and the keypad's 0 count as one key). */
    private boolean secondPress(KeyCode code, KeyEvent e) {
        KeyCode key = code == KeyCode.NUMPAD0 ? KeyCode.DIGIT0 : code;
        long now = System.nanoTime();
        boolean second = pendingKey == key && now - pendingAt < TWICE_NANOS;
        pendingKey = second ? null : key;
        pendingAt = now;
        return second;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
