package dev.pageframe.ui.app;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One key for a command and the Jupyter mode it works in: command mode (the page has the focus), edit mode (an
 * editor has it), or both. A doubled key (D, D) must be pressed twice within a second and a half. An alias (the
 * keypad's 0 beside the 0 key) works like the key it stands beside but is not listed again.
 */
public record Shortcut(KeyCombination key, Mode mode, boolean twice, boolean alias) {
    /** Where a key works. */
    public enum Mode { COMMAND, EDIT, BOTH }

    /** A key pressed once in {@code mode}. */
    public static Shortcut of(Mode mode, KeyCode code, KeyCombination.Modifier... modifiers) {
        return new Shortcut(new KeyCodeCombination(code, modifiers), mode, false, false);
    }

    /** The same key, not listed in the sheet, the palette or menus (another key on the keyboard for it). */
    public Shortcut asAlias() {
        return new Shortcut(key, mode, twice, true);
    }

    /** A key pressed twice in command mode (D, D). */
    public static Shortcut twice(KeyCode code) {
        return new Shortcut(new KeyCodeCombination(code), Mode.COMMAND, true, false);
    }

    /** True if the key works in {@code mode} (COMMAND or EDIT). */
    public boolean worksIn(Mode where) {
        return mode == Mode.BOTH || mode == where;
    }

    /**
     * True for a key with Ctrl, Alt, Shift or Meta, and for a function key: typing never makes them, so they also work
     * outside a notebook (in the find bar, the documentation) and serve as a menu item's accelerator.
     */
    public boolean worksAnywhere() {
        return hasModifier() || (key instanceof KeyCodeCombination k && k.getCode().isFunctionKey());
    }

    /** True if it has Ctrl, Alt, Shift or Meta. */
    private boolean hasModifier() {
        return key.getShortcut() == KeyCombination.ModifierValue.DOWN || key.getControl() == KeyCombination.ModifierValue.DOWN
                || key.getAlt() == KeyCombination.ModifierValue.DOWN || key.getShift() == KeyCombination.ModifierValue.DOWN
                || key.getMeta() == KeyCombination.ModifierValue.DOWN;
    }

    public boolean matches(KeyEvent e) {
        return key.match(e);
    }

    /** As the shortcuts sheet and the palette show it: {@code Ctrl+Shift+Enter}, {@code D, D}. */
    public String display() {
        String once = key.getDisplayText();
        return twice ? once + ", " + once : once;
    }
}
