package dev.pageframe.ui.app;

import dev.pageframe.ui.notebook.NotebookView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;

/**
 * The menu a right-click on a cell opens, as JupyterLab's: the cell commands a reader reaches for, made from the same
 * command table as the menus and keys, so labels and keys agree. The press that opened it has selected the cell, and
 * the commands act on the selected cell. A right-click that something inside the cell answers itself (a chart's
 * or an output's own menu) keeps that menu.
 */
final class CellContextMenu {
    /** The commands on the menu, in order; null marks a separator, and "Name/" puts a command in a submenu. */
    static final List<String> COMMANDS = java.util.Arrays.asList(
            "run.cell", "run.cellAndSelectBelow", null,
            "cell.cut", "cell.copy", "cell.paste", "cell.delete", null,
            "cell.insertAbove", "cell.insertBelow", "cell.split", "cell.mergeBelow", null,
            "cell.toggleOutput", "cell.toggleOutputScrolling", "cell.clearOutput", null,
            "Cell Type/cell.toCode", "Cell Type/cell.toMarkdown", "Cell Type/cell.toRaw");

    private CellContextMenu() {}

    /** Opens the menu on right-clicks over {@code view}'s cells. */
    static void install(MainWindow w, NotebookView view) {
        ContextMenu[] menu = new ContextMenu[1];
        view.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (view.selected() == null) {
                return;
            }
            if (menu[0] == null) {
                menu[0] = make(w);
                menu[0].setId("cell-context-menu");
            }
            menu[0].show(view, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private static ContextMenu make(MainWindow w) {
        List<MenuItem> items = new ArrayList<>();
        javafx.scene.control.Menu sub = null;
        for (String entry : COMMANDS) {
            if (entry == null) {
                items.add(new SeparatorMenuItem());
                continue;
            }
            // "Cell Type/cell.toCode": in a submenu, as under Edit.
            int slash = entry.indexOf('/');
            String id = entry.substring(slash + 1);
            List<MenuItem> into = items;
            if (slash > 0) {
                String name = entry.substring(0, slash);
                if (sub == null || !sub.getText().equals(name)) {
                    sub = new javafx.scene.control.Menu(name);
                    items.add(sub);
                }
                into = sub.getItems();
            }
            Command c = w.commandTable().find(id).orElseThrow(() -> new IllegalStateException("no command " + id));
            // The keys go in the label: accelerators on a menu shown by hand would only be drawn, and the window's own
            // keys already run these commands.
            String keys = c.allKeysText();
            MenuItem m = new MenuItem(keys.isEmpty() ? c.label() : c.label() + "  (" + keys + ")");
            m.setId("context-" + c.id());
            m.setOnAction(e -> w.runCommand(c));
            into.add(m);
        }
        return new ContextMenu(items.toArray(MenuItem[]::new));
    }
}
