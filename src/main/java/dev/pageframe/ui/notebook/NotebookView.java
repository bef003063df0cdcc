package dev.pageframe.ui.notebook;

import dev.pageframe.ui.common.FrameQueue;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * A notebook as one scrolling page of cell cards, and its selection. Only the page scrolls ({@link PageScroll}):
 * the wheel scrolls it even over an editor, and editors are as tall as their text. Cards are built lazily
 * ({@link Cards}), and the cell commands live in {@link CellCommands}.
 *
 * <p>Keyboard follows Jupyter: command mode (the page has focus) and edit mode (an editor has focus).
 */
public final class NotebookView extends StackPane {
    private final NotebookDocument document;
    private final NotebookServices services;
    private final Executor background;
    private final JavaSyntax syntax = JavaSyntax.forKernel();
    private final PageScroll scroll = new PageScroll(this);
    private final Cards cards = new Cards(this, scroll);
    private final CellCommands commands;
    private final NotebookFind find = new NotebookFind(this);
    private final ObjectProperty<CellModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty editMode = new SimpleBooleanProperty(this, "editMode");
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 14);
    /** Editors made ahead of use, swapped into their cards one per frame that nothing else used. */
    private final FrameQueue editorSwaps = new FrameQueue(true);

    public NotebookView(NotebookDocument document, NotebookServices services, Executor background) {
        this.document = Objects.requireNonNull(document);
        this.services = Objects.requireNonNull(services);
        this.background = Objects.requireNonNull(background);
        this.commands = new CellCommands(this, services.clipboard());
        getStyleClass().add("notebook-view");
        setFocusTraversable(true);
        getChildren().add(scroll.scroller());
        scroll.setOnMoved(() -> {
            cards.start();
            topCell.set(scroll.topCell(fontSizeProperty().get() * 2));
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                cards.start();
                now.focusOwnerProperty().addListener((o, a, owner) -> updateMode(owner));
            }
        });
        scroll.page().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            Node picked = e.getPickResult().getIntersectedNode();
            CardSlot slot = slotOf(picked);
            if (slot != null) {
                // What was clicked is on screen: selecting it must not scroll to its top (a tall cell's output
                // button would move from under the pointer before the click ends).
                selected.set(slot.cell);
                // Command mode, unless the click went to something that takes the focus itself (an editor, a
                // control in an output).
                if (!wantsFocus(picked, slot)) {
                    requestFocus();
                }
            }
        });
        selected.addListener((obs, was, now) -> {
            CardSlot before = cards.slot(was);
            if (before != null) {
                markSelected(before, false);
                if (before.view != null) {
                    before.view.leaveEdit();
                }
            }
            CardSlot after = cards.slot(now);
            if (after != null) {
                markSelected(after, true);
                if (after.view != null) {
                    after.view.selected();
                }
            }
        });
        document.cells().addListener((ListChangeListener<CellModel>) c -> syncCards());
        syncCards();
        if (!document.cells().isEmpty()) {
            selected.set(document.cells().getFirst());
        }
        cards.start();
    }

    private void syncCards() {
        cards.sync(document.cells());
        CellModel sel = selected.get();
        CardSlot s = cards.slot(sel);
        if (sel != null && s == null) {
            selected.set(null);
        } else if (s != null) {
            markSelected(s, true);
        }
    }

    /**
     * The style class at most once: a style class list keeps duplicates, and a card marked twice (each change of the
     * cell list marks the selected card again) stayed marked when the selection moved on.
     */
    private static void markSelected(CardSlot slot, boolean selected) {
        if (!selected) {
            slot.getStyleClass().removeAll("selected");
        } else if (!slot.getStyleClass().contains("selected")) {
            slot.getStyleClass().add("selected");
        }
    }

    // ---- accessors ----

    /** False when the notebook is open read-only (written for another kernel): editors take no typing. */
    boolean editable() {
        return !document.isReadOnly();
    }

    public NotebookDocument document() {
        return document;
    }

    /** Jupyter's cell commands on this page. */
    public CellCommands commands() {
        return commands;
    }

    /** Find and replace across this notebook's cells. */
    public NotebookFind find() {
        return find;
    }

    /** How many Find highlights the cell's card shows now: in its editor, or over its rendered Markdown. */
    public int findMarksShown(CellModel cell) {
        CardSlot s = cards.slot(cell);
        if (s == null || s.view == null) {
            return 0;
        }
        if (s.view instanceof MarkdownCellView md && md.editor() == null) {
            return md.findMarkCount();
        }
        CellEditor ed = s.view.currentEditor();
        return ed == null ? 0 : ed.findMarkCount();
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

    CardSlot selectedSlot() {
        return cards.slot(selected.get());
    }

    /** How many times a cell's height has been worked out from its content rather than remembered. */
    public long cellMeasurements() {
        return cards.measurements();
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
        cards.setOnFirstPage(r);
    }

    /** The view of a cell if it has been built (tests and the outline use it). */
    public Node viewOf(CellModel cell) {
        CardSlot s = cards.slot(cell);
        return s == null ? null : s.view;
    }

    // ---- cards ----

    /**
     * Takes built cards out of the scene before a change of look (theme, zoom) restyles every node in it in one
     * pulse: with a long notebook scrolled through, 100-200 ms, and parked cards are not in it. The builder brings
     * them back a frame's budget at a time, those in view in the next frames, the others when they near the
     * viewport. With {@code inViewToo} false the cards in view and the selected card stay, for when nothing covers
     * the page meanwhile; a card holding the focus always stays.
     */
    public void parkCards(boolean inViewToo) {
        cards.park(inViewToo, selected.get());
    }

    /**
     * Holds cards back (none is built or brought back) until {@link #resumeBuilds()}: between parking the cards
     * for a change of look and the frame that restyles, a card brought back would be restyled with the rest.
     */
    public void holdBuilds() {
        cards.hold();
    }

    /** True while the card builder's timer runs (it stops once nothing near the viewport is left to make). */
    public boolean building() {
        return cards.running();
    }

    /** Ends {@link #holdBuilds()}: cards come back from the next frame. */
    public void resumeBuilds() {
        cards.resume();
    }

    /** True when every card in the viewport is built and in the scene (none waits or is parked). */
    public boolean pageInViewShown() {
        return cards.pageInViewShown();
    }

    /**
     * True while the page is still making cards (some in view are not shown yet, or one was made in the last
     * quarter second, as while scrolling over cards not made before): work beside the notebook, such as filling
     * the documentation page, waits for it. Sampled on cold starts, a docs table row (Hyperlink controls to style
     * and measure) took 25 ms and landed in the frames of a scroll down a freshly opened notebook.
     */
    public boolean settling() {
        return cards.settling();
    }

    /** True if the cell's card is built and in the scene (not parked). */
    public boolean isShown(CellModel cell) {
        CardSlot s = cards.slot(cell);
        return s != null && s.shown();
    }

    /**
     * Builds, styles and measures the cards that fill the viewport now, from the top: for a page in a window's first
     * frame (the tour at start-up), laid out but not shown yet. The builder makes the rest as usual.
     */
    public void buildFirstScreen() {
        double height = scroll.viewportHeight();
        double filled = 0;
        for (CellModel c : document.cells()) {
            if (filled >= height) {
                return;
            }
            CardSlot s = cards.slot(c);
            if (s == null || !s.isManaged()) {
                continue;
            }
            s.build();
            s.applyCss();
            filled += s.getWidth() > 0 ? s.prefHeight(s.getWidth()) : cards.estimateHeight(c);
        }
    }

    /** The editor of a cell, building the cell's view if it is not built yet. */
    public CellEditor editorOf(CellModel cell) {
        CardSlot s = cards.slot(cell);
        if (s == null) {
            return null;
        }
        s.build();
        return s.view.editor();
    }

    // ---- scrolling ----

    /** The height of the visible part of the page. */
    double viewportHeight() {
        return scroll.viewportHeight();
    }

    private final javafx.beans.property.ReadOnlyObjectWrapper<CellModel> topCell =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /** The cell at the top of the view, kept current as the page scrolls (the outline follows it). */
    public javafx.beans.property.ReadOnlyObjectProperty<CellModel> topCellProperty() {
        return topCell.getReadOnlyProperty();
    }

    /** How far the page is scrolled, in pixels. */
    public double scrollOffset() {
        return scroll.scrollOffset();
    }

    /** Scrolls the page by {@code dy} pixels (positive: down), as the user does with the wheel or keys. */
    public void scrollBy(double dy) {
        scroll.scrollBy(dy);
    }

    /** Scrolls so the cell's top is near the top of the page view, building it first. */
    public void scrollToCell(CellModel cell) {
        CardSlot s = cards.slot(cell);
        if (s != null) {
            scroll.scrollTo(s);
        }
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
        CardSlot s = cards.slot(cell);
        if (s != null && s.isManaged()) {
            scroll.reveal(s);
        }
    }

    /** Keeps a rectangle given in screen coordinates (e.g. the caret) inside the page view. */
    void revealScreenBounds(Bounds screen) {
        scroll.revealScreenBounds(screen);
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

    private CardSlot slotOf(Node node) {
        for (Node n = node; n != null && n != scroll.page(); n = n.getParent()) {
            if (n instanceof CardSlot s) {
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

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void updateMode(Node owner) {
        CardSlot slot = owner == null || !isInside(owner, this) ? null : slotOf(owner);
        boolean editing = slot != null && owner instanceof CellEditor;
        if (editing && selected.get() != slot.cell) {
            selected.set(slot.cell);
        }
        editMode.set(editing);
        for (CardSlot s : cards.all()) {
            if (editing && s == slot) {
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
        CardSlot s = cards.slot(cell);
        if (s == null) {
            return;
        }
        selected.set(cell);
        if (!s.isManaged()) {
            return;
        }
        s.build();
        reveal(cell);
        scroll.followSelection();
    }

    /** Enters edit mode on a cell. */
    public void edit(CellModel cell, boolean caretAtEnd) {
        CardSlot s = cards.slot(cell);
        if (s == null) {
            return;
        }
        selected.set(cell);
        s.build();
        s.view.edit(caretAtEnd);
        reveal(cell);
        scroll.followSelection();
    }

    /** Leaves edit mode: the focus goes back to the page. */
    public void commandMode() {
        leaveEditQuietly(selected.get());
        requestFocus();
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
        leaveEditQuietly(from);
        edit(n, direction < 0);
        return true;
    }

    /** Takes the cell's editor out of edit mode without moving the focus. */
    void leaveEditQuietly(CellModel c) {
        CardSlot s = cards.slot(c);
        if (s != null && s.view != null) {
            s.view.leaveEdit();
        }
    }
}
