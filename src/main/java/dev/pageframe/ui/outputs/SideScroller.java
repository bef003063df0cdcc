package dev.pageframe.ui.outputs;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Shows its content at the content's own width, so a row of a /proc table is never wrapped: when
 * that is wider than the room, the content is clipped and a horizontal scroll bar appears under it
 * (sideways wheel or shift+wheel scroll it too). Lighter than a ScrollPane: the bar is only made
 * once some content overflows, and nothing is cached as a bitmap.
 */
final class SideScroller extends Region {

    private final Node content;
    private final Rectangle clip = new Rectangle();
    private ScrollBar bar;

    SideScroller(Node content) {
        this.content = content;
        getStyleClass().add("output-side-scroller");
        getChildren().add(content);
        setClip(clip);
        setMinWidth(0);
        addEventFilter(ScrollEvent.SCROLL, e -> {
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : (e.isShiftDown() ? e.getDeltaY() : 0);
            if (dx != 0 && overflows()) {
                bar.setValue(clamp(bar.getValue() - dx));
                e.consume();
            }
        });
    }

    /** True when the content is wider than the room and the bar shows. */
    boolean overflows() {
        return bar != null && bar.isVisible();
    }

    /** How far the content is scrolled to the left, in pixels. */
    double scrolled() {
        return overflows() ? bar.getValue() : 0;
    }

    /** Scrolls so that {@code x} pixels of the content are left of the view (clamped). */
    void scrollTo(double x) {
        if (overflows()) {
            bar.setValue(clamp(x));
        }
    }

    private double clamp(double v) {
        return Math.max(bar.getMin(), Math.min(bar.getMax(), v));
    }

    private double contentWidth() {
        return snapSizeX(content.prefWidth(-1));
    }

    /** The height depends on the width (a bar under rows wider than it), so parents must pass the width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + contentWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double room = width < 0 ? Double.MAX_VALUE : width - snappedLeftInset() - snappedRightInset();
        double cw = Math.max(contentWidth(), width < 0 ? 0 : room);
        double h = content.prefHeight(cw);
        if (contentWidth() > room + 0.5) {
            h += barHeight();
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private double barHeight() {
        return bar == null ? 12 : Math.max(12, bar.prefHeight(-1));
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double room = getWidth() - left - snappedRightInset();
        double cw = Math.max(contentWidth(), room);
        double ch = content.prefHeight(cw);
        boolean scroll = cw > room + 0.5;
        if (scroll && bar == null) {
            bar = new ScrollBar();
            bar.setOrientation(Orientation.HORIZONTAL);
            bar.getStyleClass().add("output-side-scroll-bar");
            bar.valueProperty().addListener((obs, was, now) -> content.setTranslateX(-now.doubleValue()));
            getChildren().add(bar);
        }
        if (bar != null) {
            bar.setVisible(scroll);
            if (scroll) {
                double excess = cw - room;
                bar.setMin(0);
                bar.setMax(excess);
                bar.setVisibleAmount(excess * room / cw);
                bar.setUnitIncrement(24);
                bar.setBlockIncrement(room * 0.8);
                bar.setValue(clamp(bar.getValue()));
                bar.resizeRelocate(left, top + ch, room, barHeight());
            } else {
                bar.setValue(0);
            }
        }
        content.resizeRelocate(left, top, cw, ch);
        content.setTranslateX(scroll ? -bar.getValue() : 0);
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
    }
}
