package dev.pageframe.ui.app;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;

/**
 * One thing the user can do: its id, its label, where it sits in the menus (null: keys and palette only), its
 * keys per mode and its action. Menus, keys, the shortcuts sheet and the command palette are all made from these.
 *
 * @param menu        the menu path, e.g. {@code "Edit"} or {@code "Edit/Cell Type"}, or null
 * @param group       items of one menu with different groups get a separator between them
 * @param needsNotebook true if it acts on the notebook on show (disabled while none is)
 * @param toggle      for an on/off setting (a check menu item), the property it flips; else null
 */
public record Command(String id, String label, String menu, int group, boolean needsNotebook,
        List<Shortcut> shortcuts, Consumer<MainWindow> action, Function<MainWindow, BooleanProperty> toggle) {

    public Command {
        shortcuts = List.copyOf(shortcuts);
    }

    /** The first key that works anywhere: the menu item's accelerator. */
    public Shortcut accelerator() {
        return shortcuts.stream().filter(s -> !s.twice() && s.worksAnywhere() && s.mode() == Shortcut.Mode.BOTH)
                .findFirst().orElse(null);
    }

    /** The keys as a list for people: {@code Ctrl+Enter} or {@code Up / K}. */
    public String keysText(Shortcut.Mode mode) {
        return shortcuts.stream().filter(s -> !s.alias() && s.worksIn(mode)).map(Shortcut::display).distinct()
                .collect(Collectors.joining(" / "));
    }

    /** Every key, for the palette: {@code A / Ctrl+Shift+A}. */
    public String allKeysText() {
        return shortcuts.stream().filter(s -> !s.alias()).map(Shortcut::display).distinct()
                .collect(Collectors.joining(" / "));
    }

    /** The command-mode-only keys, which a menu can only name in its label, e.g. {@code (D, D)}. */
    public String plainKeysText() {
        return shortcuts.stream().filter(s -> !s.alias() && s.mode() == Shortcut.Mode.COMMAND)
                .map(Shortcut::display).distinct().collect(Collectors.joining(" / "));
    }
}
