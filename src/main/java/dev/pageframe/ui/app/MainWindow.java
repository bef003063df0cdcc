package dev.pageframe.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pageframe.ui.common.FrameQueue;
import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.docs.DocsPane;
import dev.pageframe.ui.notebook.NotebookDocument;
import dev.pageframe.ui.notebook.NotebookView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Pageframe's main window: menus and toolbar, notebook tabs, the outline on the left, the documentation on
 * the right and the status bar. Everything slow (files, trust, kernels, docs) runs off the FX thread.
 */
public final class MainWindow extends BorderPane {
    /**
     * Leaves out the warm-ups that follow the first page (the editor's classes, the look's fonts and stylesheet, the
     * cover picture): for the installer's class-list training (installer/build.sh), which lists what the window loads
     * before it shows. The warm-ups race the window, so how much of them it listed depended on the machine's speed.
     */
    static final String NO_WARM_UP_PROPERTY = "pageframe.noWarmUp";

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final AppEnvironment env;
    private final EventBus bus = new EventBus();
    private final TabPane tabs = TabNames.watch(new TabPane());
    private final OutlinePane outline = new OutlinePane();
    private final DocsPane docs = new DocsPane();
    private final StatusBar status = new StatusBar();
    private final SplitPane split = new SplitPane();
    private final SidePanes sidePanes;
    private final StackPane center = new StackPane();
    /** The split pane, with the picture that hides a change of look above it. */
    private final StackPane body = new StackPane(split);
    private final WindowLook look = new WindowLook(this, split);
    private final FileCommands files;
    private final RecoveryCommands recovery;
    private final DiskChanges diskChanges;
    /** Every command, once: menus, keys, the shortcuts sheet and the palette are made from it. */
    private final CommandTable commands = CommandTable.standard();
    private final CommandPalette palette;
    private final FindBar findBar;
    private final CommandKeys commandKeys;
    private final RecentMenu recent;
    private final List<Consumer<Command>> commandListeners = new ArrayList<>();
    private final ObjectProperty<NotebookTab> current = new SimpleObjectProperty<>(this, "current");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty outlineShown = new SimpleBooleanProperty(this, "outlineShown", true);
    private final BooleanProperty docsShown = new SimpleBooleanProperty(this, "docsShown", true);
    private final CompletableFuture<DocsLibrary> docsLoaded = new CompletableFuture<>();
    private final Label emptyState = new Label("No notebook is open. Use File \u203a New or File \u203a Open.");
    private Consumer<NotebookTab> onFirstPage = tab -> { };
    /**
     * Work that waits until the notebooks being opened show their first page: docs page, outline. Each task
     * takes a frame that cards being built left alone: one (the docs page's first blocks) spends a whole
     * {@link dev.pageframe.ui.common.FrameBudget} by itself.
     */
    private final FrameQueue later = new FrameQueue(true);
    /** Work for the next frames that nothing holds back (a new tab's page, a frame after its tab). */
    private final FrameQueue soon = new FrameQueue();
    /** Tabs whose first page holds {@link #later}. */
    private final Set<NotebookTab> awaitingFirstPage = new HashSet<>();
    private boolean lookWarmed;
    private final NotebookLinks links = new NotebookLinks(this);
    private final WindowServices services;

    /** The Sandbox Cells setting, for the Run menu. */
    CellSandbox sandbox() {
        return env.sandbox();
    }

    public MainWindow(AppEnvironment env) {
        this.env = env;
        this.services = new WindowServices(docs, docsShown, status, env, links);
        status.setOnMachineClicked(() -> Optional.ofNullable(current.get()).ifPresent(this::changeMachine));
        this.files = new FileCommands(this, env);
        this.recovery = new RecoveryCommands(this, env);
        this.diskChanges = new DiskChanges(this, env.background());
        getStyleClass().add("main-window");
        tabs.getStyleClass().add("notebook-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                current.set(now instanceof NotebookTab t ? t : null));
        current.addListener((obs, was, now) -> {
            if (was != null) {
                // Only the notebook on show holds back the rest; one opened behind another does not.
                firstPageDone(was);
            }
            status.show(now == null ? null : now.document());
            later.post(this::showOutline);
            emptyState.setVisible(now == null);
        });
        emptyState.getStyleClass().add("empty-state");
        findBar = new FindBar(current);
        center.getChildren().addAll(tabs, emptyState, findBar);
        center.setMinWidth(200);

        split.getStyleClass().add("main-split");
        outline.setPrefWidth(230);
        docs.setPrefWidth(400);
        sidePanes = new SidePanes(split, outline, center, docs, outlineShown, docsShown, this::zoom);

        recent = new RecentMenu(new RecentFiles(env.trust().configDir()).load(), env.background(), this::open);
        palette = new CommandPalette(commands.commands(), this::runCommand);
        MainMenus menus = new MainMenus(this, recent);
        setTop(new VBox(menus.menuBar(), menus.toolbar()));
        body.getChildren().addAll(look.cover().node(), palette);
        commandKeys = new CommandKeys(this, commands, this::runCommand);
        commandKeys.install();
        NotebookDrop.install(this, this::open);
        // Ten open notebooks stay usable: names elide, and the tab strip's menu lists every tab.
        tabs.setTabMaxWidth(340);
        setCenter(body);
        setBottom(status);

        docs.setOtherLinks(href -> links.follow(href, null));
        // The notebook comes first: while it is still making cards (a notebook opening, a scroll over cards not
        // made yet), the docs page beside it waits to fill in (sampled stalls: a docs table and cards in one frame).
        docs.setWaitWhile(() -> tabs.getSelectionModel().getSelectedItem() instanceof NotebookTab t
                && t.view().settling());
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
        bus.subscribe(EventBus.OpenNotebookLink.class, e -> links.openNotebook(e.href(), e.baseDir()));
        bus.subscribe(EventBus.StatusMessage.class, e -> status.setMessage(e.text()));
        env.sandbox().enabledProperty().addListener((obs, was, now) -> {
            if (!now) {
                status.setMessage(CellSandbox.OFF_WARNING);
            }
        });

        look.restore(new ViewSettings(env.trust().configDir(), env.background()));
        dark.addListener((obs, was, now) -> look.changeLook());
        look.changeLook();
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

    /**
     * True once the notebooks being opened show their first page and the work that waited for them (the
     * outline, the documentation page) is done.
     */
    public boolean settled() {
        return awaitingFirstPage.isEmpty() && !soon.pending() && !later.pending() && !docs.pageFilling()
                && !outline.filling();
    }

    /** Called once per tab when the first screen of its cells is built. */
    public void setOnFirstPage(Consumer<NotebookTab> callback) {
        this.onFirstPage = callback;
    }

    public double zoom() {
        return look.zoom();
    }

    /** Zooms by steps: +1 bigger, -1 smaller, 0 back to 100%. */
    public void zoom(int direction) {
        look.zoom(direction);
        sidePanes.update(); // a larger type needs a wider notebook
    }

    /** True while a change of look is under way: a picture of the old look hides the page (tests, screenshots). */
    public boolean lookCovered() {
        return look.covered();
    }

    void markDark(boolean on) {
        pseudoClassStateChanged(DARK, on);
    }

    List<NotebookView> views() {
        List<NotebookView> views = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t instanceof NotebookTab nt) {
                views.add(nt.view());
            }
        }
        return views;
    }

    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- layout ----

    private void showOutline() {
        NotebookTab now = current.get();
        outline.show(now == null ? null : now.document(), now == null ? null : now.view());
    }

    private void loadDocs() {
        Supplier<DocsLibrary> loader = env.docs();
        CompletableFuture.supplyAsync(loader, env.background()).whenComplete((lib, error) -> Platform.runLater(() ->
                later.post(() -> {
                    DocsLibrary l = error != null || lib == null ? DocsLibrary.empty() : lib;
                    docs.libraryProperty().set(l);
                    docsLoaded.complete(l);
                })));
    }

    // ---- opening ----

    /** Adds a tab for a notebook that has been read; {@code untitledName} names one that has no file yet. */
    NotebookTab addTab(NotebookDocument doc, String untitledName) {
        if (untitledName != null) {
            doc.untitledNameProperty().set(untitledName);
        }
        NotebookView view = new NotebookView(doc, services, env.background());
        view.fontSizeProperty().set(WindowLook.BASE_FONT * zoom());
        NotebookTab tab = new NotebookTab(doc, view);
        commandKeys.attach(view);
        CellContextMenu.install(this, view);
        doc.setConfirmUntrustedRun(() -> AppDialogs.confirmUntrustedRun(window(), doc.trustExplanation()));
        tab.setOnCloseRequest(e -> {
            e.consume();
            requestClose(tab);
        });
        view.setOnFirstPage(() -> {
            onFirstPage.accept(tab);
            firstPageDone(tab);
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        recovery.track(tab);
        BundledCopy.guard(tab, files);
        diskChanges.track(tab);
        soon.post(() -> {
            tab.attachContent();
            if (tabs.getSelectionModel().getSelectedItem() == tab) {
                view.requestFocus();
            }
        });
        return tab;
    }

    // ---- commands ----

    /** The app's commands. */
    public CommandTable commandTable() {
        return commands;
    }

    /** Runs a command of the table, as its menu item, key, toolbar button or palette entry does. */
    public void runCommand(Command c) {
        c.action().accept(this);
        List.copyOf(commandListeners).forEach(l -> l.accept(c));
    }

    /** Calls {@code listener} after each command run (tests use it to see which command a key ran). */
    public void addCommandListener(Consumer<Command> listener) {
        commandListeners.add(listener);
    }

    /** Opens the command palette. */
    public void showPalette() {
        palette.show();
    }

    /** Find and replace over the notebook on show. */
    public FindBar findBar() {
        return findBar;
    }

    public CommandPalette palette() {
        return palette;
    }

    /** Records a notebook in File › Open Recent. */
    void remember(Path file) {
        recent.opened(file);
    }

    /** Opens the notebook files among those dropped on the window (what a drop of files does); returns how many. */
    public int openDropped(List<java.io.File> files) {
        return NotebookDrop.drop(files, this::open);
    }

    /** The recent notebooks File › Open Recent offers now. */
    public List<Path> recentFiles() {
        return recent.shown();
    }

    // ---- files (FileCommands) ----

    /** Opens a notebook file (in the background); completes on the FX thread with its tab. */
    public CompletableFuture<NotebookTab> open(Path file) {
        return files.open(file);
    }

    /**
     * Opens notebooks one after another (as a file manager passes them), so the tabs stand in the order given and the
     * last one is on show; one that fails to open (it says why) does not stop the rest.
     */
    public CompletableFuture<?> openAll(List<Path> notebooks) {
        CompletableFuture<?> opened = CompletableFuture.completedFuture(null);
        for (Path f : notebooks) {
            opened = opened.handle((tab, error) -> null).thenComposeAsync(x -> open(f), Platform::runLater);
        }
        return opened;
    }

    /** Opens the tour that ships with the app, as an untitled copy (saving asks where). */
    public CompletableFuture<NotebookTab> openTour() {
        return files.openTour();
    }

    /** Starts reading the tour on the background threads, for {@link #openTourNow}: the window is made meanwhile. */
    public CompletableFuture<Optional<NotebookDocument>> readTour() {
        return files.readBundled(BundledNotebooks.TOUR);
    }

    /**
     * Opens the tour that {@link #readTour} reads, waiting up to {@code wait} for it, and builds the cards of its
     * first screen now: called before the window shows, its first frame shows the tour's first page rather than an
     * empty window the page fills in later. Read later than that, the tab comes when it is read.
     */
    public CompletableFuture<NotebookTab> openTourNow(CompletableFuture<Optional<NotebookDocument>> read,
                                                      java.time.Duration wait) {
        return files.openTourNow(read, wait);
    }

    /** Opens a bundled notebook as an untitled copy; trusted, since it came with the app. */
    public CompletableFuture<NotebookTab> openBundled(String name) {
        return files.openBundled(name);
    }

    /** A new, empty notebook with one code cell. */
    public NotebookTab newNotebook() {
        return files.newNotebook();
    }

    /** Saves the notebook; an untitled one asks where. */
    public CompletableFuture<Path> save(NotebookTab tab) {
        return files.save(tab);
    }

    /** Run › Change Machine (or a click on the machine in the status bar): another profile or memory for the notebook. */
    void changeMachine(NotebookTab tab) {
        MachineDialog.ask(window(), tab.document().machine()).ifPresent(tab.document()::changeMachine);
    }

    /** Asks where to save, then saves; completes with null if the user cancelled. */
    public CompletableFuture<Path> saveAs(NotebookTab tab) {
        return files.saveAs(tab);
    }

    /** Closes a tab, asking to save unsaved changes first. */
    public void requestClose(NotebookTab tab) {
        files.requestClose(tab);
    }

    /** Asks about every notebook with unsaved changes before the window closes; false if the user cancelled. */
    public boolean confirmCloseAll() {
        return files.confirmCloseAll();
    }

    FileCommands files() {
        return files;
    }

    DiskChanges diskChanges() {
        return diskChanges;
    }

    RecoveryCommands recovery() {
        return recovery;
    }

    /** Lists what a crash left to recover, if anything, beside the window. */
    public CompletableFuture<List<dev.pageframe.notebook.recovery.RecoveryEntry>> offerRecovery() {
        return recovery.offer();
    }

    /**
     * Lists what a crash left once the notebooks being opened show their first page: reading the recovery folder
     * competed with making the window for the machine's cores, and the list is a window of its own anyway.
     */
    public void offerRecoveryLater() {
        later.post(this::offerRecovery);
    }

    /** The app is exiting normally: recovery copies of this session go. */
    public void cleanExit() {
        recovery.cleanExit();
    }

    /** The app is ending because it was told to (a signal): every unsaved change is copied and kept for the next start. */
    public void terminatedExit() {
        recovery.keepForNextStart();
    }

    FrameQueue later() {
        return later;
    }

    FrameQueue soon() {
        return soon;
    }

    boolean awaitingFirstPage(NotebookTab tab) {
        return awaitingFirstPage.contains(tab);
    }

    void browse(String url) {
        env.browser().accept(url);
    }

    /** Holds the work that waits for first pages until this tab shows its first page. */
    void awaitFirstPage(NotebookTab tab) {
        awaitingFirstPage.add(tab);
    }

    /** The tab's first page is on screen (or the tab is gone): what waited for it may run. */
    private void firstPageDone(NotebookTab tab) {
        if (awaitingFirstPage.remove(tab)) {
            later.release();
        }
        if (!lookWarmed && !Boolean.getBoolean(NO_WARM_UP_PROPERTY)) {
            // After the outline and the documentation page, so it does not compete with opening.
            lookWarmed = true;
            // The editor's classes and a code card's parts, made off the FX thread before a cell is entered; made
            // before the window showed, they had competed with it for the cores.
            dev.pageframe.ui.notebook.Warmup.start(env.background());
            later.post(() -> dev.pageframe.ui.notebook.Warmup.look(env.background(), WindowLook.zoomSizes(),
                    (dark.get() ? new PrimerLight() : new PrimerDark()).getUserAgentStylesheet()));
            // The picture's warm-up (about 10 ms) a while later: not among the frames that fill in the new page.
            PauseTransition idle = new PauseTransition(Duration.seconds(3));
            idle.setOnFinished(e -> later.post(look.cover()::warm));
            idle.play();
        }
        links.firstPageShown(tab, tabs.getTabs().contains(tab));
    }

    /** Closes a tab without asking and stops its kernel. */
    public void closeTab(NotebookTab tab) {
        links.forget(tab);
        firstPageDone(tab);
        tabs.getTabs().remove(tab);
        recovery.untrack(tab);
        tab.document().close();
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


    /** Installs the window-level keys and the close guard on the stage showing this window. */
    public void attach(Stage stage) {
        recovery.attach(stage);
        // The documentation is read once the window shows: before, it competed with making the window for the cores,
        // and its page fills in only after the notebook's first page anyway.
        if (stage.isShowing()) {
            loadDocs();
        } else {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
                @Override
                public void handle(javafx.stage.WindowEvent e) {
                    stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                    loadDocs();
                }
            });
        }
        diskChanges.attach(stage);
        stage.setOnCloseRequest(e -> {
            if (!confirmCloseAll()) {
                e.consume();
            }
        });
        var tabTitle = Bindings.selectString(current, "text");
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> current.get() == null ? "Pageframe" : tabTitle.get() + " \u2014 Pageframe", current, tabTitle));
    }
}
