package dev.pageframe.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.ui.common.FrameQueue;
import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.docs.DocsPane;
import dev.pageframe.ui.markdown.Anchors;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.NotebookDocument;
import dev.pageframe.ui.notebook.NotebookServices;
import dev.pageframe.ui.notebook.NotebookView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
    /** The split pane, with the picture that hides a change of look above it. */
    private final StackPane body = new StackPane(split);
    private final LookCover cover = new LookCover(split, this::lookSettled);
    private final ObjectProperty<NotebookTab> current = new SimpleObjectProperty<>(this, "current");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty outlineShown = new SimpleBooleanProperty(this, "outlineShown", true);
    private final BooleanProperty docsShown = new SimpleBooleanProperty(this, "docsShown", true);
    private final CompletableFuture<DocsLibrary> docsLoaded = new CompletableFuture<>();
    private final Label emptyState = new Label("No notebook is open. Use File \u203a New or File \u203a Open.");
    private int zoomIndex = 2;
    /** The theme and zoom the scene has now (light, as the app starts); a change applies a frame later (changeLook). */
    private boolean appliedDark;
    private int appliedZoom = -1;
    private final ZoomStylesheet zoomStylesheet = new ZoomStylesheet(this);
    private int untitledCounter;
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
    /** The {@code #heading} a link asked for, for a tab whose first page is still coming. */
    private final Map<NotebookTab, String> headingOnFirstPage = new HashMap<>();

    /** The Sandbox Cells setting, for the Run menu. */
    CellSandbox sandbox() {
        return env.sandbox();
    }

    public MainWindow(AppEnvironment env) {
        this.env = env;
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

        MainMenus menus = new MainMenus(this);
        setTop(new VBox(menus.menuBar(), menus.toolbar()));
        body.getChildren().add(cover.node());
        setCenter(body);
        setBottom(status);

        docs.setOtherLinks(href -> followLink(href, null));
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
        bus.subscribe(EventBus.OpenNotebookLink.class, e -> openNotebookLink(e.href(), e.baseDir()));
        bus.subscribe(EventBus.StatusMessage.class, e -> status.setMessage(e.text()));

        dark.addListener((obs, was, now) -> changeLook());
        changeLook();
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
        return ZOOMS[zoomIndex];
    }

    Window window() {
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

    // ---- theme and zoom ----

    private static double[] zoomSizes() {
        double[] px = new double[ZOOMS.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = BASE_FONT * ZOOMS[i];
        }
        return px;
    }

    /** Zooms by steps: +1 bigger, -1 smaller, 0 back to 100%. */
    public void zoom(int direction) {
        zoomIndex = direction == 0 ? 2 : Math.max(0, Math.min(ZOOMS.length - 1, zoomIndex + direction));
        changeLook();
    }

    /**
     * A new look (theme, zoom) restyles the whole scene in one pulse. On screen, a picture of the window's body
     * covers it first; under it, a frame later, the notebooks' cards, the outline list and the documentation page
     * leave the scene, and the change comes a frame after that and restyles only the window's chrome (and a card
     * holding the focus). The rest comes back over the next frames, within the frame budget, and then the picture
     * goes. Each of the three steps has a frame of its own (BENCHMARKS.md). Before the window shows, the change is
     * made at once.
     */
    private void changeLook() {
        if (!cover.cover(this::parkForLook, this::applyCoveredLook)) {
            // Uncovered, the cards in view stay: leaving would show an empty page for a frame.
            for (NotebookView view : views()) {
                view.parkCards(false);
            }
            docs.parkBlocks();
            applyLook();
        }
    }

    private void parkForLook() {
        for (NotebookView view : views()) {
            view.holdBuilds();
            view.parkCards(true);
        }
        outline.park();
        docs.parkForLook();
    }

    private void applyCoveredLook() {
        applyLook();
        for (NotebookView view : views()) {
            view.resumeBuilds();
        }
        docs.resumeAfterLook();
        soon.post(outline::unpark);
    }

    private List<NotebookView> views() {
        List<NotebookView> views = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t instanceof NotebookTab nt) {
                views.add(nt.view());
            }
        }
        return views;
    }

    private void applyLook() {
        if (appliedDark != dark.get()) {
            appliedDark = dark.get();
            Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            pseudoClassStateChanged(DARK, dark.get());
        }
        if (appliedZoom != zoomIndex) {
            appliedZoom = zoomIndex;
            double px = BASE_FONT * ZOOMS[zoomIndex];
            // The whole UI is sized in em, so one font size scales it all, crisply (no bitmap scaling).
            setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px));
            // Menus, tooltips, popups and dialogs are other windows: the inline style above does not reach them.
            zoomStylesheet.setFontSize(px);
            for (NotebookView view : views()) {
                view.fontSizeProperty().set(px);
            }
            status.setZoom(ZOOMS[zoomIndex]);
        }
    }

    /** True once the cards, the outline list and the documentation page in view are back after a change of look. */
    private boolean lookSettled() {
        NotebookTab tab = current.get();
        return (tab == null || tab.view().pageInViewShown()) && !outline.parked() && !docs.inViewParked();
    }

    /** True while a change of look is under way: a picture of the old look hides the page (tests, screenshots). */
    public boolean lookCovered() {
        return cover.showing();
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
        CompletableFuture<NotebookTab> done = new CompletableFuture<>();
        later.hold();
        CompletableFuture.supplyAsync(() -> {
            try {
                LoadResult r = env.files().load(abs);
                NotebookTrust.Verdict verdict = env.trust().check(r.notebook());
                return document(r.notebook(), abs, verdict.trusted(), verdict.explanation(), r.notes());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, env.background()).whenComplete((loaded, error) -> Platform.runLater(() -> {
            status.setMessage("");
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                later.release();
                AppDialogs.error(window(), "Could not open " + abs.getFileName(), cause.getMessage());
                done.completeExceptionally(cause);
                return;
            }
            NotebookTab tab = addTab(loaded, null);
            awaitingFirstPage.add(tab);
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
        later.hold();
        CompletableFuture.supplyAsync(() -> BundledNotebooks.read(name).map(bytes -> {
            try {
                return document(new NotebookReader().read(bytes, name).notebook(), null, true, "", List.of());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }), env.background()).whenComplete((result, error) -> Platform.runLater(() -> {
            if (error != null || result == null || result.isEmpty()) {
                if (name.equals(BundledNotebooks.TOUR)) {
                    NotebookTab tab = addTab(document(welcomeNotebook(), null, true, "", List.of()), "Welcome.ipynb");
                    awaitingFirstPage.add(tab);
                    done.complete(tab);
                } else {
                    later.release();
                    AppDialogs.error(window(), "Could not open " + name, "It is not among the notebooks that come with Pageframe.");
                    done.completeExceptionally(new IOException("no bundled notebook " + name));
                }
                return;
            }
            NotebookTab tab = addTab(result.get(), name);
            awaitingFirstPage.add(tab);
            done.complete(tab);
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
        NotebookTab tab = addTab(document(Notebook.newEmpty().withCells(List.of(Cell.code(""))), null, true, "", List.of()),
                name);
        CellModel first = tab.document().cells().getFirst();
        soon.post(() -> tab.view().edit(first, false));
        return tab;
    }

    void openWithDialog() {
        NotebookTab t = current.get();
        Path dir = t != null && t.document().file() != null ? t.document().file().getParent() : Path.of("").toAbsolutePath();
        Path chosen = env.dialogs().chooseNotebookToOpen(window(), dir);
        if (chosen != null) {
            open(chosen);
        }
    }

    /**
     * The document model of a notebook that has been read. It holds no nodes, so the loading thread makes it
     * (parsing every Markdown cell's headings) and the FX thread only builds the tab.
     */
    private NotebookDocument document(Notebook notebook, Path file, boolean trusted, String explanation,
            List<String> notes) {
        return new NotebookDocument(notebook, file, trusted, explanation, notes, env.trust(), env.files(),
                env.sandbox().noticing(env.sessions(), text -> Platform.runLater(() -> status.setMessage(text))),
                env.background());
    }

    /**
     * Makes, styles and lays out a notebook tab with a small page of cards (a trust banner, prose, code, a stream
     * output) in the window before it shows, and drops it. A notebook's first tab and cards paid for a cold start
     * inside the frames of its first page: the skins' classes, the first matching of their styles, the code font's
     * files (sampled: 20-28 ms for the first code card, 22-25 ms for styling the new tab, stalls of 37-46 ms). Paid
     * here, that is part of the start-up instead (the window shows 20-25 ms later), where no one waits on a frame.
     */
    private void warmUpTab() {
        Notebook page = Notebook.newEmpty().withCells(List.of(
                Cell.markdown("## Warm-up\n\nAn order-`2` block is **four** pages, *freed* with the same order."),
                Cell.code("long buf = __get_free_pages(GFP_KERNEL, 2); // four pages\nfree_pages(buf, 2);")
                        .withExecutionCount(1)
                        .withOutputs(List.of(dev.pageframe.notebook.Output.Stream.stdout("0xffff888000100000\n")))));
        NotebookDocument doc = document(page, null, false, "A warm-up page, never shown.", List.of());
        NotebookView view = new NotebookView(doc, services(doc), env.background());
        view.fontSizeProperty().set(BASE_FONT * zoom());
        NotebookTab tab = new NotebookTab(doc, view);
        tab.attachContent();
        TabPane pane = new TabPane(tab);
        pane.getStyleClass().addAll(tabs.getStyleClass());
        pane.setTabClosingPolicy(tabs.getTabClosingPolicy());
        pane.setManaged(false);
        pane.setVisible(false);
        getChildren().add(pane);
        pane.resize(900, 600);
        pane.applyCss();
        pane.layout();
        view.buildEveryCard();
        getChildren().remove(pane);
        doc.close();
    }

    /** Adds a tab for a notebook that has been read; {@code untitledName} names one that has no file yet. */
    private NotebookTab addTab(NotebookDocument doc, String untitledName) {
        if (untitledName != null) {
            doc.untitledNameProperty().set(untitledName);
        }
        NotebookView view = new NotebookView(doc, services(doc), env.background());
        view.fontSizeProperty().set(BASE_FONT * zoom());
        NotebookTab tab = new NotebookTab(doc, view);
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
        soon.post(() -> {
            tab.attachContent();
            if (tabs.getSelectionModel().getSelectedItem() == tab) {
                view.requestFocus();
            }
        });
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

    /** Opens a linked notebook (beside the linking one, else among the bundled ones), at its {@code #heading}. */
    private void openNotebookLink(String href, Path baseDir) {
        String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String fragment = Anchors.fragmentOf(href);
        CompletableFuture<NotebookTab> opening = null;
        if (baseDir != null) {
            Path p = baseDir.resolve(target).normalize();
            if (Files.isRegularFile(p)) {
                opening = open(p);
            }
        }
        if (opening == null) {
            opening = openBundled(target.substring(target.lastIndexOf('/') + 1));
        }
        if (fragment != null) {
            // A notebook just opened goes to the heading once its first page is on screen.
            opening.thenAccept(tab -> {
                if (awaitingFirstPage.contains(tab)) {
                    headingOnFirstPage.put(tab, fragment);
                } else {
                    scrollToHeading(tab, fragment);
                }
            });
        }
    }

    private void scrollToHeading(NotebookTab tab, String fragment) {
        soon.post(() -> {
            if (!tab.view().scrollToHeading(fragment)) {
                status.setMessage("No heading #" + fragment + " in " + tab.getText());
            }
        });
    }

    // ---- trust ----


    // ---- saving and closing ----

    /** Saves the notebook; an untitled one asks where. */
    public CompletableFuture<Path> save(NotebookTab tab) {
        Path file = tab.document().file();
        return file == null ? saveAs(tab) : saveTo(tab, file);
    }

    /**
     * Asks where to save, then saves. Completes with null if the user cancelled. A notebook with no file yet (a copy
     * of a bundled one, a new one) is offered the user's Pageframe documents folder; a bundled notebook is saved as a
     * copy there, since the one that ships stays as it is.
     */
    public CompletableFuture<Path> saveAs(NotebookTab tab) {
        NotebookDocument doc = tab.document();
        Path dir = doc.file() != null ? doc.file().getParent() : UserDocuments.ensure(env.documents());
        String suggested = doc.file() != null ? doc.file().getFileName().toString() : doc.untitledNameProperty().get();
        String title = doc.file() == null && BundledNotebooks.isBundled(suggested)
                ? "Save a Copy of " + suggested : "Save Notebook";
        Path chosen = env.dialogs().chooseSaveLocation(window(), title, suggested, dir, "ipynb");
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
                AppDialogs.error(window(), "Could not save " + file.getFileName(), error.getMessage());
            } else {
                status.setMessage("Saved " + file.getFileName());
            }
        });
    }

    void exportHtml(NotebookTab tab) {
        NotebookDocument doc = tab.document();
        String base = doc.file() != null ? doc.file().getFileName().toString() : doc.untitledNameProperty().get();
        String suggested = base.replaceFirst("\\.ipynb$", "") + ".html";
        Path dir = doc.file() != null ? doc.file().getParent() : UserDocuments.ensure(env.documents());
        Path chosen = env.dialogs().chooseSaveLocation(window(), "Export HTML", suggested, dir, "html");
        if (chosen == null) {
            return;
        }
        Notebook snapshot = doc.toNotebook();
        CompletableFuture.runAsync(() -> {
            try {
                dev.pageframe.notebook.AtomicFile.write(chosen,
                        new dev.pageframe.notebook.html.HtmlExporter(dev.pageframe.ui.notebook.KernelNames.all()).export(snapshot, suggested.replaceFirst("\\.html$", "")).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, env.background()).whenComplete((ok, error) -> Platform.runLater(() -> {
            if (error != null) {
                AppDialogs.error(window(), "Could not export " + chosen.getFileName(), error.getMessage());
            } else {
                status.setMessage("Exported " + chosen.getFileName());
            }
        }));
    }


    private static String tabName(NotebookTab tab) {
        return tab.document().titleProperty().get().replace(" \u2022", "");
    }

    /** Closes a tab, asking to save unsaved changes first. */
    public void requestClose(NotebookTab tab) {
        if (!tab.document().isDirty()) {
            closeTab(tab);
            return;
        }
        switch (AppDialogs.askToSave(window(), tabName(tab))) {
            case SAVE -> save(tab).thenAccept(p -> {
                if (p != null) {
                    closeTab(tab);
                }
            });
            case DISCARD -> closeTab(tab);
            case CANCEL -> { }
        }
    }

    /** The tab's first page is on screen (or the tab is gone): what waited for it may run. */
    private void firstPageDone(NotebookTab tab) {
        if (awaitingFirstPage.remove(tab)) {
            later.release();
        }
        if (!lookWarmed) {
            // After the outline and the documentation page, so it does not compete with opening.
            lookWarmed = true;
            later.post(() -> dev.pageframe.ui.notebook.Warmup.look(env.background(), zoomSizes(),
                    (dark.get() ? new PrimerLight() : new PrimerDark()).getUserAgentStylesheet()));
            // The picture's warm-up (about 10 ms) a while later: not among the frames that fill in the new page.
            PauseTransition idle = new PauseTransition(Duration.seconds(3));
            idle.setOnFinished(e -> later.post(cover::warm));
            idle.play();
        }
        String heading = headingOnFirstPage.remove(tab);
        if (heading != null && tabs.getTabs().contains(tab)) {
            scrollToHeading(tab, heading);
        }
    }

    /** Closes a tab without asking and stops its kernel. */
    public void closeTab(NotebookTab tab) {
        headingOnFirstPage.remove(tab);
        firstPageDone(tab);
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
                AppDialogs.SaveChoice choice = AppDialogs.askToSave(window(), tabName(nt));
                if (choice == AppDialogs.SaveChoice.CANCEL) {
                    return false;
                }
                if (choice == AppDialogs.SaveChoice.SAVE) {
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


    /** Installs the window-level keys and the close guard on the stage showing this window. */
    public void attach(Stage stage) {
        Scene scene = stage.getScene();
        warmUpTab();
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
}
