package dev.pageframe.ui.notebook;

import dev.pageframe.ui.common.Viewports;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The notebook page's one scrollbar and its anchor: the cell at the top of the viewport stays in place while
 * cells above it change height, and while the user moves the selection by keys the selected cell stays in view.
 * Only the user's own scrolling (wheel, scroll bar, keys) moves the anchor.
 */
final class PageScroll {
    private final NotebookView view;
    private final ScrollPane scroller = new ScrollPane();
    private final Column column = new Column();
    private final StackPane page = new StackPane(column);
    private Runnable onMoved = () -> { };
    private CardSlot anchor;
    private double anchorOffset;
    private boolean adjusting;
    private boolean draggingScrollBar;
    /** Set when the user moves the selection, cleared when they scroll: keeps the selected cell in view. */
    private boolean followSelection;

    PageScroll(NotebookView view) {
        this.view = view;
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
        // One scrollbar: the wheel moves the page, whatever is under the mouse, but for a scrolled output box
        // (Shift+O), which scrolls first until it reaches its end. Ctrl+wheel is left to what is under it: it zooms a
        // chart's x axis.
        page.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!e.isShortcutDown() && Math.abs(e.getDeltaY()) >= Math.abs(e.getDeltaX()) && e.getDeltaY() != 0) {
                e.consume();
                double dy = wheelStep(e);
                if (!scrollOutputBox(e.getTarget(), dy)) {
                    scrollBy(dy);
                }
            }
        });
        // The scroll pane also changes its value when the page grows, and that must not move the anchor.
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
            onMoved.run();
        });
        scroller.viewportBoundsProperty().addListener((obs, was, now) -> onMoved.run());
        Viewports.uncache(scroller);
    }

    /**
     * How far a scroll event moves the page. JavaFX gives a wheel's notch as its multiplier in pixels (40 on GTK, where
     * a touchpad's smooth scrolling comes in fractions of a notch). A notch moves as far as GTK's own scrolled views
     * move one, pow(page height, 2/3) (gtkrange.c: _gtk_range_get_wheel_delta): about 75 px on a 650 px page, where
     * 40 px crept through a long notebook. Elsewhere (other platforms' glass may use other multipliers, which were not
     * measured) and for events without a multiplier, the page moves by the event's pixels.
     */
    double wheelStep(ScrollEvent e) {
        if (GTK_WHEEL && e.getMultiplierY() > 1 && e.getTextDeltaYUnits() != ScrollEvent.VerticalTextScrollUnits.PAGES) {
            return -e.getDeltaY() / e.getMultiplierY() * Math.pow(Math.max(1, viewportHeight()), 2.0 / 3.0);
        }
        return -e.getDeltaY();
    }

    /** JavaFX on Linux scrolls through GTK's glass, whose wheel events {@link #wheelStep} counts in notches. */
    private static final boolean GTK_WHEEL = System.getProperty("os.name", "").startsWith("Linux");

    /** Runs whenever the page scrolls or the viewport changes (the card builder starts). */
    void setOnMoved(Runnable r) {
        this.onMoved = r;
    }

    ScrollPane scroller() {
        return scroller;
    }

    VBox column() {
        return column;
    }

    StackPane page() {
        return page;
    }

    void followSelection() {
        followSelection = true;
    }

    /** Keeps the cell at the top of the viewport in place while cells above it change height. */
    private final class Column extends VBox {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            CardSlot a = anchor;
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
        CardSlot s = view.selectedSlot();
        if (!followSelection || s == null || !s.isManaged()) {
            return;
        }
        double height = viewportHeight();
        double peek = Math.min(s.getHeight(), view.fontSizeProperty().get() * 4);
        double bottom = slotTop(s) + peek;
        if (bottom > scrollOffset() + height) {
            setScrollOffset(bottom - height);
            rememberAnchor();
        }
    }

    /** The cell at the top of the view: the first whose card reaches below {@code margin} under the viewport's top. */
    CellModel topCell(double margin) {
        CardSlot s = firstSlotBelow(scrollOffset() + margin);
        return s == null ? null : s.cell;
    }

    private void rememberAnchor() {
        double offset = scrollOffset();
        anchor = firstSlotBelow(offset);
        if (anchor != null) {
            anchorOffset = slotTop(anchor) - offset;
        }
    }

    /** The first laid-out card whose bottom is below {@code offset}, the page's y: the card the page shows there. */
    private CardSlot firstSlotBelow(double offset) {
        for (Node n : column.getChildren()) {
            CardSlot s = (CardSlot) n;
            if (s.isManaged() && slotTop(s) + s.getHeight() > offset) {
                return s;
            }
        }
        return null;
    }

    double slotTop(CardSlot s) {
        return column.getLayoutY() + s.getLayoutY();
    }

    private double maxOffset() {
        return Math.max(0, page.getHeight() - viewportHeight());
    }

    /** The height of the visible part of the page. */
    double viewportHeight() {
        return scroller.getViewportBounds().getHeight();
    }

    /** How far the page is scrolled, in pixels. */
    double scrollOffset() {
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
        onMoved.run();
    }

    /** Scrolls the page by {@code dy} pixels (positive: down), as the user does with the wheel or keys. */
    void scrollBy(double dy) {
        followSelection = false;
        setScrollOffset(scrollOffset() + dy);
        rememberAnchor();
    }

    /** Scrolls so the slot's top is near the top of the page view. */
    void scrollTo(CardSlot s) {
        double margin = view.fontSizeProperty().get();
        column.layout();
        setScrollOffset(slotTop(s) - margin);
        anchor = s;
        anchorOffset = margin;
    }

    /** Scrolls as little as needed to show the slot (or its top, if it is taller than the view). */
    void reveal(CardSlot s) {
        double y = slotTop(s);
        double h = s.getHeight();
        double top = scrollOffset();
        double height = viewportHeight();
        double margin = view.fontSizeProperty().get();
        if (y < top + margin) {
            setScrollOffset(y - margin);
        } else if (y + h > top + height - margin) {
            setScrollOffset(Math.min(y - margin, y + h - height + margin));
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
        double height = viewportHeight();
        double margin = view.fontSizeProperty().get() * 2;
        if (local.getMinY() < top + margin) {
            setScrollOffset(local.getMinY() - margin);
            rememberAnchor();
        } else if (local.getMaxY() > top + height - margin) {
            setScrollOffset(local.getMaxY() - height + margin);
            rememberAnchor();
        }
    }

    /** Scrolls the scrolled output box around {@code target} by {@code dy} px; false if there is none or it is at its end. */
    private static boolean scrollOutputBox(Object target, double dy) {
        for (Node n = target instanceof Node t ? t : null; n != null; n = n.getParent()) {
            if (n instanceof ScrollPane box && box.getStyleClass().contains(CodeCellView.OUTPUT_BOX)) {
                double range = box.getContent().getLayoutBounds().getHeight() - box.getViewportBounds().getHeight();
                if (range <= 0) {
                    return false;
                }
                double at = box.getVvalue() * range;
                double to = Math.max(0, Math.min(range, at + dy));
                if (to == at) {
                    return false;
                }
                box.setVvalue(to / range);
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
}
