package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellIds;
import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.common.Focus;
import dev.pageframe.ui.common.FrameBudget;
import dev.pageframe.ui.common.FrameQueue;
import dev.pageframe.ui.common.Viewports;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A notebook as one scrolling page of cell cards. Only the page scrolls: the wheel scrolls it even over an
 * editor, and editors are as tall as their text. Cards are built lazily: every cell gets a cheap placeholder
 * of about its height, and the real view is made when the placeholder comes near the viewport, a few per
 * frame, so a long notebook opens at once and the FX thread never stalls.
 *
 * <p>Keyboard follows Jupyter: command mode (the page has focus) and edit mode (an editor has focus).
 */
public final class NotebookView extends StackPane {
    /** The most cards made in one frame: each costs several milliseconds of styling and layout afterwards. */
    private static final int MAX_BUILDS_PER_FRAME = 2;
    private static final long SETTLE_MILLIS = 250;
    private static final long SLOW_FRAME_NANOS = 30_000_000L;

    private final NotebookDocument document;
    private final NotebookServices services;
    private final Executor background;
    private final JavaSyntax syntax = JavaSyntax.forKernel();
    private final ScrollPane scroller = new ScrollPane();
    private final Column column = new Column();
    private final StackPane page = new StackPane(column);
    private final Map<CellModel, Slot> slots = new IdentityHashMap<>();
    private final ObjectProperty<CellModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty editMode = new SimpleBooleanProperty(this, "editMode");
    private boolean buildsHeld;
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 14);
    private final AnimationTimer builder;
    /** Editors made ahead of use, swapped into their cards one per frame that nothing else used. */
    private final FrameQueue editorSwaps = new FrameQueue(true);
    private Runnable onFirstPage;
    /** When the builder last ran (0 while it is stopped), to notice slow frames. */
    private long lastBuildFrame;
    private boolean builderRunning;
    /** When a card was last made or brought back into the scene (System.nanoTime), 0 before the first. */
    private long lastCardBuilt;
    private Slot anchor;
    private double anchorOffset;
    private boolean adjusting;
    private boolean draggingScrollBar;
    /** Set when the user moves the selection, cleared when they scroll: keeps the selected cell in view. */
    private boolean followSelection;
    private Cell clipboard;
    /** How many times a cell's height was worked out rather than remembered (tests watch layout cost). */
    private long cellMeasurements;

    public NotebookView(NotebookDocument document, NotebookServices services, Executor background) {
        this.document = Objects.requireNonNull(document);
        this.services = Objects.requireNonNull(services);
        this.background = Objects.requireNonNull(background);
        getStyleClass().add("notebook-view");
        setFocusTraversable(true);
        column.getStyleClass().add("notebook-page");
        column.setMaxWidth(1100);
        column.setFillWidth(true);
        page.getStyleClass().add("notebook-page-holder");
        page.setAlignment(Pos.TOP_CENTER);
        scroller.setContent(page);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroller.setFocusTraversable(false);
        scroller.getStyleClass().add("notebook-scroller");
        getChildren().add(scroller);

        builder = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (getScene() == null) {
                    // Out of the scene (a closed tab, the start-up warm-up page): a running timer would keep the
                    // view alive and the toolkit pulsing. Joining a scene starts it again.
                    stopBuilder();
                    return;
                }
                if (buildsHeld || FrameBudget.spent(now)) {
                    return; // held for a change of look, or other deferred work had this frame
                }
                // A new card is cheap to make, but styling and laying it out (next pulse) is not: after a slow
                // frame, make only one card, so no frame grows past the budget.
                boolean slow = lastBuildFrame != 0 && now - lastBuildFrame > SLOW_FRAME_NANOS;
                lastBuildFrame = now;
                buildVisible(slow, FrameBudget.deadline(now));
            }
        };

        // One scrollbar: the wheel always moves the page, whatever is under the mouse. Ctrl+wheel is left to
        // what is under it: it zooms a chart's x axis.
        page.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!e.isShortcutDown() && Math.abs(e.getDeltaY()) >= Math.abs(e.getDeltaX()) && e.getDeltaY() != 0) {
                e.consume();
                followSelection = false;
                scrollBy(-e.getDeltaY());
            }
        });
        // Only the user's own scrolling (the wheel above, the scroll bar here, keys) moves the anchor; the
        // scroll pane also changes its value when the page grows, and that must not.
        scroller.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isInScrollBar(e.getPickResult().getIntersectedNode())) {
                draggingScrollBar = true;
                followSelection = false;
            }
        });
        scroller.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> draggingScrollBar = false);
        scroller.vvalueProperty().addListener((obs, was, now) -> {
            if (!adjusting && draggingScrollBar) {
                rememberAnchor();
            }
            startBuilder();
        });
        scroller.viewportBoundsProperty().addListener((obs, was, now) -> startBuilder());
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                startBuilder();
            }
        });
        Viewports.uncache(scroller);
        addEventHandler(KeyEvent.KEY_PRESSED, new CommandKeys(this)::handle);
        page.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            Node picked = e.getPickResult().getIntersectedNode();
            Slot slot = slotOf(picked);
            if (slot != null) {
                select(slot.cell);
                // Command mode, unless the click went to something that takes the focus itself (an editor, a
                // control in an output).
                if (!wantsFocus(picked, slot)) {
                    requestFocus();
                }
            }
        });
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, a, owner) -> updateMode(owner));
            }
        });
        selected.addListener((obs, was, now) -> {
            if (was != null) {
                Slot s = slots.get(was);
                if (s != null) {
                    s.getStyleClass().remove("selected");
                    if (s.view != null) {
                        s.view.leaveEdit();
                    }
                }
            }
            if (now != null) {
                Slot s = slots.get(now);
                if (s != null) {
                    s.getStyleClass().add("selected");
                    if (s.view != null) {
                        s.view.selected();
                    }
                }
            }
        });
        document.cells().addListener((ListChangeListener<CellModel>) c -> syncSlots());
        syncSlots();
        if (!document.cells().isEmpty()) {
            selected.set(document.cells().getFirst());
        }
        startBuilder();
    }

    // ---- accessors ----

    /** False when the notebook is open read-only (written for another kernel): editors take no typing. */
    boolean editable() {
        return !document.isReadOnly();
    }

    public NotebookDocument document() {
        return document;
    }

    NotebookServices services() {
        return services;
    }

    /**
     * Runs {@code swap} in a later frame that no other deferred work touched: for an editor made ahead, whose
     * first layout (RichTextFX makes a box per line to measure its height) takes 25-30 ms on its own.
     */
    void inFreeFrame(Runnable swap) {
        editorSwaps.post(swap);
    }

    /** True while an editor made ahead waits for a free frame to be swapped into its card. */
    public boolean editorSwapPending() {
        return editorSwaps.pending();
    }

    Executor background() {
        return background;
    }

    JavaSyntax syntax() {
        return syntax;
    }

    public ObjectProperty<CellModel> selectedProperty() {
        return selected;
    }

    public CellModel selected() {
        return selected.get();
    }

    /** How many times a cell's height has been worked out from its content rather than remembered. */
    public long cellMeasurements() {
        return cellMeasurements;
    }

    /** True while an editor has the focus (Jupyter's edit mode). */
    public ReadOnlyBooleanProperty editModeProperty() {
        return editMode;
    }

    /** The base font size in px, so placeholders guess heights at the current zoom. */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** Called once, when the cells of the first screen are built. */
    public void setOnFirstPage(Runnable r) {
        this.onFirstPage = r;
    }

    /** The view of a cell if it has been built (tests and the outline use it). */
    public Node viewOf(CellModel cell) {
        Slot s = slots.get(cell);
        return s == null ? null : s.view;
    }

    /**
     * Takes built cards out of the scene before a change of look (theme, zoom) restyles every node in it in one
     * pulse: with a long notebook scrolled through, 100-200 ms, and parked cards are not in it. The builder brings
     * them back a frame's budget at a time, those in view in the next frames, the others when they near the
     * viewport. With {@code inViewToo} false the cards in view and the selected card stay, for when nothing covers
     * the page meanwhile; a card holding the focus always stays.
     */
    public void parkCards(boolean inViewToo) {
        if (scroller.getViewportBounds().getHeight() <= 0) {
            return;
        }
        double top = scrollOffset();
        double bottom = top + scroller.getViewportBounds().getHeight();
        boolean parkedInView = false;
        for (Node n : column.getChildren()) {
            Slot s = (Slot) n;
            if (!s.shown() || !s.isManaged() || Focus.heldIn(s)) {
                continue;
            }
            double y = slotTop(s);
            boolean inView = y + s.getHeight() >= top && y <= bottom;
            if (inViewToo || !inView && s.cell != selected.get()) {
                s.park();
                parkedInView |= inView;
            }
        }
        if (parkedInView) {
            startBuilder();
        }
    }

    /**
     * Holds cards back (none is built or brought back) until {@link #resumeBuilds()}: between parking the cards
     * for a change of look and the frame that restyles, a card brought back would be restyled with the rest.
     */
    public void holdBuilds() {
        buildsHeld = true;
    }

    private void startBuilder() {
        builderRunning = true;
        builder.start();
    }

    private void stopBuilder() {
        builderRunning = false;
        lastBuildFrame = 0;
        builder.stop();
    }

    /** True while the card builder's timer runs (it stops once nothing near the viewport is left to make). */
    public boolean building() {
        return builderRunning;
    }

    /** Ends {@link #holdBuilds()}: cards come back from the next frame. */
    public void resumeBuilds() {
        buildsHeld = false;
        startBuilder();
    }

    /** True when every card in the viewport is built and in the scene (none waits or is parked). */
    public boolean pageInViewShown() {
        double top = scrollOffset();
        return !hasUnbuiltOnScreen(top, top + scroller.getViewportBounds().getHeight());
    }

    /**
     * True while the page is still making cards (some in view are not shown yet, or one was made in the last
     * {@value #SETTLE_MILLIS} ms, as while scrolling over cards not made before): work beside the notebook, such as
     * filling the documentation page, waits for it. Sampled on cold starts, a docs table row (Hyperlink controls
     * to style and measure) took 25 ms and landed in the frames of a scroll down a freshly opened notebook.
     */
    public boolean settling() {
        return !pageInViewShown()
                || (lastCardBuilt != 0 && System.nanoTime() - lastCardBuilt < SETTLE_MILLIS * 1_000_000L);
    }

    /** True if the cell's card is built and in the scene (not parked). */
    public boolean isShown(CellModel cell) {
        Slot s = slots.get(cell);
        return s != null && s.shown();
    }

    /** Builds, styles and lays out every card now, whatever is in view: for a page made only to warm up. */
    public void buildEveryCard() {
        for (Node n : column.getChildren()) {
            Slot s = (Slot) n;
            s.build();
            s.applyCss();
        }
        layout();
    }

    /** The editor of a cell, building the cell's view if it is not built yet. */
    public CellEditor editorOf(CellModel cell) {
        Slot s = slots.get(cell);
        if (s == null) {
            return null;
        }
        s.build();
        return s.view.editor();
    }

    // ---- slots and lazy building ----

    private void syncSlots() {
        List<Node> children = new ArrayList<>(document.cells().size());
        Map<CellModel, Slot> keep = new IdentityHashMap<>();
        for (CellModel c : document.cells()) {
            Slot s = slots.remove(c);
            if (s == null) {
                s = new Slot(c);
            }
            keep.put(c, s);
            children.add(s);
        }
        for (Slot gone : slots.values()) {
            gone.dispose();
        }
        slots.clear();
        slots.putAll(keep);
        column.getChildren().setAll(children);
        CellModel sel = selected.get();
        if (sel != null && !slots.containsKey(sel)) {
            selected.set(null);
        }
        if (sel != null && slots.containsKey(sel)) {
            slots.get(sel).getStyleClass().add("selected");
        }
        startBuilder();
    }

    /** One cell's place on the page: a placeholder until the view is built. */
    private final class Slot extends StackPane {
        final CellModel cell;
        CellView view;
        final Region placeholder = new Region();
        private final javafx.util.Subscription typeSub;
        private boolean parked;

        Slot(CellModel cell) {
            this.cell = cell;
            getStyleClass().add("cell-slot");
            setAlignment(Pos.TOP_LEFT);
            placeholder.getStyleClass().add("cell-placeholder");
            placeholder.setPrefHeight(estimateHeight(cell));
            getChildren().add(placeholder);
            visibleProperty().bind(cell.hiddenProperty().not());
            managedProperty().bind(cell.hiddenProperty().not());
            typeSub = cell.typeProperty().subscribe((was, now) -> {
                if (view != null) {
                    boolean focused = view.currentEditor() != null && view.currentEditor().isFocused();
                    view.dispose();
                    view = null;
                    build();
                    if (focused) {
                        requestFocus();
                    }
                }
            });
        }

        boolean built() {
            return view != null;
        }

        /** Built and in the scene, not {@linkplain #park() parked}. */
        boolean shown() {
            return view != null && !parked;
        }

        /**
         * Takes the card out of the scene, keeping it (editor, outputs and their state) for when it comes near
         * the viewport again; meanwhile a placeholder of its height stands in.
         */
        void park() {
            if (view == null || parked) {
                return;
            }
            placeholder.setPrefHeight(getHeight());
            getChildren().setAll(placeholder);
            parked = true;
        }

        // The page asks every cell for its height on each layout pass (wrapped text makes heights depend on
        // width), and the answer costs a text layout of the whole cell. Remember it until something inside the
        // cell asks for a new layout. Two widths, because a layout of the page asks at two, 8 px apart (the
        // scroll pane measuring the whole page, the column laying out its cells): with one entry they evicted
        // each other and every layout of the page re-measured every built cell (measured: 200 misses a pass).
        private double width1 = Double.NaN;
        private double height1;
        private double width2 = Double.NaN;
        private double height2;

        @Override
        protected double computePrefHeight(double width) {
            if (width == width1) {
                return height1;
            }
            if (width == width2) {
                return height2;
            }
            double h = super.computePrefHeight(width);
            cellMeasurements++;
            width2 = width1;
            height2 = height1;
            width1 = width;
            height1 = h;
            return h;
        }

        // A cell is never squeezed below its content (the page scrolls instead), and asking a built card for a
        // minimum height walks all its text again: each layout of the page did that for every built cell.
        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        public void requestLayout() {
            width1 = Double.NaN;
            width2 = Double.NaN;
            super.requestLayout();
        }

        /** Makes the card, or brings a parked one back into the scene. */
        void build() {
            if (shown()) {
                return;
            }
            lastCardBuilt = System.nanoTime();
            if (view == null) {
                view = switch (cell.type()) {
                    case CODE -> new CodeCellView(cell, NotebookView.this);
                    case MARKDOWN -> new MarkdownCellView(cell, NotebookView.this);
                    case RAW, UNKNOWN -> new RawCellView(cell, NotebookView.this);
                };
            }
            parked = false;
            getChildren().setAll(view);
        }

        void dispose() {
            typeSub.unsubscribe();
            if (view != null) {
                view.dispose();
            }
            visibleProperty().unbind();
            managedProperty().unbind();
        }
    }

    private double estimateHeight(CellModel c) {
        double line = fontSize.get() * 1.45;
        long lines = c.source().lines().count() + 1;
        double h = switch (c.type()) {
            case CODE -> lines * line + line * 1.5 + c.outputs().size() * line * 4;
            case MARKDOWN -> lines * line * 1.2 + line;
            case RAW, UNKNOWN -> lines * line + line;
        };
        return Math.max(line * 2.5, h);
    }

    /**
     * Builds the views of cells near the viewport (or brings parked ones back): those on screen until
     * {@code deadline} (the frame's {@link FrameBudget}) and at most {@value #MAX_BUILDS_PER_FRAME} per frame (one
     * after a slow frame), those just above or below it (built ahead, so scrolling finds them ready) one per
     * frame, which keeps every frame short.
     */
    private void buildVisible(boolean slowFrame, long deadline) {
        if (scroller.getViewportBounds().getHeight() <= 0) {
            return; // not laid out yet (the builder itself stops while the view is out of the scene)
        }
        double viewTop = scrollOffset();
        double viewHeight = scroller.getViewportBounds().getHeight();
        double viewBottom = viewTop + viewHeight;
        double top = viewTop - viewHeight * 0.5;
        double bottom = viewBottom + viewHeight;
        int builds = 0;
        boolean builtAny = false;
        boolean remaining = false;
        Slot ahead = null;
        for (Node n : column.getChildren()) {
            Slot s = (Slot) n;
            if (!s.isManaged()) {
                continue;
            }
            double y = slotTop(s);
            double h = s.getHeight();
            if (y + h < top) {
                continue;
            }
            if (y > bottom) {
                break;
            }
            if (s.shown()) {
                continue;
            }
            boolean onScreen = y + h >= viewTop && y <= viewBottom;
            if (!onScreen) {
                if (ahead == null) {
                    ahead = s;
                } else {
                    remaining = true;
                }
                continue;
            }
            if (builtAny && (slowFrame || builds >= MAX_BUILDS_PER_FRAME || System.nanoTime() > deadline)) {
                remaining = true;
                break;
            }
            s.build();
            // Styled and measured now rather than in this pulse's CSS and layout passes, so the budget above counts
            // what the card costs.
            s.applyCss();
            if (s.getWidth() > 0) {
                s.prefHeight(s.getWidth());
            }
            builds++;
            builtAny = true;
        }
        if (!builtAny && ahead != null) {
            ahead.build();
            builtAny = true;
        } else if (ahead != null) {
            remaining = true;
        }
        if (!builtAny && !remaining) {
            stopBuilder();
        }
        if (!remaining && onFirstPage != null && !hasUnbuiltOnScreen(viewTop, viewBottom)) {
            Runnable r = onFirstPage;
            onFirstPage = null;
            r.run();
        }
    }

    private boolean hasUnbuiltOnScreen(double viewTop, double viewBottom) {
        for (Node n : column.getChildren()) {
            Slot s = (Slot) n;
            if (!s.isManaged()) {
                continue;
            }
            double y = slotTop(s);
            if (y > viewBottom) {
                return false;
            }
            if (y + s.getHeight() >= viewTop && !s.shown()) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the cell at the top of the viewport in place while cells above it change height. */
    private final class Column extends VBox {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            Slot a = anchor;
            if (a != null && a.getParent() == this && a.isManaged()) {
                double wanted = slotTop(a) - anchorOffset;
                if (Math.abs(wanted - scrollOffset()) > 0.5) {
                    setScrollOffset(wanted);
                }
            }
            keepSelectionInView();
        }
    }

    /**
     * Outputs arriving above the selected cell push it down; while the user moves by keys, scroll just enough
     * that the top of the selected cell stays on screen.
     */
    private void keepSelectionInView() {
        Slot s = selected.get() == null ? null : slots.get(selected.get());
        if (!followSelection || s == null || !s.isManaged()) {
            return;
        }
        double view = scroller.getViewportBounds().getHeight();
        double peek = Math.min(s.getHeight(), fontSize.get() * 4);
        double bottom = slotTop(s) + peek;
        if (bottom > scrollOffset() + view) {
            setScrollOffset(bottom - view);
            rememberAnchor();
        }
    }

    private void rememberAnchor() {
        double offset = scrollOffset();
        anchor = null;
        for (Node n : column.getChildren()) {
            Slot s = (Slot) n;
            if (s.isManaged() && slotTop(s) + s.getHeight() > offset) {
                anchor = s;
                anchorOffset = slotTop(s) - offset;
                return;
            }
        }
    }

    private double slotTop(Slot s) {
        return column.getLayoutY() + s.getLayoutY();
    }

    private double maxOffset() {
        return Math.max(0, page.getHeight() - scroller.getViewportBounds().getHeight());
    }

    /** The height of the visible part of the page. */
    double viewportHeight() {
        return scroller.getViewportBounds().getHeight();
    }

    /** How far the page is scrolled, in pixels. */
    public double scrollOffset() {
        double max = maxOffset();
        double range = scroller.getVmax() - scroller.getVmin();
        return max == 0 ? 0 : (scroller.getVvalue() - scroller.getVmin()) / range * max;
    }

    private void setScrollOffset(double px) {
        double max = maxOffset();
        double v = max == 0 ? 0 : Math.max(0, Math.min(1, px / max));
        adjusting = true;
        try {
            scroller.setVvalue(scroller.getVmin() + v * (scroller.getVmax() - scroller.getVmin()));
        } finally {
            adjusting = false;
        }
        startBuilder();
    }

    /** Scrolls the page by {@code dy} pixels (positive: down), as the user does with the wheel or keys. */
    public void scrollBy(double dy) {
        followSelection = false;
        setScrollOffset(scrollOffset() + dy);
        rememberAnchor();
    }

    /** Scrolls so the cell's top is near the top of the page view, building it first. */
    public void scrollToCell(CellModel cell) {
        Slot s = slots.get(cell);
        if (s == null) {
            return;
        }
        column.layout();
        setScrollOffset(slotTop(s) - fontSize.get());
        anchor = s;
        anchorOffset = fontSize.get();
    }

    /**
     * Follows a {@code #heading} link: selects the Markdown cell with that heading (GitHub or Jupyter anchor)
     * and scrolls the heading to the top of the view. False when no heading matches.
     */
    public boolean scrollToHeading(String anchor) {
        return HeadingLinks.scrollTo(this, anchor);
    }

    /** Scrolls as little as needed to show the cell (or its top, if it is taller than the view). */
    public void reveal(CellModel cell) {
        Slot s = slots.get(cell);
        if (s == null || !s.isManaged()) {
            return;
        }
        double y = slotTop(s);
        double h = s.getHeight();
        double top = scrollOffset();
        double view = scroller.getViewportBounds().getHeight();
        double margin = fontSize.get();
        if (y < top + margin) {
            setScrollOffset(y - margin);
        } else if (y + h > top + view - margin) {
            setScrollOffset(Math.min(y - margin, y + h - view + margin));
        }
        rememberAnchor();
    }

    /** Keeps a rectangle given in screen coordinates (e.g. the caret) inside the page view. */
    void revealScreenBounds(Bounds screen) {
        Bounds local = page.screenToLocal(screen);
        if (local == null) {
            return;
        }
        double top = scrollOffset();
        double view = scroller.getViewportBounds().getHeight();
        double margin = fontSize.get() * 2;
        if (local.getMinY() < top + margin) {
            setScrollOffset(local.getMinY() - margin);
            rememberAnchor();
        } else if (local.getMaxY() > top + view - margin) {
            setScrollOffset(local.getMaxY() - view + margin);
            rememberAnchor();
        }
    }

    /** How many cells a folded heading hides right now. */
    int hiddenCountAfter(CellModel heading) {
        int i = document.cells().indexOf(heading);
        int n = 0;
        for (int j = i + 1; j >= 1 && j < document.cells().size() && document.cells().get(j).hiddenProperty().get(); j++) {
            n++;
        }
        return n;
    }

    // ---- selection and modes ----

    private Slot slotOf(Node node) {
        for (Node n = node; n != null && n != page; n = n.getParent()) {
            if (n instanceof Slot s) {
                return s;
            }
        }
        return null;
    }

    private static boolean wantsFocus(Node node, Node upTo) {
        for (Node n = node; n != null && n != upTo; n = n.getParent()) {
            if (n.isFocusTraversable() || n instanceof CellEditor) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInScrollBar(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollBar) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void updateMode(Node owner) {
        Slot slot = owner == null || !isInside(owner, this) ? null : slotOf(owner);
        boolean editing = slot != null && owner instanceof CellEditor;
        if (editing) {
            if (selected.get() != slot.cell) {
                selected.set(slot.cell);
            }
        }
        editMode.set(editing);
        for (Slot s : slots.values()) {
            boolean e = editing && s == slot;
            if (e) {
                if (!s.getStyleClass().contains("editing")) {
                    s.getStyleClass().add("editing");
                }
            } else {
                s.getStyleClass().remove("editing");
            }
        }
    }

    /** Selects a cell (command mode keeps the focus on the page). */
    public void select(CellModel cell) {
        if (cell == null || !slots.containsKey(cell)) {
            return;
        }
        selected.set(cell);
        Slot s = slots.get(cell);
        if (!s.isManaged()) {
            return;
        }
        s.build();
        reveal(cell);
        followSelection = true;
    }

    /** Enters edit mode on a cell. */
    public void edit(CellModel cell, boolean caretAtEnd) {
        Slot s = slots.get(cell);
        if (s == null) {
            return;
        }
        selected.set(cell);
        s.build();
        s.view.edit(caretAtEnd);
        reveal(cell);
        followSelection = true;
    }

    /** Leaves edit mode: the focus goes back to the page. */
    public void commandMode() {
        CellModel c = selected.get();
        if (c != null && slots.get(c) != null && slots.get(c).view != null) {
            slots.get(c).view.leaveEdit();
        }
        requestFocus();
    }

    private int selectedIndex() {
        return selected.get() == null ? -1 : document.cells().indexOf(selected.get());
    }

    /** The next cell up (-1) or down (+1) that is not folded away, or null. */
    CellModel neighbour(CellModel from, int direction) {
        int i = document.cells().indexOf(from);
        for (int j = i + direction; j >= 0 && j < document.cells().size(); j += direction) {
            CellModel c = document.cells().get(j);
            if (!c.hiddenProperty().get()) {
                return c;
            }
        }
        return null;
    }

    boolean editNeighbour(CellModel from, int direction) {
        CellModel n = neighbour(from, direction);
        if (n == null) {
            return false;
        }
        commandModeQuietly(from);
        edit(n, direction < 0);
        return true;
    }

    private void commandModeQuietly(CellModel c) {
        Slot s = slots.get(c);
        if (s != null && s.view != null) {
            s.view.leaveEdit();
        }
    }

    // ---- actions (menus, toolbar and keys call these) ----

    /** Runs the selected cell (Markdown renders) and stays on it. */
    public void runInPlace(CellModel cell) {
        if (cell == null) {
            return;
        }
        boolean editing = editMode.get();
        if (cell.type() != CellType.CODE) {
            commandModeQuietly(cell);
            if (editing) {
                requestFocus();
            }
            return;
        }
        document.run(List.of(cell));
    }

    /** Shift+Enter: runs the cell and selects the next one, adding a code cell at the end. */
    public void runAndAdvance(CellModel cell) {
        if (cell == null) {
            return;
        }
        runInPlace(cell);
        CellModel next = neighbour(cell, +1);
        if (next == null) {
            CellModel added = document.insertCell(document.cells().indexOf(cell) + 1, CellType.CODE);
            if (added != null) {
                edit(added, false);
            }
        } else {
            commandModeQuietly(cell);
            select(next);
            requestFocus();
        }
    }

    /** Alt+Enter: runs the cell and inserts a new code cell below it, in edit mode. */
    public void runAndInsertBelow(CellModel cell) {
        if (cell == null) {
            return;
        }
        runInPlace(cell);
        commandModeQuietly(cell);
        CellModel added = document.insertCell(document.cells().indexOf(cell) + 1, CellType.CODE);
        if (added != null) {
            edit(added, false);
        }
    }

    public void runSelected() {
        runInPlace(selected.get());
    }

    public void runSelectedAndAdvance() {
        runAndAdvance(selected.get());
    }

    public void runAll() {
        document.runAll();
    }

    public void runAbove() {
        if (selected.get() != null) {
            document.runAbove(selected.get());
        }
    }

    public void runBelow() {
        if (selected.get() != null) {
            document.runBelow(selected.get());
        }
    }

    /** Inserts a code cell above (-0) or below (+1) the selection and selects it. */
    public CellModel insert(boolean below, CellType type) {
        int i = selectedIndex();
        int at = i < 0 ? (below ? document.cells().size() : 0) : below ? i + 1 : i;
        CellModel added = document.insertCell(at, type);
        if (added != null) {
            select(added);
        }
        return added;
    }

    public void deleteSelected() {
        CellModel c = selected.get();
        if (c == null) {
            return;
        }
        CellModel next = neighbour(c, +1);
        if (next == null) {
            next = neighbour(c, -1);
        }
        document.deleteCell(c);
        if (next != null) {
            select(next);
        }
        requestFocus();
    }

    public void undoDelete() {
        CellModel back = document.undoDelete();
        if (back != null) {
            select(back);
        }
    }

    public void moveSelected(int delta) {
        CellModel c = selected.get();
        if (c != null) {
            document.moveCell(c, delta);
            selected.set(c);
            select(c);
        }
    }

    public void changeSelectedType(CellType type) {
        CellModel c = selected.get();
        if (c != null) {
            document.changeType(c, type);
            select(c);
        }
    }

    public void copySelected() {
        CellModel c = selected.get();
        if (c != null) {
            clipboard = c.toCell();
        }
    }

    public void pasteBelow() {
        if (clipboard == null) {
            return;
        }
        int i = selectedIndex();
        CellModel pasted = new CellModel(clipboard.withId(CellIds.random()));
        document.cells().add(i < 0 ? document.cells().size() : i + 1, pasted);
        document.markModified();
        select(pasted);
    }
}
