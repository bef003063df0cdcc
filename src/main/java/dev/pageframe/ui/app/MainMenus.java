package dev.pageframe.ui.app;

import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.notebook.CellModel;
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
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** The main window's menus and toolbar; every item acts on the notebook on show. */
final class MainMenus {
    private final MainWindow w;

    MainMenus(MainWindow window) {
        this.w = window;
    }


    private MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private MenuItem notebookItem(String text, KeyCombination key, Consumer<NotebookTab> action) {
        MenuItem m = item(text, key, () -> {
            NotebookTab t = w.currentProperty().get();
            if (t != null) {
                action.accept(t);
            }
        });
        m.disableProperty().bind(w.currentProperty().isNull());
        return m;
    }

    /** Run ▸ Sandbox Cells: on by default; turning it off warns in the status bar. */
    private CheckMenuItem sandboxItem() {
        CheckMenuItem item = new CheckMenuItem("Sandbox Cells");
        item.setId("menu-sandbox-cells");
        item.selectedProperty().bindBidirectional(w.sandbox().enabledProperty());
        item.selectedProperty().addListener((obs, was, now) -> {
            if (!now) {
                w.bus().publish(new EventBus.StatusMessage(CellSandbox.OFF_WARNING));
            }
        });
        return item;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), runMenu(), viewMenu(), helpMenu());
        bar.getStyleClass().add("main-menu");
        return bar;
    }

    private Menu fileMenu() {
        Menu file = new Menu("_File");
        MenuItem export = notebookItem("Export HTML\u2026", key(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> w.files().exportHtml(t));
        file.getItems().addAll(
                item("_New Notebook", key(KeyCode.N, KeyCombination.SHORTCUT_DOWN), w::newNotebook),
                item("_Open\u2026", key(KeyCode.O, KeyCombination.SHORTCUT_DOWN), () -> w.files().openWithDialog()),
                bundledMenu(),
                new SeparatorMenuItem(),
                notebookItem("_Save", key(KeyCode.S, KeyCombination.SHORTCUT_DOWN), w::save),
                notebookItem("Save _As\u2026", key(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), w::saveAs),
                export,
                new SeparatorMenuItem(),
                notebookItem("_Close", key(KeyCode.W, KeyCombination.SHORTCUT_DOWN), w::requestClose),
                item("_Quit", key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (w.window() instanceof Stage s && w.confirmCloseAll()) {
                        s.close();
                    }
                }));
        return file;
    }

    /** Every notebook that ships with Pageframe; each opens read-only, as the tour does. */
    private Menu bundledMenu() {
        Menu bundled = new Menu("Open _Bundled Notebook");
        bundled.setId("menu-bundled");
        for (String name : BundledNotebooks.names()) {
            MenuItem m = item(name, null, () -> w.openBundled(name));
            m.setMnemonicParsing(false);
            m.setId("bundled-" + name);
            bundled.getItems().add(m);
        }
        return bundled;
    }

    private Menu editMenu() {
        Menu edit = new Menu("_Edit");
        Menu type = new Menu("Cell Type");
        type.getItems().addAll(
                notebookItem("Code (Y)", null, t -> t.view().commands().changeSelectedType(CellType.CODE)),
                notebookItem("Markdown (M)", null, t -> t.view().commands().changeSelectedType(CellType.MARKDOWN)),
                notebookItem("Raw (R)", null, t -> t.view().commands().changeSelectedType(CellType.RAW)));
        edit.getItems().addAll(
                notebookItem("Insert Cell Above (A)", key(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().commands().insert(false, CellType.CODE)),
                notebookItem("Insert Cell Below (B)", key(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().commands().insert(true, CellType.CODE)),
                notebookItem("Delete Cell (D, D)", null, t -> t.view().commands().deleteSelected()),
                notebookItem("Undo Delete Cell (Z)", key(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().commands().undoDelete()),
                new SeparatorMenuItem(),
                notebookItem("Move Cell Up", key(KeyCode.UP, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().commands().moveSelected(-1)),
                notebookItem("Move Cell Down", key(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().commands().moveSelected(+1)),
                new SeparatorMenuItem(),
                notebookItem("Copy Cell (C)", null, t -> t.view().commands().copySelected()),
                notebookItem("Paste Cell Below (V)", null, t -> t.view().commands().pasteBelow()),
                new SeparatorMenuItem(),
                type);
        return edit;
    }

    private Menu runMenu() {
        Menu run = new Menu("_Run");
        run.getItems().addAll(
                notebookItem("Run Cell", key(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), t -> t.view().commands().runSelected()),
                notebookItem("Run Cell and Select Below", key(KeyCode.ENTER, KeyCombination.SHIFT_DOWN), t -> t.view().commands().runSelectedAndAdvance()),
                notebookItem("Run All", key(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().commands().runAll()),
                notebookItem("Run All Above", null, t -> t.view().commands().runAbove()),
                notebookItem("Run Selected and All Below", null, t -> t.view().commands().runBelow()),
                new SeparatorMenuItem(),
                notebookItem("Interrupt (I, I)", null, t -> t.document().interrupt()),
                notebookItem("Restart Kernel (0, 0)", null, t -> t.document().restart()),
                notebookItem("Restart and Run All", null, t -> t.document().restartAndRunAll()),
                new SeparatorMenuItem(),
                sandboxItem());
        return run;
    }

    private Menu viewMenu() {
        Menu view = new Menu("_View");
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light Theme");
        RadioMenuItem darkItem = new RadioMenuItem("Dark Theme");
        light.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        light.setSelected(!w.darkProperty().get());
        darkItem.setSelected(w.darkProperty().get());
        light.setOnAction(e -> w.darkProperty().set(false));
        darkItem.setOnAction(e -> w.darkProperty().set(true));
        w.darkProperty().addListener((obs, was, now) -> (now ? darkItem : light).setSelected(true));
        CheckMenuItem docsItem = new CheckMenuItem("Documentation");
        docsItem.selectedProperty().bindBidirectional(w.docsShownProperty());
        docsItem.setAccelerator(key(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        CheckMenuItem outlineItem = new CheckMenuItem("Outline");
        outlineItem.selectedProperty().bindBidirectional(w.outlineShownProperty());
        outlineItem.setAccelerator(key(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        view.getItems().addAll(light, darkItem, new SeparatorMenuItem(),
                item("Zoom In", key(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> w.zoom(+1)),
                item("Zoom Out", key(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> w.zoom(-1)),
                item("Actual Size", key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> w.zoom(0)),
                new SeparatorMenuItem(), outlineItem, docsItem);
        return view;
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        help.getItems().addAll(
                item("Keyboard Shortcuts", key(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), () -> AppDialogs.shortcuts(w.window())),
                item("Documentation", null, () -> {
                    w.docsShownProperty().set(true);
                    w.docs().library().home().ifPresent(p -> w.docs().show(p.path()));
                }),
                item("Tour Notebook", null, w::openTour));
        return help;
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

    private void onCurrent(Consumer<NotebookTab> action) {
        NotebookTab t = w.currentProperty().get();
        if (t != null) {
            action.accept(t);
            t.view().requestFocus();
        }
    }

    ToolBar toolbar() {
        Button run = tool(Icons.PLAY, "Run cell and select below (Shift+Enter)", e -> onCurrent(t -> t.view().commands().runSelectedAndAdvance()), true);
        run.setId("tool-run");
        run.setText("Run");
        Button runAll = tool(Icons.FAST_FORWARD, "Run all cells", e -> onCurrent(t -> t.view().commands().runAll()), true);
        runAll.setId("tool-run-all");
        Button stop = tool(Icons.STOP, "Interrupt the kernel (I, I)", e -> onCurrent(t -> t.document().interrupt()), true);
        stop.setId("tool-interrupt");
        Button restart = tool(Icons.RESTART, "Restart the kernel: a fresh machine (0, 0)", e -> onCurrent(t -> t.document().restart()), true);
        restart.setId("tool-restart");

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
        Runnable syncType = () -> {
            NotebookTab t = w.currentProperty().get();
            CellModel c = t == null ? null : t.view().selected();
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
                tool(Icons.FILE, "New notebook (Ctrl+N)", e -> w.newNotebook(), false),
                tool(Icons.FOLDER, "Open a notebook (Ctrl+O)", e -> w.files().openWithDialog(), false),
                tool(Icons.SAVE, "Save (Ctrl+S)", e -> onCurrent(w::save), true),
                new Separator(Orientation.VERTICAL),
                tool(Icons.PLUS, "Insert a code cell below (B)", e -> onCurrent(t -> t.view().commands().insert(true, CellType.CODE)), true),
                tool(Icons.TRASH, "Delete the cell (D, D); Z brings it back", e -> onCurrent(t -> t.view().commands().deleteSelected()), true),
                tool(Icons.ARROW_UP, "Move the cell up", e -> onCurrent(t -> t.view().commands().moveSelected(-1)), true),
                tool(Icons.ARROW_DOWN, "Move the cell down", e -> onCurrent(t -> t.view().commands().moveSelected(+1)), true),
                new Separator(Orientation.VERTICAL),
                run, runAll, stop, restart,
                new Separator(Orientation.VERTICAL),
                type, spacer, outlineButton, docsButton, themeButton);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }
}
