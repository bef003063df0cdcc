package dev.pageframe.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * The outline and the documentation beside the notebook, shown as the View menu says. In a small window (or at a
 * large zoom) they give way before the notebook does: they narrow, down to a floor each, so the notebook keeps room
 * for a cell and its output rather than a column one word wide.
 */
final class SidePanes {
    /** The notebook's share of the width at 100% zoom before the side panes narrow: a cell and an 80-column table. */
    static final double NOTEBOOK_ROOM = 640;
    /** How narrow each side pane may get, at 100% zoom. */
    static final double OUTLINE_FLOOR = 130;
    static final double DOCS_FLOOR = 220;

    private final SplitPane split;
    private final Region outline;
    private final Node center;
    private final Region docs;
    private final BooleanProperty outlineShown;
    private final BooleanProperty docsShown;
    private final DoubleSupplier zoom;

    SidePanes(SplitPane split, Region outline, Node center, Region docs, BooleanProperty outlineShown,
            BooleanProperty docsShown, DoubleSupplier zoom) {
        this.split = split;
        this.outline = outline;
        this.center = center;
        this.docs = docs;
        this.outlineShown = outlineShown;
        this.docsShown = docsShown;
        this.zoom = zoom;
        SplitPane.setResizableWithParent(outline, false);
        SplitPane.setResizableWithParent(docs, false);
        outlineShown.addListener((obs, was, now) -> update());
        docsShown.addListener((obs, was, now) -> update());
        // A window made smaller squeezes the notebook first (the side panes keep their width): fit again when it
        // does, and when a larger window has room for panes that were narrowed.
        split.widthProperty().addListener((obs, was, now) -> {
            if (now.doubleValue() > 0 && (now.doubleValue() - sideWidths() < room() || narrowed())) {
                place();
                // The split pane's own layout for the new width keeps its side panes' old widths; place them after.
                Platform.runLater(this::place);
            }
        });
        update();
    }

    /** Shows the panes the View menu asks for, at their widths. */
    void update() {
        List<Node> items = new ArrayList<>();
        if (outlineShown.get()) {
            items.add(outline);
        }
        items.add(center);
        if (docsShown.get()) {
            items.add(docs);
        }
        split.getItems().setAll(items);
        place();
        // Again once the split pane has its real width.
        Platform.runLater(this::place);
    }

    /** The side panes' widths for a split this wide: their own widths, narrowed toward their floors if need be. */
    double[] widths(double width) {
        double z = zoom.getAsDouble();
        double o = outlineShown.get() ? outline.getPrefWidth() : 0;
        double d = docsShown.get() ? docs.getPrefWidth() : 0;
        double excess = o + d + room() - width;
        if (excess > 0) {
            double oCan = outlineShown.get() ? Math.max(0, o - OUTLINE_FLOOR * z) : 0;
            double dCan = docsShown.get() ? Math.max(0, d - DOCS_FLOOR * z) : 0;
            double share = oCan + dCan == 0 ? 0 : Math.min(1, excess / (oCan + dCan));
            o -= oCan * share;
            d -= dCan * share;
        }
        return new double[] {o, d};
    }

    private void place() {
        double w = split.getWidth() > 0 ? split.getWidth() : 1400;
        double[] side = widths(w);
        int i = 0;
        if (outlineShown.get()) {
            split.setDividerPosition(i++, Math.min(0.45, side[0] / w));
        }
        if (docsShown.get()) {
            split.setDividerPosition(i, Math.max(0.3, 1 - side[1] / w));
        }
    }

    private double room() {
        return NOTEBOOK_ROOM * zoom.getAsDouble();
    }

    /** What the shown side panes take now. */
    private double sideWidths() {
        return (outlineShown.get() ? outline.getWidth() : 0) + (docsShown.get() ? docs.getWidth() : 0);
    }

    /** Whether a pane is narrower than its own width because the window was small. */
    private boolean narrowed() {
        return (outlineShown.get() && outline.getWidth() + 1 < outline.getPrefWidth())
                || (docsShown.get() && docs.getWidth() + 1 < docs.getPrefWidth());
    }
}
