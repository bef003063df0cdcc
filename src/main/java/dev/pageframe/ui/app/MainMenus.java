package dev.pageframe.ui.app;

import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.notebook.CellModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The main window's menus and toolbar; every item acts on the notebook on show. */
final class MainMenus {
    private final MainWindow w;

    private final RecentMenu recent;

    MainMenus(MainWindow window, RecentMenu recent) {
        this.w = window;
        this.recent = recent;
    }


    /** The menu bar, made from the command table in its order; a change of group within a menu is a separator. */
    MenuBar menuBar() {
        Map<String, Menu> menus = new LinkedHashMap<>();
        Map<Menu, Integer> lastGroup = new HashMap<>();
        for (Command c : w.commandTable().commands()) {
            if (c.menu() == null) {
                continue;
            }
            String[] path = c.menu().split("/");
            Menu top = menus.computeIfAbsent(path[0], name -> new Menu("_" + name));
            // The separator goes before a submenu made for a new group, not after it.
            Integer last = lastGroup.put(top, c.group());
            if (last != null && last != c.group()) {
                top.getItems().add(new SeparatorMenuItem());
            }
            Menu menu = top;
            if (path.length > 1) {
                menu = submenu(top, path[1]);
            }
            menu.getItems().add(item(c));
            if (c.id().equals("file.open")) {
                top.getItems().addAll(recent.menu(), bundledMenu());
            }
        }
        MenuBar bar = new MenuBar(menus.values().toArray(Menu[]::new));
        bar.getStyleClass().add("main-menu");
        return bar;
    }

    /** Every notebook that ships with Pageframe, in the course order of the documentation's index; each opens read-only. */
    private Menu bundledMenu() {
        Menu bundled = new Menu("Open _Bundled Notebook");
        bundled.setId("menu-bundled");
        boolean course = false;
        for (BundledCatalog.Entry entry : BundledCatalog.entries()) {
            if (course && !entry.numbered()) {
                // The course's numbered notebooks, then the ones that go deeper.
                bundled.getItems().add(new SeparatorMenuItem());
            }
            course = entry.numbered();
            MenuItem m = new MenuItem(entry.label());
            m.setMnemonicParsing(false);
            m.setId("bundled-" + entry.name());
            m.setOnAction(e -> w.openBundled(entry.name()));
            bundled.getItems().add(m);
        }
        return bundled;
    }

    /** The toolbar's cell-type box: it shows the selected cell's type and changes it. */
    private ComboBox<CellType> typeBox() {
        ComboBox<CellType> type = new ComboBox<>();
        type.getItems().addAll(CellType.CODE, CellType.MARKDOWN, CellType.RAW);
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CellType t) {
                return t == null ? "" : switch (t) {
                    case CODE -> "Code";
                    case MARKDOWN -> "Markdown";
                    case RAW -> "Raw";
                    case UNKNOWN -> "Newer kind";
                };
            }

            @Override
            public CellType fromString(String s) {
                return null;
            }
        });
        type.setFocusTraversable(false);
        type.getStyleClass().add("cell-type-box");
        type.setTooltip(new Tooltip("Cell type (Y code, M Markdown, R raw)"));
        type.disableProperty().bind(w.currentProperty().isNull());
        // The box follows the selected cell, and that cell's type as M, Y or R change it.
        javafx.beans.property.ObjectProperty<CellModel> shown = new javafx.beans.property.SimpleObjectProperty<>();
        javafx.beans.value.ChangeListener<CellType> retyped = (o, a, b) -> type.setValue(b);
        shown.addListener((o, was, now) -> {
            if (was != null) {
                was.typeProperty().removeListener(retyped);
            }
            if (now != null) {
                now.typeProperty().addListener(retyped);
            }
        });
        Runnable syncType = () -> {
            NotebookTab t = w.currentProperty().get();
            CellModel c = t == null ? null : t.view().selected();
            shown.set(c);
            type.setValue(c == null ? null : c.type());
        };
        w.currentProperty().addListener((obs, was, now) -> {
            syncType.run();
            if (now != null) {
                now.view().selectedProperty().addListener((o, a, b) -> syncType.run());
            }
        });
        type.setOnAction(e -> {
            NotebookTab t = w.currentProperty().get();
            if (t != null && type.getValue() != null && t.view().selected() != null
                    && t.view().selected().type() != type.getValue()) {
                t.view().commands().changeSelectedType(type.getValue());
                t.view().requestFocus();
            }
        });
        return type;
    }

    private static Menu submenu(Menu top, String name) {
        for (MenuItem m : top.getItems()) {
            if (m instanceof Menu sub && sub.getText().equals(name)) {
                return sub;
            }
        }
        Menu sub = new Menu(name);
        top.getItems().add(sub);
        return sub;
    }

    /** A menu item for a command: its label (with its plain command-mode keys, which cannot be accelerators). */
    private MenuItem item(Command c) {
        String plain = c.plainKeysText();
        String text = plain.isEmpty() ? c.label() : c.label() + " (" + plain + ")";
        MenuItem m;
        if (c.toggle() != null) {
            CheckMenuItem check = new CheckMenuItem(text);
            check.selectedProperty().bindBidirectional(c.toggle().apply(w));
            m = check;
        } else {
            m = new MenuItem(text);
            m.setOnAction(e -> w.runCommand(c));
        }
        m.setId("menu-" + c.id());
        Shortcut accelerator = c.accelerator();
        if (accelerator != null) {
            m.setAccelerator(accelerator.key());
        }
        if (c.needsNotebook()) {
            m.disableProperty().bind(w.currentProperty().isNull());
        }
        return m;
    }

    private Button tool(String icon, String tip, EventHandler<ActionEvent> action, boolean needsNotebook) {
        Button b = new Button(null, Icons.icon(icon));
        b.getStyleClass().addAll("flat", "tool-button");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(action);
        b.setFocusTraversable(false);
        if (needsNotebook) {
            b.disableProperty().bind(w.currentProperty().isNull());
        }
        return b;
    }

    /** A toolbar button for a command of the table: its tooltip names the command and its keys. */
    private Button command(String icon, String id) {
        Command c = w.commandTable().find(id).orElseThrow();
        String keys = c.allKeysText();
        Button b = tool(icon, keys.isEmpty() ? c.label() : c.label() + " (" + keys + ")", e -> {
            w.runCommand(c);
            NotebookTab t = w.currentProperty().get();
            if (c.needsNotebook() && t != null) {
                t.view().requestFocus();
            }
        }, c.needsNotebook());
        b.setId("tool-" + id);
        return b;
    }

    private void onCurrent(Consumer<NotebookTab> action) {
        NotebookTab t = w.currentProperty().get();
        if (t != null) {
            action.accept(t);
            t.view().requestFocus();
        }
    }

    ToolBar toolbar() {
        Button run = command(Icons.PLAY, "run.cellAndSelectBelow");
        run.setId("tool-run");
        run.setText("Run");
        Button runAll = command(Icons.FAST_FORWARD, "run.all");
        runAll.setId("tool-run-all");
        Button stop = command(Icons.STOP, "kernel.interrupt");
        stop.setId("tool-interrupt");
        Button restart = command(Icons.RESTART, "kernel.restart");
        restart.setId("tool-restart");

        ComboBox<CellType> type = typeBox();

        Button themeButton = tool(Icons.MOON, "Dark theme", e -> w.darkProperty().set(!w.darkProperty().get()), false);
        w.darkProperty().addListener((obs, was, now) -> {
            themeButton.setGraphic(Icons.icon(now ? Icons.SUN : Icons.MOON));
            themeButton.getTooltip().setText(now ? "Light theme" : "Dark theme");
        });
        Button outlineButton = tool(Icons.LIST, "Show or hide the outline", e -> w.outlineShownProperty().set(!w.outlineShownProperty().get()), false);
        Button docsButton = tool(Icons.BOOK, "Show or hide the documentation", e -> w.docsShownProperty().set(!w.docsShownProperty().get()), false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToolBar bar = new ToolBar(
                command(Icons.FILE, "file.new"),
                command(Icons.FOLDER, "file.open"),
                command(Icons.SAVE, "file.save"),
                new Separator(Orientation.VERTICAL),
                command(Icons.PLUS, "cell.insertBelow"),
                command(Icons.TRASH, "cell.delete"),
                command(Icons.ARROW_UP, "cell.moveUp"),
                command(Icons.ARROW_DOWN, "cell.moveDown"),
                new Separator(Orientation.VERTICAL),
                run, runAll, stop, restart,
                new Separator(Orientation.VERTICAL),
                type, spacer, outlineButton, docsButton, themeButton);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }
}
