package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.AreaChart;
import dev.pageframe.execution.display.Axis;
import dev.pageframe.execution.display.AxisLabels;
import dev.pageframe.execution.display.BarChart;
import dev.pageframe.execution.display.CategorySeries;
import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.Histogram;
import dev.pageframe.execution.display.LineChart;
import dev.pageframe.execution.display.Series;
import dev.pageframe.execution.display.StackedBarChart;
import dev.pageframe.execution.display.Unit;
import dev.pageframe.execution.display.VndJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleFunction;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Line, area, bar, stacked bar and histogram charts from their
 * {@code application/vnd.pageframe.<kind>+json}, drawn with JavaFX charts and made to be explored:
 * tooltips on points and bars, a crosshair readout for dense series, x-axis zoom (see
 * {@link XyControls}), and one check box per series to hide it. Axes are titled with their units.
 */
public final class ChartOutputView extends VBox {

    /** Series longer than this are drawn without point symbols and explored with the crosshair. */
    static final int DENSE_POINTS = 300;
    /** Series longer than this (but not dense) keep their symbols for tooltips but show them only on hover. */
    static final int QUIET_POINTS = 40;
    static final double CHART_HEIGHT = 340;
    static final int X_TICKS = 10;
    static final int Y_TICKS = 6;

    private enum XyKind { LINE, AREA, STACKED_AREA }

    private final Chart spec;
    private final Label title = new Label();
    private final Button resetZoom = new Button("Reset zoom");
    private final StackPane plotStack = new StackPane();
    private final Pane overlay = new Pane();
    private final Label caption = new Label();
    private XYChart<?, Number> chart;
    private SeriesToggles toggles;
    private XyControls controls;
    private final List<XYChart.Series<?, Number>> fxSeries = new ArrayList<>();
    /** Values of each series' points as given, to restore after a stacked series was hidden (zeroed). */
    private final List<double[]> originalValues = new ArrayList<>();
    private boolean stacked;

    ChartOutputView(Chart spec) {
        this.spec = spec;
        getStyleClass().addAll("output-chart", "output-chart-" + spec.kind());
        setMinWidth(0);
        title.setText(spec.title());
        title.getStyleClass().add("output-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        resetZoom.getStyleClass().addAll("chart-reset-zoom", "small", "flat");
        resetZoom.setVisible(false);
        resetZoom.managedProperty().bind(resetZoom.visibleProperty());
        HBox header = new HBox(title, resetZoom);
        header.getStyleClass().add("output-header");
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        getChildren().add(header);
        overlay.getStyleClass().add("chart-overlay");
        overlay.setMinSize(0, 0);
        overlay.setPrefSize(0, 0);
        caption.getStyleClass().add("output-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        switch (spec) {
            case LineChart c -> buildXy(c.x(), c.y(), c.series(), XyKind.LINE);
            case AreaChart c -> buildXy(c.x(), c.y(), c.series(), c.stacked() ? XyKind.STACKED_AREA : XyKind.AREA);
            case BarChart c -> buildBars(c.x(), c.y(), c.categories(), c.series(), false);
            case StackedBarChart c -> buildBars(c.x(), c.y(), c.categories(), c.series(), true);
            case Histogram h -> buildHistogram(h);
            default -> throw new IllegalArgumentException("not a chart this view draws: " + spec.kind());
        }
        chart.getStyleClass().add("output-chart-plot");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(CHART_HEIGHT);
        chart.setMinHeight(240);
        chart.setMinWidth(0);
        plotStack.getChildren().setAll(chart, overlay);
        plotStack.setMinWidth(0);
        if (toggles != null) {
            getChildren().add(toggles);
        }
        getChildren().add(plotStack);
        if (!caption.getText().isEmpty()) {
            getChildren().add(caption);
        }
        if (spec.title().isBlank() && controls == null) {
            getChildren().remove(header);
        }
    }

    static Node render(MimeRequest request) {
        Chart c = VndJson.read(request.json());
        if (!(c instanceof LineChart || c instanceof AreaChart || c instanceof BarChart || c instanceof StackedBarChart
                || c instanceof Histogram)) {
            throw new IllegalArgumentException("not a chart this view draws: " + c.kind());
        }
        return new Lazy(CHART_HEIGHT + 70, () -> new ChartOutputView(c), e -> request.fallback());
    }

    /** The chart record drawn. */
    public Chart spec() {
        return spec;
    }

    /** The JavaFX chart. */
    public XYChart<?, Number> chart() {
        return chart;
    }

    /** The JavaFX series, in the record's order. */
    public List<XYChart.Series<?, Number>> series() {
        return fxSeries;
    }

    /** The per-series check boxes, or null when there is only one series. */
    SeriesToggles toggles() {
        return toggles;
    }

    /** Zoom and readout, or null for charts with a category axis. */
    XyControls controls() {
        return controls;
    }

    /** Shows or hides series {@code i}, as its check box does. */
    public void setSeriesVisible(int i, boolean visible) {
        if (toggles != null && toggles.isShown(i) != visible) {
            toggles.toggle(i).setSelected(visible); // calls back into applyVisibility
        } else {
            applyVisibility(i, visible);
        }
    }

    /** True unless series {@code i} was hidden. */
    public boolean isSeriesVisible(int i) {
        XYChart.Series<?, Number> s = fxSeries.get(i);
        if (stacked) {
            return toggles == null || toggles.isShown(i);
        }
        if (s.getNode() != null) {
            return s.getNode().isVisible();
        }
        return s.getData().isEmpty() || s.getData().getFirst().getNode() == null
                || s.getData().getFirst().getNode().isVisible();
    }

    private void applyVisibility(int i, boolean visible) {
        XYChart.Series<?, Number> s = fxSeries.get(i);
        if (stacked) {
            // Hiding a layer must also take it out of the stack, or the ones above float.
            double[] values = originalValues.get(i);
            for (int j = 0; j < s.getData().size(); j++) {
                s.getData().get(j).setYValue(visible ? values[j] : 0);
            }
        }
        if (s.getNode() != null) {
            s.getNode().setVisible(visible);
        }
        for (XYChart.Data<?, Number> d : s.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(visible);
            }
        }
    }

    private void addToggles(List<String> names) {
        if (names.size() > 1) {
            toggles = new SeriesToggles(names, this::applyVisibility);
        }
    }

    // ---------------------------------------------------------------- x/y charts

    private void buildXy(Axis x, Axis y, List<Series> series, XyKind kind) {
        stacked = kind == XyKind.STACKED_AREA;
        NumberAxis xAxis = new NumberAxis();
        xAxis.setAnimated(false);
        xAxis.setMinorTickVisible(false);
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            extend(xr, s.x());
            extend(yr, s.y());
        }
        if (stacked) {
            yr[0] = Math.min(0, yr[0]);
            yr[1] = Math.max(yr[1], stackedMax(series));
        }
        AxisFormat.fit(xAxis, x, xr[0], xr[1], false, X_TICKS);
        double xDivisor = AxisFormat.divisor(x, Math.max(Math.abs(xr[0]), Math.abs(xr[1])));
        ValueAxis<Number> yAxis = valueAxis(y, yr[0], yr[1], kind != XyKind.LINE);

        boolean dense = series.stream().anyMatch(s -> s.size() > DENSE_POINTS);
        XYChart<Number, Number> xy = xyChart(kind, xAxis, yAxis, dense,
                series.stream().anyMatch(s -> s.size() > QUIET_POINTS));
        chart = xy;

        List<String> names = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (Series s : series) {
            int[] order = ascending(s);
            double[] px = new double[order.length];
            double[] py = new double[order.length];
            int n = 0;
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(order.length);
            for (int i : order) {
                double vx = s.xAt(i);
                double vy = s.yAt(i);
                if (!Double.isFinite(vx)) {
                    continue;
                }
                if (!Double.isFinite(vy) || (y.log() && vy <= 0)) {
                    // Gaps cannot break a JavaFX line; stacked layers need every x, so they get 0 there.
                    if (!stacked) {
                        continue;
                    }
                    vy = 0;
                }
                px[n] = vx;
                py[n] = vy;
                n++;
                data.add(new XYChart.Data<>(vx, vy));
            }
            px = java.util.Arrays.copyOf(px, n);
            py = java.util.Arrays.copyOf(py, n);
            XYChart.Series<Number, Number> fx = new XYChart.Series<>(s.name(), FXCollections.observableArrayList(data));
            all.add(fx);
            fxSeries.add(fx);
            names.add(s.name());
            xs.add(px);
            ys.add(py);
            originalValues.add(py);
        }
        xy.getData().setAll(all);
        DoubleFunction<String> fx = v -> x.unit().format(v);
        DoubleFunction<String> fy = v -> y.unit().format(v);
        if (!dense) {
            installPointTips(all, names, x, y, fx, fy);
        }
        addToggles(names);
        controls = new XyControls(xy, xAxis, yAxis, overlay, names, xs, ys,
                i -> toggles == null || toggles.isShown(i), fx, fy, dense,
                Double.isFinite(xr[0]) ? xr[0] : 0, Double.isFinite(xr[1]) ? xr[1] : 1, xDivisor);
        resetZoom.visibleProperty().bind(controls.zoomedProperty());
        resetZoom.setOnAction(e -> controls.reset());

        caption.setText(xyCaption(series));
    }

    /** A tooltip on every point: its series and both values in their units. */
    private void installPointTips(List<XYChart.Series<Number, Number>> all, List<String> names, Axis x, Axis y,
            DoubleFunction<String> fx, DoubleFunction<String> fy) {
        for (int i = 0; i < all.size(); i++) {
            for (XYChart.Data<Number, Number> d : all.get(i).getData()) {
                install(d.getNode(), label(names.get(i), i)
                        + axisName(x, "x") + ": " + fx.apply(d.getXValue().doubleValue()) + "\n"
                        + axisName(y, "y") + ": " + fy.apply(d.getYValue().doubleValue()));
            }
        }
    }

    /** A line, area or stacked-area chart, its symbols and style quieter when it has many points. */
    private XYChart<Number, Number> xyChart(XyKind kind, NumberAxis xAxis, ValueAxis<Number> yAxis, boolean dense,
            boolean quiet) {
        XYChart<Number, Number> xy = switch (kind) {
            case LINE -> new javafx.scene.chart.LineChart<>(xAxis, yAxis);
            case AREA -> new javafx.scene.chart.AreaChart<>(xAxis, yAxis);
            case STACKED_AREA -> new StackedAreaChart<>(xAxis, yAxis);
        };
        switch (xy) {
            case javafx.scene.chart.LineChart<Number, Number> l -> {
                l.setCreateSymbols(!dense);
                l.setAxisSortingPolicy(javafx.scene.chart.LineChart.SortingPolicy.NONE);
            }
            case javafx.scene.chart.AreaChart<Number, Number> a -> a.setCreateSymbols(!dense);
            case StackedAreaChart<Number, Number> a -> a.setCreateSymbols(!dense);
            default -> { }
        }
        if (dense) {
            xy.getStyleClass().add("output-chart-dense");
        } else if (quiet || kind != XyKind.LINE) {
            xy.getStyleClass().add("output-chart-quiet-symbols");
        }
        if (stacked) {
            xy.getStyleClass().add("output-chart-stacked");
        }
        return xy;
    }

    /** Which series were thinned out to fit, and how to zoom. */
    private static String xyCaption(List<Series> series) {
        List<String> notes = new ArrayList<>();
        for (Series s : series) {
            if (s.downsampled()) {
                notes.add(String.format(Locale.ROOT, "%s: %,d of %,d points shown (LTTB)",
                        s.name().isEmpty() ? "series" : s.name(), s.size(), s.sourcePoints()));
            }
        }
        notes.add("Drag across the plot to zoom · Ctrl+scroll zooms · double-click resets");
        return String.join(" · ", notes);
    }

    private static String label(String name, int i) {
        return name.isEmpty() ? "" : name + "\n";
    }

    private static String axisName(Axis a, String fallback) {
        return a.label().isEmpty() ? fallback : a.label();
    }

    /** Point order by x: the record's order when it is already ascending, as it nearly always is. */
    private static int[] ascending(Series s) {
        int n = s.size();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = !(s.xAt(i) < s.xAt(i - 1));
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (!sorted) {
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(s.xAt(a), s.xAt(b)));
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static double stackedMax(List<Series> series) {
        if (series.isEmpty()) {
            return 0;
        }
        int n = series.getFirst().size();
        double max = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (Series s : series) {
                double v = i < s.size() ? s.yAt(i) : 0;
                sum += Double.isFinite(v) ? v : 0;
            }
            max = Math.max(max, Math.abs(sum));
        }
        return max;
    }

    private static void extend(double[] range, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
    }

    /** A number axis in {@code y}'s unit, or a log axis when {@code y} asks for one. */
    static ValueAxis<Number> valueAxis(Axis y, double lo, double hi, boolean includeZero) {
        if (y.log()) {
            LogAxis axis = new LogAxis(AxisLabels.logTitle(y), v -> AxisLabels.logTick(y.unit(), v));
            axis.setAnimated(false);
            return axis;
        }
        NumberAxis axis = new NumberAxis();
        axis.setAnimated(false);
        axis.setMinorTickVisible(false);
        AxisFormat.fit(axis, y, lo, hi, includeZero, Y_TICKS);
        return axis;
    }

    // ---------------------------------------------------------------- category charts

    private void buildBars(Axis x, Axis y, List<String> categories, List<CategorySeries> series, boolean stack) {
        stacked = stack;
        List<String> cats = unique(categories);
        CategoryAxis xAxis = CategoryLabels.axis(cats, x.label());
        double max = 0;
        for (CategorySeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                double v = s.at(i);
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        if (stack) {
            for (int i = 0; i < cats.size(); i++) {
                double sum = 0;
                for (CategorySeries s : series) {
                    double v = i < s.size() ? s.at(i) : 0;
                    sum += Double.isFinite(v) ? v : 0;
                }
                max = Math.max(max, Math.abs(sum));
            }
        }
        ValueAxis<Number> yAxis = valueAxis(y, 0, max, true);
        XYChart<String, Number> bars = stack ? new javafx.scene.chart.StackedBarChart<>(xAxis, yAxis)
                : new javafx.scene.chart.BarChart<>(xAxis, yAxis);
        if (bars instanceof javafx.scene.chart.BarChart<String, Number> b) {
            b.setBarGap(2);
            b.setCategoryGap(series.size() > 1 ? 14 : 10);
        } else if (bars instanceof javafx.scene.chart.StackedBarChart<String, Number> b) {
            b.setCategoryGap(14);
        }
        chart = bars;
        List<String> names = new ArrayList<>();
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (CategorySeries s : series) {
            List<XYChart.Data<String, Number>> data = new ArrayList<>();
            double[] values = new double[cats.size()];
            for (int i = 0; i < cats.size(); i++) {
                double v = i < s.size() ? s.at(i) : Double.NaN;
                if (!Double.isFinite(v) || (y.log() && v <= 0)) {
                    v = stack ? 0 : (y.log() ? 0 : Double.NaN);
                }
                if (Double.isNaN(v)) {
                    continue;
                }
                values[data.size()] = v;
                data.add(new XYChart.Data<>(cats.get(i), v));
            }
            originalValues.add(java.util.Arrays.copyOf(values, data.size()));
            XYChart.Series<String, Number> fx = new XYChart.Series<>(s.name(), FXCollections.observableArrayList(data));
            all.add(fx);
            fxSeries.add(fx);
            names.add(s.name());
        }
        bars.getData().setAll(all);
        for (int i = 0; i < all.size(); i++) {
            for (XYChart.Data<String, Number> d : all.get(i).getData()) {
                String value = y.unit().format(d.getYValue().doubleValue());
                install(d.getNode(), label(names.get(i), i) + d.getXValue() + ": " + value);
            }
        }
        addToggles(names);
    }

    private void buildHistogram(Histogram h) {
        Unit unit = h.x().unit();
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < h.bins(); b++) {
            labels.add(unit.format(h.lowerEdge(b)));
        }
        List<String> cats = unique(labels);
        CategoryAxis xAxis = CategoryLabels.axis(cats,
                h.x().label().isEmpty() ? "bin (lower edge)" : h.x().label() + " (bin lower edge)");
        long max = 0;
        for (int b = 0; b < h.bins(); b++) {
            max = Math.max(max, h.count(b));
        }
        ValueAxis<Number> yAxis = valueAxis(h.y(), 0, max, true);
        javafx.scene.chart.BarChart<String, Number> bars = new javafx.scene.chart.BarChart<>(xAxis, yAxis);
        bars.setBarGap(0);
        bars.setCategoryGap(h.bins() > 40 ? 0 : 2);
        chart = bars;
        List<XYChart.Data<String, Number>> data = new ArrayList<>();
        double[] values = new double[h.bins()];
        for (int b = 0; b < h.bins(); b++) {
            long count = h.count(b);
            values[b] = count;
            data.add(new XYChart.Data<>(cats.get(b), count));
        }
        originalValues.add(values);
        XYChart.Series<String, Number> fx = new XYChart.Series<>(h.name(), FXCollections.observableArrayList(data));
        fxSeries.add(fx);
        bars.getData().add(fx);
        for (int b = 0; b < h.bins(); b++) {
            install(data.get(b).getNode(), unit.format(h.lowerEdge(b)) + " – " + unit.format(h.upperEdge(b)) + "\n"
                    + String.format(Locale.ROOT, "%,d", h.count(b)) + (h.count(b) == 1 ? " value" : " values"));
        }
        Histogram.Stats st = h.stats();
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "n = %,d", st.count()));
        if (Double.isFinite(st.min())) {
            parts.add("min " + unit.format(st.min()));
            parts.add("median " + unit.format(st.median()));
            parts.add("mean " + unit.format(st.mean()));
            parts.add("p99 " + unit.format(st.p99()));
            parts.add("max " + unit.format(st.max()));
        }
        if (!h.binning().isEmpty()) {
            parts.add(h.bins() + " bins (" + h.binning().replace('_', ' ') + ")");
        }
        caption.setText(String.join(" · ", parts));
    }

    /** Category names made distinct (a CategoryAxis cannot hold two equal ones) by invisible suffixes. */
    static List<String> unique(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            String u = n;
            while (!seen.add(u)) {
                u = u + "\u200B";
            }
            out.add(u);
        }
        return out;
    }

    private static void install(Node node, String text) {
        if (node == null) {
            return;
        }
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(120));
        t.getStyleClass().add("chart-tooltip");
        Tooltip.install(node, t);
    }
}
