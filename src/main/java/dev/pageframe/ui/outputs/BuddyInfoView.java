package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.Axis;
import dev.pageframe.execution.display.BuddyInfo;
import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.Unit;
import dev.pageframe.execution.display.VndJson;
import dev.pageframe.execution.display.ZoneWatermarks;
import dev.pageframe.execution.display.ZoneFreeAreas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * {@code application/vnd.pageframe.buddyinfo+json}: free blocks per order, a bar per zone for
 * each order, as /proc/buddyinfo counts them. A check box switches the count axis between linear
 * and log scale (low orders often outnumber high ones a thousandfold); zones can be hidden. Under
 * the chart each zone's free pages stand against its min/low/high watermarks.
 */
public final class BuddyInfoView extends VBox {

    /** Room one order's two-line label ("10" over "512 KiB") needs before labels must turn or skip. */
    static final double SIZE_LABELS_WIDTH_PER_ORDER = 58;

    private final BuddyInfo info;
    private final CheckBox logScale = new CheckBox("Log scale");
    private final StackPane chartHolder = new StackPane();
    private final boolean[] zoneShown;
    private SeriesToggles toggles;
    private BarChart<String, Number> chart;
    /** Whether order labels also name the block size ("3" over "32 KiB"); dropped when too narrow. */
    private boolean sizeLabels = true;

    BuddyInfoView(BuddyInfo info) {
        this.info = info;
        this.zoneShown = new boolean[info.zones().size()];
        java.util.Arrays.fill(zoneShown, true);
        getStyleClass().add("output-buddyinfo");
        setMinWidth(0);

        Label title = new Label(info.title().isBlank() ? "Free blocks per order" : info.title());
        title.getStyleClass().add("output-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        logScale.getStyleClass().add("buddyinfo-log-toggle");
        logScale.setSelected(info.logByDefault());
        logScale.setTooltip(new Tooltip("Counts on a log scale, so that rare high orders still show"));
        logScale.selectedProperty().addListener((obs, o, n) -> rebuildChart());
        HBox header = new HBox(title, logScale);
        header.getStyleClass().add("output-header");
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        getChildren().add(header);

        List<String> names = info.zones().stream().map(ZoneFreeAreas::zone).toList();
        if (names.size() > 1) {
            toggles = new SeriesToggles(names, (i, shown) -> {
                zoneShown[i] = shown;
                applyVisibility();
            });
            getChildren().add(toggles);
        }
        chartHolder.setMinWidth(0);
        chartHolder.widthProperty().addListener((obs, o, w) -> {
            boolean fit = w.doubleValue() >= SIZE_LABELS_WIDTH_PER_ORDER * info.orders() + 90;
            if (fit != sizeLabels) {
                sizeLabels = fit;
                rebuildChart();
            }
        });
        getChildren().add(chartHolder);
        rebuildChart();
        getChildren().add(zoneTable());
        Label caption = new Label(String.format(Locale.ROOT, "Node %d · page size %s · order n blocks are 2ⁿ pages",
                info.node(), Unit.BYTES.format((double) info.pageSize())));
        caption.getStyleClass().add("output-caption");
        getChildren().add(caption);
    }

    static Node render(MimeRequest request) {
        Chart chart = VndJson.read(request.json());
        if (!(chart instanceof BuddyInfo info)) {
            throw new IllegalArgumentException("not buddyinfo: " + chart.kind());
        }
        return new Lazy(ChartOutputView.CHART_HEIGHT + 90 + 28 * info.zones().size(), () -> new BuddyInfoView(info),
                e -> request.fallback());
    }

    /** The bar chart now shown (a new one each time the scale changes). */
    public BarChart<String, Number> chart() {
        return chart;
    }

    /** True when counts are drawn on a log scale. */
    public boolean isLogScale() {
        return logScale.isSelected();
    }

    public void setLogScale(boolean log) {
        logScale.setSelected(log);
    }

    CheckBox logScaleToggle() {
        return logScale;
    }

    SeriesToggles toggles() {
        return toggles;
    }

    private void rebuildChart() {
        int orders = info.orders();
        List<String> categories = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            categories.add(sizeLabels ? o + "\n" + Unit.BYTES.format((double) (info.pageSize() << o)) : String.valueOf(o));
        }
        CategoryAxis x = CategoryLabels.axis(categories, sizeLabels ? "order (block size)"
                : "order (blocks of 2ⁿ × " + Unit.BYTES.format((double) info.pageSize()) + ")");
        long max = 1;
        for (ZoneFreeAreas z : info.zones()) {
            for (int o = 0; o < z.orders(); o++) {
                max = Math.max(max, z.nrFree(o));
            }
        }
        Axis spec = new Axis("free blocks", Unit.NONE, logScale.isSelected());
        ValueAxis<Number> y = ChartOutputView.valueAxis(spec, 0, max, true);
        BarChart<String, Number> bars = new BarChart<>(x, y);
        bars.getStyleClass().addAll("output-chart-plot", "buddyinfo-chart");
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        bars.setBarGap(1);
        bars.setCategoryGap(info.zones().size() > 1 ? 12 : 18);
        bars.setPrefHeight(ChartOutputView.CHART_HEIGHT);
        bars.setMinHeight(240);
        bars.setMinWidth(0);
        for (ZoneFreeAreas z : info.zones()) {
            List<XYChart.Data<String, Number>> data = new ArrayList<>();
            for (int o = 0; o < orders; o++) {
                long n = z.nrFree(o);
                data.add(new XYChart.Data<>(categories.get(o), n));
            }
            bars.getData().add(new XYChart.Series<>(z.zone(), FXCollections.observableArrayList(data)));
        }
        for (int i = 0; i < info.zones().size(); i++) {
            ZoneFreeAreas z = info.zones().get(i);
            XYChart.Series<String, Number> s = bars.getData().get(i);
            for (int o = 0; o < s.getData().size(); o++) {
                long n = z.nrFree(o);
                Node node = s.getData().get(o).getNode();
                if (node != null) {
                    Tooltip t = new Tooltip(String.format(Locale.ROOT, "%s, order %d (%s blocks)%n%,d free %s = %,d pages",
                            z.zone(), o, Unit.BYTES.format((double) (info.pageSize() << o)), n,
                            n == 1 ? "block" : "blocks", n << o));
                    t.setShowDelay(Duration.millis(120));
                    Tooltip.install(node, t);
                }
            }
        }
        chart = bars;
        chartHolder.getChildren().setAll(bars);
        applyVisibility();
    }

    private void applyVisibility() {
        for (int i = 0; i < chart.getData().size(); i++) {
            for (XYChart.Data<String, Number> d : chart.getData().get(i).getData()) {
                if (d.getNode() != null) {
                    d.getNode().setVisible(zoneShown[i]);
                }
            }
        }
    }

    private Node zoneTable() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("buddyinfo-zones");
        String[] heads = {"zone", "free pages", "free memory", "min", "low", "high"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("buddyinfo-zones-header");
            grid.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            cc.setMinWidth(Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(cc);
        }
        int row = 1;
        for (ZoneFreeAreas z : info.zones()) {
            ZoneWatermarks w = z.watermarks();
            long free = z.freePages();
            grid.add(cell(z.zone(), "buddyinfo-zone-name"), 0, row);
            grid.add(cell(String.format(Locale.ROOT, "%,d", free), "buddyinfo-number"), 1, row);
            grid.add(cell(Unit.BYTES.format((double) free * info.pageSize()), "buddyinfo-number"), 2, row);
            grid.add(cell(w == null ? "–" : String.format(Locale.ROOT, "%,d", w.min()), "buddyinfo-number"), 3, row);
            grid.add(cell(w == null ? "–" : String.format(Locale.ROOT, "%,d", w.low()), "buddyinfo-number"), 4, row);
            grid.add(cell(w == null ? "–" : String.format(Locale.ROOT, "%,d", w.high()), "buddyinfo-number"), 5, row);
            row++;
            if (w != null) {
                // The verdict reads as a sentence under the zone's numbers, at any width.
                Label verdict = cell(w.verdict(free), "buddyinfo-verdict");
                verdict.getStyleClass().add(free <= w.min() ? "watermark-min"
                        : free <= w.low() ? "watermark-low" : free < w.high() ? "watermark-high" : "watermark-ok");
                verdict.setWrapText(true);
                verdict.setMinWidth(0);
                grid.add(verdict, 0, row, heads.length, 1);
                row++;
            }
        }
        return grid;
    }

    private static Label cell(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        return l;
    }
}
