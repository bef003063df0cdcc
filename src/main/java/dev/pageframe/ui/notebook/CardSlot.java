package dev.pageframe.ui.notebook;

import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** One cell's place on the page: a placeholder of about its height until the card is built. */
final class CardSlot extends StackPane {
    final CellModel cell;
    CellView view;
    final Region placeholder = new Region();
    private final Cards cards;
    private final javafx.util.Subscription typeSub;
    private boolean parked;

    CardSlot(CellModel cell, Cards cards) {
        this.cell = cell;
        this.cards = cards;
        getStyleClass().add("cell-slot");
        setAlignment(Pos.TOP_LEFT);
        placeholder.getStyleClass().add("cell-placeholder");
        placeholder.setPrefHeight(cards.estimateHeight(cell));
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
        cards.measured();
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
        cards.cardBuilt();
        if (view == null) {
            view = cards.makeView(cell);
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
