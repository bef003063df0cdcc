package dev.pageframe.ui.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.IntPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Zoom and value readout for a chart with a numeric x axis.
 *
 * <ul>
 *   <li>Drag across the plot to zoom the x axis to that span; Ctrl+scroll (or pinch) zooms around
 *       the pointer; a double-click, or {@link #reset()}, shows everything again. Plain scrolling is
 *       left alone so that the notebook still scrolls over a chart.</li>
 *   <li>For dense series (symbols off) a crosshair follows the pointer with a readout of each
 *       shown series' nearest point.</li>
 * </ul>
 * Everything drawn sits on a mouse-transparent overlay above the chart.
 */
final class XyControls {

    private static final double MIN_DRAG = 6;

    private final XYChart<Number, Number> chart;
    private final NumberAxis xAxis;
    private final ValueAxis<Number> yAxis;
    private final Pane overlay;
    private final List<String> names;
    private final List<double[]> xs;
    private final List<double[]> ys;
    private final IntPredicate shown;
    private final DoubleFunction<String> xFormat;
    private final DoubleFunction<String> yFormat;
    private final boolean readoutEnabled;

    private final Rectangle zoomBox = new Rectangle();
    private final Line crosshair = new Line();
    private final VBox readout = new VBox();
    private final Label readoutX = new Label();
    private final List<HBox> readoutRows = new ArrayList<>();
    private final List<Label> readoutValues = new ArrayList<>();
    private final List<Circle> dots = new ArrayList<>();
    private final BooleanProperty zoomed = new SimpleBooleanProperty(this, "zoomed", false);

    private double pressSceneX = Double.NaN;
    private final double fullLo;
    private final double fullHi;
    private final double xDivisor;

    /**
     * @param fullLo smallest x of the data: zooming never goes past it
     * @param fullHi largest x of the data
     * @param xDivisor the x unit's display magnitude, so zoomed ticks stay round in it
     */
    XyControls(XYChart<Number, Number> chart, NumberAxis xAxis, ValueAxis<Number> yAxis, Pane overlay,
            List<String> names, List<double[]> xs, List<double[]> ys, IntPredicate shown,
            DoubleFunction<String> xFormat, DoubleFunction<String> yFormat, boolean readoutEnabled,
            double fullLo, double fullHi, double xDivisor) {
        this.fullLo = fullLo;
        this.fullHi = fullHi;
        this.xDivisor = xDivisor;
        this.chart = chart;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.overlay = overlay;
        this.names = names;
        this.xs = xs;
        this.ys = ys;
        this.shown = shown;
        this.xFormat = xFormat;
        this.yFormat = yFormat;
        this.readoutEnabled = readoutEnabled;

        zoomBox.getStyleClass().add("chart-zoom-box");
        zoomBox.setVisible(false);
        crosshair.getStyleClass().add("chart-crosshair");
        crosshair.setVisible(false);
        readout.getStyleClass().add("chart-readout");
        readout.setVisible(false);
        readoutX.getStyleClass().add("chart-readout-x");
        readout.getChildren().add(readoutX);
        for (int i = 0; i < names.size(); i++) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("chart-swatch", "default-color" + (i % 8));
            Label value = new Label();
            value.getStyleClass().add("chart-readout-value");
            HBox row = new HBox(swatch, value);
            row.getStyleClass().add("chart-readout-row");
            readoutRows.add(row);
            readoutValues.add(value);
            readout.getChildren().add(row);
            Circle dot = new Circle(4);
            dot.getStyleClass().addAll("chart-readout-dot", "default-color" + (i % 8));
            dot.setVisible(false);
            dots.add(dot);
        }
        overlay.getChildren().add(zoomBox);
        overlay.getChildren().add(crosshair);
        overlay.getChildren().addAll(dots);
        overlay.getChildren().add(readout);
        // Placed by hand; the overlay must not grow to hold them.
        overlay.getChildren().forEach(n -> n.setManaged(false));
        overlay.setMouseTransparent(true);

        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && inPlot(e.getSceneX(), e.getSceneY())) {
                reset();
            }
        });
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getSceneX(), e.getSceneY()));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideReadout());
        chart.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0 && inPlot(e.getSceneX(), e.getSceneY())) {
                zoomAround(e.getSceneX(), e.getSceneY(), e.getDeltaY() > 0 ? 0.8 : 1.25);
                e.consume();
            }
        });
        chart.addEventHandler(ZoomEvent.ZOOM, e -> {
            if (inPlot(e.getSceneX(), e.getSceneY()) && e.getZoomFactor() > 0) {
                zoomAround(e.getSceneX(), e.getSceneY(), 1 / e.getZoomFactor());
                e.consume();
            }
        });
    }

    /** True while the x axis shows less than all the data. */
    BooleanProperty zoomedProperty() {
        return zoomed;
    }

    boolean isZoomed() {
        return zoomed.get();
    }

    /** Shows all the data again. */
    void reset() {
        AxisFormat.setRange(xAxis, fullLo, fullHi, xDivisor, ChartOutputView.X_TICKS);
        zoomed.set(false);
    }

    /** Shows x values in [lo, hi] (widened to round ticks) only. */
    void zoomTo(double lo, double hi) {
        if (!(hi > lo)) {
            return;
        }
        lo = Math.max(lo, fullLo);
        hi = Math.min(hi, fullHi);
        if (!(hi > lo) || (lo <= fullLo && hi >= fullHi)) {
            reset();
            return;
        }
        AxisFormat.setRange(xAxis, lo, hi, xDivisor, 8);
        zoomed.set(xAxis.getLowerBound() > fullLo || xAxis.getUpperBound() < fullHi);
    }

    /** The readout box, for tests. */
    VBox readout() {
        return readout;
    }

    /** The readout's text, line by line, as a person reads it. */
    String readoutText() {
        StringBuilder b = new StringBuilder(readoutX.getText());
        for (int i = 0; i < readoutRows.size(); i++) {
            if (readoutRows.get(i).isVisible()) {
                b.append('\n').append(readoutValues.get(i).getText());
            }
        }
        return b.toString();
    }

    private Bounds plotBounds() {
        Region plot = (Region) chart.lookup(".chart-plot-background");
        return plot == null ? null : plot.localToScene(plot.getLayoutBounds());
    }

    private boolean inPlot(double sceneX, double sceneY) {
        Bounds b = plotBounds();
        return b != null && b.contains(sceneX, sceneY);
    }

    private double xValueAt(double sceneX, double sceneY) {
        return xAxis.getValueForDisplay(xAxis.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && inPlot(e.getSceneX(), e.getSceneY())) {
            pressSceneX = e.getSceneX();
        }
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(pressSceneX)) {
            return;
        }
        Bounds plot = plotBounds();
        if (plot == null) {
            return;
        }
        hideReadout();
        double a = Math.max(plot.getMinX(), Math.min(plot.getMaxX(), pressSceneX));
        double b = Math.max(plot.getMinX(), Math.min(plot.getMaxX(), e.getSceneX()));
        Point2D topLeft = overlay.sceneToLocal(Math.min(a, b), plot.getMinY());
        Point2D bottomRight = overlay.sceneToLocal(Math.max(a, b), plot.getMaxY());
        zoomBox.setX(topLeft.getX());
        zoomBox.setY(topLeft.getY());
        zoomBox.setWidth(bottomRight.getX() - topLeft.getX());
        zoomBox.setHeight(bottomRight.getY() - topLeft.getY());
        zoomBox.setVisible(true);
        e.consume();
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(pressSceneX)) {
            return;
        }
        double start = pressSceneX;
        pressSceneX = Double.NaN;
        zoomBox.setVisible(false);
        Bounds plot = plotBounds();
        if (plot == null || Math.abs(e.getSceneX() - start) < MIN_DRAG) {
            return;
        }
        double a = Math.max(plot.getMinX(), Math.min(plot.getMaxX(), start));
        double b = Math.max(plot.getMinX(), Math.min(plot.getMaxX(), e.getSceneX()));
        double va = xValueAt(a, plot.getMinY());
        double vb = xValueAt(b, plot.getMinY());
        zoomTo(Math.min(va, vb), Math.max(va, vb));
        e.consume();
    }

    private void zoomAround(double sceneX, double sceneY, double factor) {
        double center = xValueAt(sceneX, sceneY);
        double lo = xAxis.getLowerBound();
        double hi = xAxis.getUpperBound();
        zoomTo(center - (center - lo) * factor, center + (hi - center) * factor);
    }

    private void hover(double sceneX, double sceneY) {
        if (!readoutEnabled || !Double.isNaN(pressSceneX)) {
            return;
        }
        Bounds plot = plotBounds();
        if (plot == null || !plot.contains(sceneX, sceneY)) {
            hideReadout();
            return;
        }
        double x = xValueAt(sceneX, sceneY);
        double shownX = Double.NaN;
        boolean any = false;
        for (int i = 0; i < names.size(); i++) {
            int at = nearest(xs.get(i), x);
            boolean visible = shown.test(i) && at >= 0;
            readoutRows.get(i).setVisible(visible);
            readoutRows.get(i).setManaged(visible);
            dots.get(i).setVisible(false);
            if (!visible) {
                continue;
            }
            double px = xs.get(i)[at];
            double py = ys.get(i)[at];
            if (Double.isNaN(shownX)) {
                shownX = px;
            }
            any = true;
            readoutValues.get(i).setText(names.get(i) + ": " + yFormat.apply(py));
            double dx = xAxis.localToScene(xAxis.getDisplayPosition(px), 0).getX();
            double dy = yAxis.localToScene(0, yAxis.getDisplayPosition(py)).getY();
            if (plot.contains(dx, dy)) {
                Point2D p = overlay.sceneToLocal(dx, dy);
                dots.get(i).setCenterX(p.getX());
                dots.get(i).setCenterY(p.getY());
                dots.get(i).setVisible(true);
            }
        }
        if (!any) {
            hideReadout();
            return;
        }
        readoutX.setText(xAxis.getLabel().isEmpty() ? xFormat.apply(shownX)
                : xAxis.getLabel().replaceFirst(" \\(.*\\)$", "") + ": " + xFormat.apply(shownX));
        Point2D top = overlay.sceneToLocal(sceneX, plot.getMinY());
        Point2D bottom = overlay.sceneToLocal(sceneX, plot.getMaxY());
        crosshair.setStartX(top.getX());
        crosshair.setEndX(top.getX());
        crosshair.setStartY(top.getY());
        crosshair.setEndY(bottom.getY());
        crosshair.setVisible(true);
        readout.setVisible(true);
        readout.applyCss();
        readout.autosize();
        double w = readout.getWidth();
        double left = top.getX() + 14;
        Point2D plotRight = overlay.sceneToLocal(plot.getMaxX(), plot.getMinY());
        if (left + w > plotRight.getX()) {
            left = top.getX() - 14 - w;
        }
        readout.relocate(Math.max(0, left), top.getY() + 8);
    }

    private void hideReadout() {
        crosshair.setVisible(false);
        readout.setVisible(false);
        for (Circle dot : dots) {
            dot.setVisible(false);
        }
    }

    /** The index of the x nearest {@code x} in an ascending array, or -1 when it is empty. */
    static int nearest(double[] sorted, double x) {
        if (sorted.length == 0) {
            return -1;
        }
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(sorted[lo - 1] - x) <= Math.abs(sorted[lo] - x)) {
            return lo - 1;
        }
        return lo;
    }
}
