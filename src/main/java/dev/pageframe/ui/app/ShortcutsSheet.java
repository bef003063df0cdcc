package dev.pageframe.ui.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The Help sheet of keyboard shortcuts, made from the command table, so it lists every key the app has. */
final class ShortcutsSheet {
    /** Keys the code editor handles itself, for its completion and documentation popups. */
    static final List<String[]> EDITOR_KEYS = List.of(
            new String[] {"Complete the name at the caret", "Ctrl+Space"},
            new String[] {"Documentation of the name at the caret", "F1"});

    private ShortcutsSheet() {}

    /** Shows the sheet (not modal: it can stay open beside the notebook). */
    static Alert show(Window owner, CommandTable table) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        AppDialogs.zoomed(a, owner);
        a.setTitle("Keyboard Shortcuts");
        a.setHeaderText("Keyboard shortcuts (as in Jupyter)");
        a.setResizable(true);
        GridPane grid = grid(table);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("shortcuts-scroll");
        scroll.setPrefViewportHeight(520);
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        // As wide as the table, styled: an unset viewport width left the last column behind a sideways scroll.
        a.getDialogPane().applyCss();
        scroll.setPrefViewportWidth(grid.prefWidth(-1));
        a.show();
        return a;
    }

    /** One row per command with keys, grouped by menu; columns for command mode and edit mode. */
    static GridPane grid(CommandTable table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts");
        grid.setHgap(24);
        grid.setVgap(3);
        int row = 0;
        grid.addRow(row++, heading("Command"), heading("Command mode (Esc)"), heading("Edit mode (Enter)"));
        Map<String, List<Command>> byMenu = new LinkedHashMap<>();
        for (Command c : table.commands()) {
            if (!c.shortcuts().isEmpty()) {
                String menu = c.menu() == null ? "Notebook page" : c.menu().replace('/', '\u203a');
                byMenu.computeIfAbsent(menu, k -> new java.util.ArrayList<>()).add(c);
            }
        }
        for (var group : byMenu.entrySet()) {
            grid.add(section(group.getKey()), 0, row++, 3, 1);
            for (Command c : group.getValue()) {
                grid.addRow(row++, cell(c.label().replace("\u2026", "")), cell(c.keysText(Shortcut.Mode.COMMAND)),
                        cell(c.keysText(Shortcut.Mode.EDIT)));
            }
        }
        grid.add(section("In a code editor"), 0, row++, 3, 1);
        for (String[] key : EDITOR_KEYS) {
            grid.addRow(row++, cell(key[0]), cell(""), cell(key[1]));
        }
        return grid;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("shortcut-cell");
        // Never cut: a column is as wide as its longest entry, and the sheet scrolls instead.
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label heading(String text) {
        Label l = cell(text);
        l.getStyleClass().add("shortcut-heading");
        return l;
    }

    private static Label section(String text) {
        Label l = cell(text);
        l.getStyleClass().add("shortcut-section");
        return l;
    }
}
