package dev.pageframe.ui.docs;

import dev.pageframe.ui.common.Focus;
import dev.pageframe.ui.common.FrameBudget;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.common.Viewports;
import dev.pageframe.ui.markdown.Anchors;
import dev.pageframe.ui.markdown.MarkdownView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The documentation pane: a page list, full-text search over the pages, and the current page rendered as
 * Markdown, with links between pages and a back button.
 */
public final class DocsPane extends BorderPane {
    private final ObjectProperty<DocsLibrary> library = new SimpleObjectProperty<>(this, "library", DocsLibrary.empty());
    private final ReadOnlyStringWrapper currentPath = new ReadOnlyStringWrapper(this, "currentPath");
    private final TextField search = new TextField();
    private final ToggleButton pagesButton = new ToggleButton(null, Icons.icon(Icons.LIST));
    private final Button backButton = new Button(null, Icons.icon(Icons.CHEVRON_LEFT));
    private final Button homeButton = new Button(null, Icons.icon(Icons.HOME));
    private final Label pageTitle = new Label("Documentation");
    private final VBox pageBox = new VBox();
    private final ScrollPane pageScroll = new ScrollPane(pageBox);
    private final ListView<Object> list = new ListView<>();
    private final Label listHeading = new Label();
    private final VBox listBox = new VBox(listHeading, list);
    private final StackPane center = new StackPane(pageScroll, listBox);
    private final Deque<String> history = new ArrayDeque<>();
    private final PinnedScroll pin = new PinnedScroll(pageScroll);
    private Consumer<String> otherLinks = href -> { };
    /** While true, the page on show does not fill in further (something in the foreground comes first). */
    private BooleanSupplier waitWhile = () -> false;
    /** The page being filled in, a few blocks per frame; null once it is complete. */
    private MarkdownView.Steps filling;
    /** Blocks of the page taken out of the scene for a change of look, by the placeholders standing in for them. */
    private final Map<Region, Node> parked = new LinkedHashMap<>();
    /** How many of the first {@link #parked} blocks were in view. */
    private int parkedInView;
    /** Set between parking for a change of look and the frame that restyles: nothing comes back meanwhile. */
    private boolean held;
    /** The header and body while {@link #parkForLook} has them out of the scene (null otherwise). */
    private Node parkedTop;
    private Node parkedCenter;
    private final AnimationTimer filler = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // Only in frames that the notebook's cards and other deferred work left alone.
            if (held || !FrameBudget.untouched(now)) {
                return;
            }
            if (parkedCenter != null) {
                unparkChrome();
            } else if (filling != null) {
                if (!waitWhile.getAsBoolean()) {
                    fillPage(FrameBudget.deadline(now));
                }
            } else if (!parked.isEmpty()) {
                unparkBlocks(FrameBudget.deadline(now));
            } else {
                stop();
            }
        }
    };

    public DocsPane() {
        getStyleClass().add("docs-pane");
        setMinWidth(0);
        search.setPromptText("Search the docs");
        search.getStyleClass().add("docs-search");
        search.setId("docs-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        for (var b : List.of(backButton, homeButton, pagesButton)) {
            b.getStyleClass().addAll("flat", "docs-nav");
            b.setFocusTraversable(false);
        }
        backButton.setTooltip(new Tooltip("Back"));
        homeButton.setTooltip(new Tooltip("Documentation home"));
        pagesButton.setTooltip(new Tooltip("All pages"));
        pagesButton.setId("docs-pages-button");
        backButton.setDisable(true);
        HBox bar = new HBox(backButton, homeButton, pagesButton, search);
        bar.getStyleClass().add("docs-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);

        pageTitle.getStyleClass().add("docs-page-title");
        pageTitle.setId("docs-page-title");
        Label paneTitle = new Label("DOCUMENTATION");
        paneTitle.getStyleClass().add("pane-title");
        VBox top = new VBox(paneTitle, bar, pageTitle);
        top.getStyleClass().add("docs-header");
        setTop(top);

        pageBox.getStyleClass().add("docs-page");
        pageScroll.setFitToWidth(true);
        pageScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pageScroll.getStyleClass().add("docs-scroll");
        Viewports.uncache(pageScroll);
        listHeading.getStyleClass().add("docs-list-heading");
        list.getStyleClass().add("docs-list");
        list.setId("docs-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        listBox.getStyleClass().add("docs-list-box");
        list.setCellFactory(lv -> new EntryCell());
        list.setOnMouseClicked(e -> openSelected());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        setCenter(center);
        showList(false);

        search.textProperty().addListener((obs, was, now) -> refreshList());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            } else if (e.getCode() == KeyCode.DOWN && list.isVisible()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && list.isVisible() && !list.getItems().isEmpty()) {
                list.getSelectionModel().selectFirst();
                openSelected();
            }
        });
        pagesButton.setOnAction(e -> refreshList());
        backButton.setOnAction(e -> back());
        homeButton.setOnAction(e -> library.get().home().ifPresent(p -> show(p.path())));
        library.addListener((obs, was, now) -> {
            history.clear();
            backButton.setDisable(true);
            refreshList();
            if (currentPath.get() == null || now.page(currentPath.get()).isEmpty()) {
                now.home().ifPresentOrElse(p -> show(p.path(), false), this::showNoDocs);
            } else {
                show(currentPath.get(), false);
            }
        });
        // No page until the documentation has been read (after the window shows): saying none was found would be
        // wrong meanwhile.
    }

    public ObjectProperty<DocsLibrary> libraryProperty() {
        return library;
    }

    public DocsLibrary library() {
        return library.get();
    }

    /** The page on show, e.g. {@code api/kmalloc.md}. */
    public ReadOnlyStringProperty currentPathProperty() {
        return currentPath.getReadOnlyProperty();
    }

    /** Where links to notebooks and web pages go. */
    public void setOtherLinks(Consumer<String> handler) {
        this.otherLinks = Objects.requireNonNull(handler);
    }

    /**
     * Holds back filling in the rest of a page while {@code busy} is true, checked each frame: the pane is beside
     * the notebook, whose own work comes first. The top of a page opened shows at once regardless.
     */
    public void setWaitWhile(BooleanSupplier busy) {
        this.waitWhile = Objects.requireNonNull(busy);
    }

    public TextField searchField() {
        return search;
    }

    /** Shows the page of a kernel API name; false if it has none. */
    public boolean showApi(String name) {
        Optional<DocsLibrary.Page> page = library.get().apiPage(name);
        page.ifPresent(p -> show(p.path()));
        return page.isPresent();
    }

    /** Shows a page by its path under content/. */
    public void show(String path) {
        show(path, true);
    }

    private void show(String path, boolean remember) {
        Optional<DocsLibrary.Page> page = library.get().page(path);
        if (page.isEmpty()) {
            return;
        }
        if (remember && currentPath.get() != null && !currentPath.get().equals(path)) {
            history.push(currentPath.get());
            backButton.setDisable(false);
        }
        DocsLibrary.Page p = page.get();
        currentPath.set(p.path());
        pageTitle.setText(p.title());
        filler.stop();
        forgetParkedBlocks();
        try {
            MarkdownView.Steps steps = MarkdownView.renderInSteps(p.markdown(), Map.of(), href -> follow(p.path(), href),
                    library.get().folderOf(p).orElse(null));
            pageBox.getChildren().setAll(steps.root());
            filling = steps;
            fillPage(System.nanoTime() + FrameBudget.NANOS);
        } catch (RuntimeException e) {
            Label fallback = new Label(p.markdown());
            fallback.setWrapText(true);
            filling = null;
            pageBox.getChildren().setAll(fallback);
        }
        pin.clear();
        pageScroll.setVvalue(0);
        pagesButton.setSelected(false);
        if (!search.getText().isBlank()) {
            search.clear();
        }
        showList(false);
    }

    /**
     * Renders the page's blocks until {@code deadline}, styling included, and leaves the rest to the next
     * frames: the top of a long page shows at once and no frame stalls on the whole of it.
     */
    private void fillPage(long deadline) {
        MarkdownView.Steps steps = filling;
        if (steps == null) {
            filler.stop();
            return;
        }
        // Until the page has been laid out once its width is unknown and a block cannot be measured in the
        // budget: one block, then the rest once the layout pass has given the page its width.
        boolean measurable = steps.root() instanceof javafx.scene.layout.Region r && r.getWidth() > 0;
        boolean more;
        do {
            more = steps.next();
        } while (more && measurable && System.nanoTime() < deadline);
        if (more) {
            filler.start();
        } else {
            filling = null;
        }
    }

    /** Renders what is left of the page now (for jumping to a place in it). */
    public void finishPage() {
        while (filling != null && filling.next()) {
            // every remaining block
        }
        filling = null;
        unparkBlocks(Long.MAX_VALUE);
        filler.stop();
    }

    /**
     * Takes the page's blocks out of the scene before a change of look restyles the whole scene (as
     * {@code NotebookView.parkCards} does with cards); they come back in the next frames, a
     * frame's budget at a time, those in view first. The block at the top of the view stays there meanwhile.
     */
    public void parkBlocks() {
        Node viewport = Viewports.of(pageScroll);
        if (filling != null || getScene() == null || !pageScroll.isVisible() || viewport == null
                || pageBox.getChildren().size() != 1 || !(pageBox.getChildren().getFirst() instanceof Pane page)) {
            return;
        }
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        Node firstSeen = null;
        Map<Region, Node> inView = new LinkedHashMap<>();
        Map<Region, Node> offScreen = new LinkedHashMap<>();
        List<Node> children = List.copyOf(page.getChildren());
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            Bounds b = child.localToScene(child.getLayoutBounds());
            boolean seen = b.getMaxY() >= view.getMinY() && b.getMinY() <= view.getMaxY();
            Region stand;
            Node block;
            // Parked again before all came back (a second change of look): a stand-in stays, for the same block.
            if (child instanceof Region r && parked.containsKey(r)) {
                stand = r;
                block = parked.get(r);
            } else {
                stand = new Region();
                stand.setMinHeight(b.getHeight());
                stand.setPrefHeight(b.getHeight());
                block = child;
                page.getChildren().set(i, stand);
            }
            if (seen && firstSeen == null) {
                firstSeen = block;
            }
            // The blocks in view come back first, in the next frame.
            (seen ? inView : offScreen).put(stand, block);
        }
        parked.clear();
        parked.putAll(inView);
        parkedInView = inView.size();
        parked.putAll(offScreen);
        if (!parked.isEmpty()) {
            if (firstSeen != null && pageScroll.getVvalue() > pageScroll.getVmin()) {
                pin.pin(firstSeen);
            }
            filler.start();
        }
    }

    /**
     * Before a change of look with the pane covered: parks the page's blocks, then takes the header and body out
     * of the scene too (regions of their size stand in). Nothing comes back until {@link #resumeAfterLook()};
     * then the header and body come first, and the blocks follow. The header and body stay while they hold the
     * focus (typing in the search field).
     */
    public void parkForLook() {
        held = true;
        parkBlocks();
        if (parkedCenter != null || getScene() == null || Focus.heldIn(this)) {
            return;
        }
        parkedTop = getTop();
        parkedCenter = getCenter();
        setTop(standIn(parkedTop));
        setCenter(standIn(parkedCenter));
        filler.start();
    }

    /** Lets what {@link #parkForLook()} parked come back, from the next frame. */
    public void resumeAfterLook() {
        held = false;
        filler.start();
    }

    /**
     * Drops the parked blocks of a page that is being replaced. A parked header and body still come back: the
     * filler, just stopped, would otherwise only restart for a page too long to fill at once.
     */
    private void forgetParkedBlocks() {
        parked.clear();
        parkedInView = 0;
        if (parkedCenter != null) {
            filler.start();
        }
    }

    private static Region standIn(Node n) {
        Region r = new Region();
        Bounds b = n.getLayoutBounds();
        r.setPrefSize(b.getWidth(), b.getHeight());
        r.setMinHeight(b.getHeight());
        return r;
    }

    private void unparkChrome() {
        setTop(parkedTop);
        setCenter(parkedCenter);
        parkedTop = null;
        parkedCenter = null;
        applyCss();
    }

    /** Puts parked blocks back, in view first, until {@code deadline}; styled and measured now, so the budget counts them. */
    private void unparkBlocks(long deadline) {
        var it = parked.entrySet().iterator();
        while (it.hasNext() && System.nanoTime() < deadline) {
            var e = it.next();
            it.remove();
            parkedInView = Math.max(0, parkedInView - 1);
            if (e.getKey().getParent() instanceof Pane page) {
                int i = page.getChildren().indexOf(e.getKey());
                Node block = e.getValue();
                page.getChildren().set(i, block);
                MarkdownView.styleAndMeasure(block, page);
            }
        }
    }

    /** True while the header or body, or some of the blocks that were in view, are still parked out of the scene. */
    public boolean inViewParked() {
        return parkedCenter != null || parkedInView > 0;
    }

    /** True while some of the page's blocks are parked out of the scene. */
    public boolean blocksParked() {
        return !parked.isEmpty();
    }

    /** True while the page on show is still being filled in. */
    public boolean pageFilling() {
        return filling != null;
    }

    private void showNoDocs() {
        filler.stop();
        filling = null;
        forgetParkedBlocks();
        currentPath.set(null);
        pageTitle.setText("Documentation");
        Label none = new Label("No documentation pages were found. They are read from content/ in the working "
                + "directory, from the application's resources, or from the directory named by -D"
                + DocsLibrary.CONTENT_DIR_PROPERTY + ".");
        none.setWrapText(true);
        none.getStyleClass().add("docs-empty");
        pageBox.getChildren().setAll(none);
    }

    /**
     * Follows a link on page {@code from}: another page, a heading ({@code #free-lists},
     * {@code buddy.md#free-lists}), or (notebooks, web) whatever the app does with it.
     */
    public void follow(String from, String href) {
        if (href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || href.contains(".ipynb")) {
            otherLinks.accept(href);
            return;
        }
        String fragment = Anchors.fragmentOf(href);
        if (href.startsWith("#")) {
            scrollToHeading(fragment);
            return;
        }
        Optional<DocsLibrary.Page> page = library.get().resolve(from, href);
        if (page.isEmpty()) {
            otherLinks.accept(href);
            return;
        }
        show(page.get().path());
        if (fragment != null) {
            scrollToHeading(fragment);
        }
    }

    /** Scrolls the page on show to the heading {@code fragment} names (GitHub or Jupyter style); false if none. */
    public boolean scrollToHeading(String fragment) {
        // The heading may be further down than the blocks filled in so far.
        finishPage();
        Node heading = pageBox.getChildren().isEmpty() ? null
                : MarkdownView.headingNode(pageBox.getChildren().getFirst(), fragment);
        if (heading == null) {
            return false;
        }
        pin.pin(heading);
        return true;
    }

    public void back() {
        String previous = history.poll();
        backButton.setDisable(history.isEmpty());
        if (previous != null) {
            show(previous, false);
        }
    }

    private void refreshList() {
        String q = search.getText();
        if (!q.isBlank()) {
            List<DocsLibrary.Hit> hits = library.get().search(q);
            list.getItems().setAll(hits);
            listHeading.setText(hits.isEmpty() ? "No page mentions \u201c" + q.strip() + "\u201d"
                    : hits.size() == 1 ? "1 page" : hits.size() + " pages");
            showList(true);
        } else if (pagesButton.isSelected()) {
            list.getItems().setAll(library.get().pages());
            listHeading.setText("All pages");
            showList(true);
        } else {
            showList(false);
        }
    }

    private void showList(boolean on) {
        listBox.setVisible(on);
        pageScroll.setVisible(!on);
    }

    private void openSelected() {
        Object o = list.getSelectionModel().getSelectedItem();
        if (o instanceof DocsLibrary.Page p) {
            show(p.path());
        } else if (o instanceof DocsLibrary.Hit h) {
            show(h.page().path());
        }
    }

    /** A page title with its summary or a search snippet below it. */
    private static final class EntryCell extends ListCell<Object> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(title, detail);

        EntryCell() {
            title.getStyleClass().add("docs-entry-title");
            detail.getStyleClass().add("docs-entry-detail");
            detail.setWrapText(true);
            box.getStyleClass().add("docs-entry");
            box.setMinWidth(0);
            box.setPrefWidth(1);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            DocsLibrary.Page page = item instanceof DocsLibrary.Hit h ? h.page() : (DocsLibrary.Page) item;
            title.setText((page.isApi() ? "API \u00b7 " : "") + page.title());
            String text = item instanceof DocsLibrary.Hit h ? h.snippet() : page.summary();
            detail.setText(text);
            detail.setVisible(!text.isBlank());
            detail.setManaged(!text.isBlank());
            Region r = box;
            setGraphic(r);
        }
    }
}
