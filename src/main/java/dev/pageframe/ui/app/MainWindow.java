package dev.pageframe.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.docs.DocsPane;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.NotebookDocument;
import dev.pageframe.ui.notebook.NotebookServices;
import dev.pageframe.ui.notebook.NotebookView;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Pageframe's main window: menus and toolbar, notebook tabs, the outline on the left, the documentation on
 * the right and the status bar. Everything slow (files, trust, kernels, docs) runs off the FX thread.
 */
public final class MainWindow extends BorderPane {
    private static final double BASE_FONT = 14;
    private static final double[] ZOOMS = {0.75, 0.85, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final AppEnvironment env;
    private final EventBus bus = new EventBus();
    private final TabPane tabs = new TabPane();
    private final OutlinePane outline = new OutlinePane();
    private final DocsPane docs = new DocsPane();
    private final StatusBar status = new StatusBar();
    private final SplitPane split = new SplitPane();
    private final StackPane center = new StackPane();
    private final ObjectProperty<NotebookTab> current = new SimpleObjectProperty<>(this, "current");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty outlineShown = new SimpleBooleanProperty(this, "outlineShown", true);
    private final BooleanProperty docsShown = new SimpleBooleanProperty(this, "docsShown", true);
    private final CompletableFuture<DocsLibrary> docsLoaded = new CompletableFuture<>();
    private final Label emptyState = new Label("No notebook is open. Use File \u203a New or File \u203a Open.");
    private int zoomIndex = 2;
    private int untitledCounter;
    private Consumer<NotebookTab> onFirstPage = tab -> { };

    public MainWindow(AppEnvironment env) {
        this.env = env;
        getStyleClass().add("main-window");
        tabs.getStyleClass().add("notebook-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                current.set(now instanceof NotebookTab t ? t : null));
        current.addListener((obs, was, now) -> {
            status.show(now == null ? null : now.document());
            outline.show(now == null ? null : now.document(), now == null ? null : now.view());
            emptyState.setVisible(now == null);
        });
        emptyState.getStyleClass().add("empty-state");
        center.getChildren().addAll(tabs, emptyState);
        center.setMinWidth(200);

        split.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(outline, false);
        SplitPane.setResizableWithParent(docs, false);
        outline.setPrefWidth(230);
        docs.setPrefWidth(400);
        updateSplit();
        outlineShown.addListener((obs, was, now) -> updateSplit());
        docsShown.addListener((obs, was, now) -> updateSplit());

        setTop(new VBox(menus(), toolbar()));
        setCenter(split);
        setBottom(status);

        docs.setOtherLinks(href -> followLink(href, null));
        bus.subscribe(EventBus.OpenApiDocs.class, e -> {
            docsShown.set(true);
            if (!docs.showApi(e.name())) {
                status.setMessage("No documentation page for " + e.name());
            }
        });
        bus.subscribe(EventBus.OpenDocsPage.class, e -> {
            docsShown.set(true);
            docs.follow(docs.currentPathProperty().get(), e.href());
        });
        bus.subscribe(EventBus.OpenNotebookLink.class, e -> openNotebookLink(e.href(), e.baseDir()));
        bus.subscribe(EventBus.StatusMessage.class, e -> status.setMessage(e.text()));

        dark.addListener((obs, was, now) -> applyTheme());
        applyZoom();
        dev.pageframe.ui.notebook.Warmup.start(env.background());
        loadDocs();
    }

    // ---- accessors (tests and the app use these) ----

    public EventBus bus() {
        return bus;
    }

    public TabPane tabs() {
        return tabs;
    }

    public DocsPane docs() {
        return docs;
    }

    public OutlinePane outline() {
        return outline;
    }

    public StatusBar status() {
        return status;
    }

    public ObjectProperty<NotebookTab> currentProperty() {
        return current;
    }

    public NotebookTab current() {
        return current.get();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty outlineShownProperty() {
        return outlineShown;
    }

    public BooleanProperty docsShownProperty() {
        return docsShown;
    }

    /** Completes once the documentation has been read. */
    public CompletableFuture<DocsLibrary> docsLoaded() {
        return docsLoaded;
    }

    /** Called once per tab when the first screen of its cells is built. */
    public void setOnFirstPage(Consumer<NotebookTab> callback) {
        this.onFirstPage = callback;
    }

    public double zoom() {
        return ZOOMS[zoomIndex];
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- layout ----

    private void updateSplit() {
        List<Node> items = new ArrayList<>();
        if (outlineShown.get()) {
            items.add(outline);
        }
        items.add(center);
        if (docsShown.get()) {
            items.add(docs);
        }
        split.getItems().setAll(items);
        placeDividers();
        // Again once the split pane has its real width.
        Platform.runLater(this::placeDividers);
    }

    private void placeDividers() {
        double w = split.getWidth() > 0 ? split.getWidth() : 1400;
        int i = 0;
        if (outlineShown.get()) {
            split.setDividerPosition(i++, Math.min(0.3, outline.getPrefWidth() / w));
        }
        if (docsShown.get()) {
            split.setDividerPosition(i, Math.max(0.5, 1 - docs.getPrefWidth() / w));
        }
    }

    private void loadDocs() {
        Supplier<DocsLibrary> loader = env.docs();
        CompletableFuture.supplyAsync(loader, env.background()).whenComplete((lib, error) -> Platform.runLater(() -> {
            DocsLibrary l = error != null || lib == null ? DocsLibrary.empty() : lib;
            docs.libraryProperty().set(l);
            docsLoaded.complete(l);
        }));
    }

    // ---- theme and zoom ----

    private void applyTheme() {
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        pseudoClassStateChanged(DARK, dark.get());
    }

    /** Zooms by steps: +1 bigger, -1 smaller, 0 back to 100%. */
    public void zoom(int direction) {
        zoomIndex = direction == 0 ? 2 : Math.max(0, Math.min(ZOOMS.length - 1, zoomIndex + direction));
        applyZoom();
    }

    private void applyZoom() {
        double px = BASE_FONT * ZOOMS[zoomIndex];
        // The whole UI is sized in em, so one font size scales it all, crisply (no bitmap scaling).
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px));
        for (Tab t : tabs.getTabs()) {
            if (t instanceof NotebookTab nt) {
                nt.view().fontSizeProperty().set(px);
            }
        }
        status.setZoom(ZOOMS[zoomIndex]);
    }

    // ---- menus and toolbar ----

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
            NotebookTab t = current.get();
            if (t != null) {
                action.accept(t);
            }
        });
        m.disableProperty().bind(current.isNull());
        return m;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private MenuBar menus() {
        Menu file = new Menu("_File");
        MenuItem export = notebookItem("Export HTML\u2026", key(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::exportHtml);
        export.setVisible(HtmlExport.available());
        file.getItems().addAll(
                item("_New Notebook", key(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newNotebook),
                item("_Open\u2026", key(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openWithDialog),
                new SeparatorMenuItem(),
                notebookItem("_Save", key(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save),
                notebookItem("Save _As\u2026", key(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::saveAs),
                export,
                new SeparatorMenuItem(),
                notebookItem("_Close", key(KeyCode.W, KeyCombination.SHORTCUT_DOWN), this::requestClose),
                item("_Quit", key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (window() instanceof Stage s && confirmCloseAll()) {
                        s.close();
                    }
                }));

        Menu edit = new Menu("_Edit");
        Menu type = new Menu("Cell Type");
        type.getItems().addAll(
                notebookItem("Code (Y)", null, t -> t.view().changeSelectedType(CellType.CODE)),
                notebookItem("Markdown (M)", null, t -> t.view().changeSelectedType(CellType.MARKDOWN)),
                notebookItem("Raw (R)", null, t -> t.view().changeSelectedType(CellType.RAW)));
        edit.getItems().addAll(
                notebookItem("Insert Cell Above (A)", key(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().insert(false, CellType.CODE)),
                notebookItem("Insert Cell Below (B)", key(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().insert(true, CellType.CODE)),
                notebookItem("Delete Cell (D, D)", null, t -> t.view().deleteSelected()),
                notebookItem("Undo Delete Cell (Z)", key(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().undoDelete()),
                new SeparatorMenuItem(),
                notebookItem("Move Cell Up", key(KeyCode.UP, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().moveSelected(-1)),
                notebookItem("Move Cell Down", key(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().moveSelected(+1)),
                new SeparatorMenuItem(),
                notebookItem("Copy Cell (C)", null, t -> t.view().copySelected()),
                notebookItem("Paste Cell Below (V)", null, t -> t.view().pasteBelow()),
                new SeparatorMenuItem(),
                type);

        Menu run = new Menu("_Run");
        run.getItems().addAll(
                notebookItem("Run Cell", key(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), t -> t.view().runSelected()),
                notebookItem("Run Cell and Select Below", key(KeyCode.ENTER, KeyCombination.SHIFT_DOWN), t -> t.view().runSelectedAndAdvance()),
                notebookItem("Run All", key(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), t -> t.view().runAll()),
                notebookItem("Run All Above", null, t -> t.view().runAbove()),
                notebookItem("Run Selected and All Below", null, t -> t.view().runBelow()),
                new SeparatorMenuItem(),
                notebookItem("Interrupt (I, I)", null, t -> t.document().interrupt()),
                notebookItem("Restart Kernel (0, 0)", null, t -> t.document().restart()),
                notebookItem("Restart and Run All", null, t -> t.document().restartAndRunAll()));

        Menu view = new Menu("_View");
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light Theme");
        RadioMenuItem darkItem = new RadioMenuItem("Dark Theme");
        light.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        light.setSelected(!dark.get());
        darkItem.setSelected(dark.get());
        light.setOnAction(e -> dark.set(false));
        darkItem.setOnAction(e -> dark.set(true));
        dark.addListener((obs, was, now) -> (now ? darkItem : light).setSelected(true));
        CheckMenuItem docsItem = new CheckMenuItem("Documentation");
        docsItem.selectedProperty().bindBidirectional(docsShown);
        docsItem.setAccelerator(key(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        CheckMenuItem outlineItem = new CheckMenuItem("Outline");
        outlineItem.selectedProperty().bindBidirectional(outlineShown);
        outlineItem.setAccelerator(key(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        view.getItems().addAll(light, darkItem, new SeparatorMenuItem(),
                item("Zoom In", key(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1)),
                item("Zoom Out", key(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(-1)),
                item("Actual Size", key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> zoom(0)),
                new SeparatorMenuItem(), outlineItem, docsItem);

        Menu help = new Menu("_Help");
        help.getItems().addAll(
                item("Keyboard Shortcuts", key(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), this::showShortcuts),
                item("Documentation", null, () -> {
                    docsShown.set(true);
                    docs.library().home().ifPresent(p -> docs.show(p.path()));
                }),
                item("Tour Notebook", null, this::openTour));

        MenuBar bar = new MenuBar(file, edit, run, view, help);
        bar.getStyleClass().add("main-menu");
        return bar;
    }

    private Button tool(String icon, String tip, EventHandler<ActionEvent> action, boolean needsNotebook) {
        Button b = new Button(null, Icons.icon(icon));
        b.getStyleClass().addAll("flat", "tool-button");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(action);
        b.setFocusTraversable(false);
        if (needsNotebook) {
            b.disableProperty().bind(current.isNull());
        }
        return b;
    }

    private void onCurrent(Consumer<NotebookTab> action) {
        NotebookTab t = current.get();
        if (t != null) {
            action.accept(t);
            t.view().requestFocus();
        }
    }

    private ToolBar toolbar() {
        Button run = tool(Icons.PLAY, "Run cell and select below (Shift+Enter)", e -> onCurrent(t -> t.view().runSelectedAndAdvance()), true);
        run.setId("tool-run");
        run.setText("Run");
        Button runAll = tool(Icons.FAST_FORWARD, "Run all cells", e -> onCurrent(t -> t.view().runAll()), true);
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
        type.disableProperty().bind(current.isNull());
        Runnable syncType = () -> {
            NotebookTab t = current.get();
            CellModel c = t == null ? null : t.view().selected();
            type.setValue(c == null ? null : c.type());
        };
        current.addListener((obs, was, now) -> {
            syncType.run();
            if (now != null) {
                now.view().selectedProperty().addListener((o, a, b) -> syncType.run());
            }
        });
        type.setOnAction(e -> {
            NotebookTab t = current.get();
            if (t != null && type.getValue() != null && t.view().selected() != null
                    && t.view().selected().type() != type.getValue()) {
                t.view().changeSelectedType(type.getValue());
                t.view().requestFocus();
            }
        });

        Button themeButton = tool(Icons.MOON, "Dark theme", e -> dark.set(!dark.get()), false);
        dark.addListener((obs, was, now) -> {
            themeButton.setGraphic(Icons.icon(now ? Icons.SUN : Icons.MOON));
            themeButton.getTooltip().setText(now ? "Light theme" : "Dark theme");
        });
        Button outlineButton = tool(Icons.LIST, "Show or hide the outline", e -> outlineShown.set(!outlineShown.get()), false);
        Button docsButton = tool(Icons.BOOK, "Show or hide the documentation", e -> docsShown.set(!docsShown.get()), false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToolBar bar = new ToolBar(
                tool(Icons.FILE, "New notebook (Ctrl+N)", e -> newNotebook(), false),
                tool(Icons.FOLDER, "Open a notebook (Ctrl+O)", e -> openWithDialog(), false),
                tool(Icons.SAVE, "Save (Ctrl+S)", e -> onCurrent(this::save), true),
                new Separator(Orientation.VERTICAL),
                tool(Icons.PLUS, "Insert a code cell below (B)", e -> onCurrent(t -> t.view().insert(true, CellType.CODE)), true),
                tool(Icons.TRASH, "Delete the cell (D, D); Z brings it back", e -> onCurrent(t -> t.view().deleteSelected()), true),
                tool(Icons.ARROW_UP, "Move the cell up", e -> onCurrent(t -> t.view().moveSelected(-1)), true),
                tool(Icons.ARROW_DOWN, "Move the cell down", e -> onCurrent(t -> t.view().moveSelected(+1)), true),
                new Separator(Orientation.VERTICAL),
                run, runAll, stop, restart,
                new Separator(Orientation.VERTICAL),
                type, spacer, outlineButton, docsButton, themeButton);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private void showShortcuts() {
        String text = """
                Command mode (Esc)                     Edit mode (Enter)
                  Shift+Enter  run, select below         Shift+Enter  run, select below
                  Ctrl+Enter   run                       Ctrl+Enter   run
                  Alt+Enter    run, insert below         Alt+Enter    run, insert below
                  A / B        insert above / below      Ctrl+Space   complete
                  D, D         delete cell               F1           docs of the name at the caret
                  Z            undo delete               Esc          command mode
                  M / Y / R    Markdown / code / raw
                  C / V        copy / paste cell       Anywhere
                  Up/Down, K/J select cell               Ctrl+S       save
                  Enter        edit cell                 Ctrl+= / Ctrl+- / Ctrl+0  zoom
                  I, I         interrupt
                  0, 0         restart kernel
                """;
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(window());
        a.setTitle("Keyboard Shortcuts");
        a.setHeaderText("Keyboard shortcuts (as in Jupyter)");
        Label l = new Label(text);
        l.getStyleClass().add("shortcuts");
        a.getDialogPane().setContent(l);
        a.show();
    }

    // ---- opening ----

    /** Opens a notebook file (in the background); completes on the FX thread with its tab. */
    public CompletableFuture<NotebookTab> open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Tab t : tabs.getTabs()) {
            if (t instanceof NotebookTab nt && abs.equals(nt.document().file())) {
                tabs.getSelectionModel().select(nt);
                return CompletableFuture.completedFuture(nt);
            }
        }
        status.setMessage("Opening " + abs.getFileName() + "\u2026");
        record Loaded(LoadResult result, NotebookTrust.Verdict verdict) {}
        CompletableFuture<NotebookTab> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                LoadResult r = env.files().load(abs);
                return new Loaded(r, env.trust().check(r.notebook()));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, env.background()).whenComplete((loaded, error) -> Platform.runLater(() -> {
            status.setMessage("");
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                showError("Could not open " + abs.getFileName(), cause.getMessage());
                done.completeExceptionally(cause);
                return;
            }
            NotebookTab tab = addTab(loaded.result().notebook(), abs, loaded.verdict().trusted(),
                    loaded.verdict().explanation(), loaded.result().notes(), null);
            done.complete(tab);
        }));
        return done;
    }

    /** Opens the tour that ships with the app, as an untitled copy (saving asks where). */
    public CompletableFuture<NotebookTab> openTour() {
        return openBundled(BundledNotebooks.TOUR);
    }

    /** Opens a bundled notebook as an untitled copy; trusted, since it came with the app. */
    public CompletableFuture<NotebookTab> openBundled(String name) {
        CompletableFuture<NotebookTab> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> BundledNotebooks.read(name).map(bytes -> {
            try {
                return new NotebookReader().read(bytes, name);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }), env.background()).whenComplete((result, error) -> Platform.runLater(() -> {
            if (error != null || result == null || result.isEmpty()) {
                if (name.equals(BundledNotebooks.TOUR)) {
                    done.complete(addTab(welcomeNotebook(), null, true, "", List.of(), "Welcome.ipynb"));
                } else {
                    showError("Could not open " + name, "It is not among the notebooks that come with Pageframe.");
                    done.completeExceptionally(new IOException("no bundled notebook " + name));
                }
                return;
            }
            done.complete(addTab(result.get().notebook(), null, true, "", List.of(), name));
        }));
        return done;
    }

    private static Notebook welcomeNotebook() {
        return Notebook.newEmpty().withCells(List.of(
                Cell.markdown("# Welcome to Pageframe\n\nThe tour notebook was not found, so here is an empty "
                        + "notebook. Type Java in the cell below and press **Shift+Enter** to run it."),
                Cell.code("long buf = __get_free_pages(GFP_KERNEL, 3);\ncat(\"/proc/buddyinfo\");")));
    }

    /** A new, empty notebook with one code cell. */
    public NotebookTab newNotebook() {
        untitledCounter++;
        String name = untitledCounter == 1 ? "Untitled.ipynb" : "Untitled-" + untitledCounter + ".ipynb";
        NotebookTab tab = addTab(Notebook.newEmpty().withCells(List.of(Cell.code(""))), null, true, "", List.of(), name);
        CellModel first = tab.document().cells().getFirst();
        Platform.runLater(() -> tab.view().edit(first, false));
        return tab;
    }

    private void openWithDialog() {
        NotebookTab t = current.get();
        Path dir = t != null && t.document().file() != null ? t.document().file().getParent() : Path.of("").toAbsolutePath();
        Path chosen = env.dialogs().chooseNotebookToOpen(window(), dir);
        if (chosen != null) {
            open(chosen);
        }
    }

    /** Adds a tab for a notebook that has been read. */
    public NotebookTab addTab(Notebook notebook, Path file, boolean trusted, String explanation, List<String> notes,
            String untitledName) {
        NotebookDocument doc = new NotebookDocument(notebook, file, trusted, explanation, notes, env.trust(), env.files(),
                env.sessions(), env.background());
        if (untitledName != null) {
            doc.untitledNameProperty().set(untitledName);
        }
        NotebookView view = new NotebookView(doc, services(doc), env.background());
        view.fontSizeProperty().set(BASE_FONT * zoom());
        NotebookTab tab = new NotebookTab(doc, view);
        doc.setConfirmUntrustedRun(() -> confirmUntrustedRun(doc));
        tab.setOnCloseRequest(e -> {
            e.consume();
            requestClose(tab);
        });
        view.setOnFirstPage(() -> onFirstPage.accept(tab));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        Platform.runLater(view::requestFocus);
        return tab;
    }

    private NotebookServices services(NotebookDocument doc) {
        return new NotebookServices() {
            @Override
            public Optional<String> apiSummary(String name) {
                return docs.library().summary(name);
            }

            @Override
            public boolean openApiDocs(String name) {
                docsShown.set(true);
                boolean found = docs.showApi(name);
                status.setMessage(found ? "" : "No documentation page for " + name);
                return found;
            }

            @Override
            public void openLink(String href, NotebookDocument from) {
                followLink(href, from.file() == null ? null : from.file().getParent());
            }
        };
    }

    /** Follows a link from a cell or a docs page: web pages, notebooks, or documentation pages. */
    private void followLink(String href, Path baseDir) {
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")) {
            env.browser().accept(href);
        } else if (lower.contains(".ipynb")) {
            bus.publish(new EventBus.OpenNotebookLink(href, baseDir));
        } else if (lower.contains(".md")) {
            docsShown.set(true);
            docs.follow(null, href);
        } else {
            status.setMessage("Cannot open link " + href);
        }
    }

    private void openNotebookLink(String href, Path baseDir) {
        String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        if (baseDir != null) {
            Path p = baseDir.resolve(target).normalize();
            if (Files.isRegularFile(p)) {
                open(p);
                return;
            }
        }
        String name = target.substring(target.lastIndexOf('/') + 1);
        openBundled(name);
    }

    // ---- trust ----

    private boolean confirmUntrustedRun(NotebookDocument doc) {
        ButtonType trustAndRun = new ButtonType("Trust and Run", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.WARNING, "", trustAndRun, ButtonType.CANCEL);
        a.initOwner(window());
        a.setTitle("Run an untrusted notebook?");
        a.setHeaderText("Run code from a notebook you have not trusted?");
        Label body = new Label(NotebookTab.trustMessage(doc.trustExplanation())
                + "\n\nIts code runs only inside Pageframe's simulated machine, but read it before you run it. "
                + "Running trusts the notebook, so it will not ask again.");
        body.setWrapText(true);
        body.setMaxWidth(480);
        a.getDialogPane().setContent(body);
        a.getDialogPane().setId("untrusted-run-dialog");
        return a.showAndWait().filter(b -> b == trustAndRun).isPresent();
    }

    // ---- saving and closing ----

    /** Saves the notebook; an untitled one asks where. */
    public CompletableFuture<Path> save(NotebookTab tab) {
        Path file = tab.document().file();
        return file == null ? saveAs(tab) : saveTo(tab, file);
    }

    /** Asks where to save, then saves. Completes with null if the user cancelled. */
    public CompletableFuture<Path> saveAs(NotebookTab tab) {
        NotebookDocument doc = tab.document();
        Path dir = doc.file() != null ? doc.file().getParent() : Path.of("").toAbsolutePath();
        String suggested = doc.file() != null ? doc.file().getFileName().toString() : doc.untitledNameProperty().get();
        Path chosen = env.dialogs().chooseSaveLocation(window(), "Save Notebook", suggested, dir, "ipynb");
        if (chosen == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!chosen.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            chosen = chosen.resolveSibling(chosen.getFileName() + ".ipynb");
        }
        return saveTo(tab, chosen);
    }

    private CompletableFuture<Path> saveTo(NotebookTab tab, Path file) {
        status.setMessage("Saving " + file.getFileName() + "\u2026");
        return tab.document().saveTo(file).whenComplete((p, error) -> {
            if (error != null) {
                status.setMessage("");
                showError("Could not save " + file.getFileName(), error.getMessage());
            } else {
                status.setMessage("Saved " + file.getFileName());
            }
        });
    }

    private void exportHtml(NotebookTab tab) {
        NotebookDocument doc = tab.document();
        String base = doc.file() != null ? doc.file().getFileName().toString() : doc.untitledNameProperty().get();
        String suggested = base.replaceFirst("\\.ipynb$", "") + ".html";
        Path dir = doc.file() != null ? doc.file().getParent() : Path.of("").toAbsolutePath();
        Path chosen = env.dialogs().chooseSaveLocation(window(), "Export HTML", suggested, dir, "html");
        if (chosen == null) {
            return;
        }
        Notebook snapshot = doc.toNotebook();
        CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(chosen, HtmlExport.export(snapshot, suggested.replaceFirst("\\.html$", "")),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, env.background()).whenComplete((ok, error) -> Platform.runLater(() -> {
            if (error != null) {
                showError("Could not export " + chosen.getFileName(), error.getMessage());
            } else {
                status.setMessage("Exported " + chosen.getFileName());
            }
        }));
    }

    private enum SaveChoice { SAVE, DISCARD, CANCEL }

    private SaveChoice askToSave(NotebookTab tab) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        a.initOwner(window());
        a.setTitle("Unsaved changes");
        String name = tab.document().titleProperty().get().replace(" \u2022", "");
        a.setHeaderText("Save changes to " + name + " before closing?");
        a.setContentText("Your changes will be lost if you don't save them.");
        a.getDialogPane().setId("save-changes-dialog");
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? SaveChoice.SAVE : answer == discard ? SaveChoice.DISCARD : SaveChoice.CANCEL;
    }

    /** Closes a tab, asking to save unsaved changes first. */
    public void requestClose(NotebookTab tab) {
        if (!tab.document().isDirty()) {
            closeTab(tab);
            return;
        }
        switch (askToSave(tab)) {
            case SAVE -> save(tab).thenAccept(p -> {
                if (p != null) {
                    closeTab(tab);
                }
            });
            case DISCARD -> closeTab(tab);
            case CANCEL -> { }
        }
    }

    /** Closes a tab without asking and stops its kernel. */
    public void closeTab(NotebookTab tab) {
        tabs.getTabs().remove(tab);
        tab.document().close();
    }

    /**
     * Asks about every notebook with unsaved changes before the window closes; false if the user cancelled.
     * Saving happens before this returns.
     */
    public boolean confirmCloseAll() {
        for (Tab t : List.copyOf(tabs.getTabs())) {
            if (t instanceof NotebookTab nt && nt.document().isDirty()) {
                tabs.getSelectionModel().select(nt);
                SaveChoice choice = askToSave(nt);
                if (choice == SaveChoice.CANCEL) {
                    return false;
                }
                if (choice == SaveChoice.SAVE) {
                    try {
                        if (waitOnFx(save(nt)) == null) {
                            return false;
                        }
                    } catch (RuntimeException e) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Waits for a save that completes on the FX thread by running a nested event loop (never blocks it). */
    private static <T> T waitOnFx(CompletableFuture<T> future) {
        Object key = new Object();
        future.whenComplete((v, e) -> Platform.exitNestedEventLoop(key, null));
        if (!future.isDone()) {
            Platform.enterNestedEventLoop(key);
        }
        return future.join();
    }

    /** Stops every notebook's kernel (at exit). */
    public List<CompletableFuture<Void>> shutdown() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t instanceof NotebookTab nt && nt.document().sessionIfStarted() != null) {
                var session = nt.document().sessionIfStarted();
                closing.add(CompletableFuture.runAsync(session::close, env.background()));
            }
        }
        return closing;
    }

    private void showError(String header, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(window());
        a.setTitle("Pageframe");
        a.setHeaderText(header);
        a.setContentText(detail);
        a.show();
    }

    /** Installs the window-level keys and the close guard on the stage showing this window. */
    public void attach(Stage stage) {
        Scene scene = stage.getScene();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> zoom(+1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), () -> zoom(-1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), () -> zoom(0));
        stage.setOnCloseRequest(e -> {
            if (!confirmCloseAll()) {
                e.consume();
            }
        });
        var tabTitle = Bindings.selectString(current, "text");
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> current.get() == null ? "Pageframe" : tabTitle.get() + " \u2014 Pageframe", current, tabTitle));
    }

    /** Reflective bridge to the HTML exporter, so this window works in builds with or without it. */
    static final class HtmlExport {
        private static final String CLASS = "dev.pageframe.notebook.html.HtmlExporter";

        private HtmlExport() {}

        static boolean available() {
            try {
                Class.forName(CLASS, false, MainWindow.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        static String export(Notebook notebook, String title) {
            try {
                Class<?> c = Class.forName(CLASS, true, MainWindow.class.getClassLoader());
                Object exporter = c.getConstructor().newInstance();
                Method m = c.getMethod("export", Notebook.class, String.class);
                return (String) m.invoke(exporter, notebook, title);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("HTML export failed: " + e.getMessage(), e);
            }
        }
    }
}
