package dev.pageframe.ui.outputs;

import static dev.pageframe.ui.outputs.FxTest.first;
import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.display.Charts;
import dev.pageframe.execution.display.Unit;
import dev.pageframe.notebook.Output;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;

@ExtendWith(ApplicationExtension.class)
class ChartOutputViewTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    private ChartOutputView chart(Output output) {
        Node view = show(stage, () -> OutputViews.render(output, OutputContext.NONE), 900, 560);
        return first(view, ChartOutputView.class);
    }

    private static Bounds plotBounds(ChartOutputView view) {
        return fx(() -> {
            Region plot = (Region) view.chart().lookup(".chart-plot-background");
            return plot.localToScreen(plot.getLayoutBounds());
        });
    }

    @Test
    void seriesNamedAfterKernelFunctionsKeepTheirUnderscores() {
        // A check box reads "_" as a mnemonic unless told not to: __get_dma_pages showed as _getdma_pages.
        ChartOutputView view = chart(Samples.display(Charts.line("requests").x("n").y("free")
                .series("__get_dma_pages", new long[] {0, 1, 2}, new long[] {5, 4, 3})
                .series("__get_free_pages", new long[] {0, 1, 2}, new long[] {9, 9, 8}).build()));
        CheckBox box = FxTest.all(view, CheckBox.class, b -> b.getStyleClass().contains("chart-series-toggle")).getFirst();
        String shown = fx(() -> ((javafx.scene.text.Text) box.lookup(".text")).getText());
        assertEquals("__get_dma_pages", shown);
    }

    @Test
    void chartIsBuiltOnlyWhenFirstShown() {
        Node view = fx(() -> OutputViews.render(Samples.display(Samples.smallLine()), OutputContext.NONE));
        Lazy lazy = (Lazy) view;
        assertFalse(lazy.isBuilt(), "nothing heavy is made before the view is shown");
        FxTest.fxRun(() -> stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.VBox(view), 800, 500)));
        FxTest.fxRun(stage::show);
        FxTest.settle();
        assertTrue(lazy.isBuilt());
        assertInstanceOf(ChartOutputView.class, lazy.content());
    }

    @Test
    void offScreenChartWaitsUntilScrolledTo() {
        javafx.scene.layout.VBox column = fx(javafx.scene.layout.VBox::new);
        Node chartView = fx(() -> OutputViews.render(Samples.display(Samples.smallLine()), OutputContext.NONE));
        FxTest.fxRun(() -> {
            javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
            spacer.setMinHeight(5000);
            column.getChildren().addAll(spacer, chartView);
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(column);
            scroll.setFitToWidth(true);
            stage.setScene(new javafx.scene.Scene(scroll, 800, 500));
            stage.show();
        });
        FxTest.settle();
        assertFalse(((Lazy) chartView).isBuilt(), "a chart 5000 px down is not built yet");
        FxTest.fxRun(() -> ((javafx.scene.control.ScrollPane) stage.getScene().getRoot()).setVvalue(1));
        FxTest.settle();
        assertTrue(((Lazy) chartView).isBuilt());
    }

    @Test
    void smallLineChartHasTooltipsOnItsPoints() {
        ChartOutputView view = chart(Samples.display(Samples.smallLine()));
        javafx.scene.chart.LineChart<?, ?> line = (javafx.scene.chart.LineChart<?, ?>) view.chart();
        assertTrue(fx(line::getCreateSymbols));
        XYChart.Data<?, Number> point = view.series().getFirst().getData().get(4);
        Object tip = fx(() -> point.getNode().getProperties().get("javafx.scene.control.Tooltip"));
        assertInstanceOf(javafx.scene.control.Tooltip.class, tip);
        String text = ((javafx.scene.control.Tooltip) tip).getText();
        assertEquals("order 0\ntime: 1 ms\nlatency: " + Unit.NANOSECONDS.format(900 + 300 * Math.sin(4 / 5.0)), text);
    }

    @Test
    void axisLabelsCarryUnits() {
        ChartOutputView line = chart(Samples.display(Samples.freePagesOverTime(500)));
        assertEquals("free (pages)", fx(() -> line.chart().getYAxis().getLabel()));
        assertEquals("tick", fx(() -> line.chart().getXAxis().getLabel()));
        ChartOutputView bar = chart(Samples.display(Samples.kmallocWaste()));
        NumberAxis y = (NumberAxis) bar.chart().getYAxis();
        assertEquals("bytes (KiB)", fx(y::getLabel));
        double kib = fx(y::getTickUnit) / 1024;
        assertTrue(java.util.Set.of(50.0, 100.0, 200.0, 500.0).contains(kib), "ticks are round in KiB: " + kib);
        assertEquals("200", fx(() -> y.getTickLabelFormatter().toString(200 * 1024)));
        NumberAxis free = (NumberAxis) line.chart().getYAxis();
        assertEquals("200k", fx(() -> free.getTickLabelFormatter().toString(200_000)),
                "pages are shortened with k, as the SVG's ticks are (AxisLabels)");
        ChartOutputView small = chart(Samples.display(Samples.smallLine()));
        assertEquals("time (ms)", fx(() -> small.chart().getXAxis().getLabel()));
    }

    @Test
    void denseSeriesDropSymbolsAndShowAReadoutOnMouseMove(FxRobot robot) {
        ChartOutputView view = chart(Samples.display(Samples.freePagesOverTime(5000)));
        javafx.scene.chart.LineChart<?, ?> line = (javafx.scene.chart.LineChart<?, ?>) view.chart();
        assertFalse(fx(line::getCreateSymbols), "2,000 points per series draw without symbols");
        assertFalse(fx(line::getAnimated));
        Bounds plot = plotBounds(view);
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() / 2, plot.getMinY() + plot.getHeight() / 2), Motion.DIRECT);
        FxTest.settle();
        assertTrue(fx(() -> view.controls().readout().isVisible()), "the readout follows the pointer");
        String text = fx(() -> view.controls().readoutText());
        assertTrue(text.startsWith("tick: "), text);
        assertTrue(text.contains("\nNormal: ") && text.contains(" pages"), text);
        assertTrue(text.contains("\nDMA32: "), text);
        robot.moveTo(new Point2D(plot.getMinX() - 40, plot.getMaxY() + 40), Motion.DIRECT);
        FxTest.settle();
        assertFalse(fx(() -> view.controls().readout().isVisible()));
    }

    @Test
    void legendClickHidesSeries(FxRobot robot) {
        ChartOutputView view = chart(Samples.display(Samples.freePagesOverTime(500)));
        CheckBox dma32 = fx(() -> view.toggles().toggle(1));
        assertEquals("DMA32", dma32.getText());
        assertTrue(view.isSeriesVisible(1));
        robot.clickOn(dma32);
        FxTest.settle();
        assertFalse(fx(() -> view.isSeriesVisible(1)), "unticking DMA32 hides its line");
        assertFalse(fx(() -> view.series().get(1).getNode().isVisible()));
        assertTrue(fx(() -> view.isSeriesVisible(0)));
        robot.clickOn(dma32);
        FxTest.settle();
        assertTrue(fx(() -> view.series().get(1).getNode().isVisible()));
    }

    @Test
    void hidingAStackedSeriesTakesItOutOfTheStack(FxRobot robot) {
        ChartOutputView view = chart(Samples.display(Samples.pagesByZone()));
        assertInstanceOf(StackedBarChart.class, view.chart());
        robot.clickOn(fx(() -> view.toggles().toggle(0)));
        FxTest.settle();
        XYChart.Series<?, Number> slab = view.series().getFirst();
        assertEquals(0, fx(() -> slab.getData().get(2).getYValue()).doubleValue());
        robot.clickOn(fx(() -> view.toggles().toggle(0)));
        FxTest.settle();
        assertEquals(95_000, fx(() -> slab.getData().get(2).getYValue()).doubleValue());
    }

    @Test
    void dragZoomsTheXAxisAndDoubleClickResets(FxRobot robot) {
        ChartOutputView view = chart(Samples.display(Samples.freePagesOverTime(5000)));
        NumberAxis x = (NumberAxis) view.chart().getXAxis();
        assertEquals(0, fx(x::getLowerBound));
        assertEquals(5000, fx(x::getUpperBound));
        Bounds plot = plotBounds(view);
        double y = plot.getMinY() + plot.getHeight() / 2;
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.25, y), Motion.DIRECT);
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.40, y), Motion.DIRECT);
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.50, y), Motion.DIRECT);
        robot.release(MouseButton.PRIMARY);
        FxTest.settle();
        assertTrue(fx(() -> view.controls().isZoomed()));
        double lo = fx(x::getLowerBound);
        double hi = fx(x::getUpperBound);
        assertTrue(lo >= 1000 && lo <= 1250, "zoomed from about a quarter: " + lo);
        assertTrue(hi >= 2500 && hi <= 2750, "to about a half: " + hi);
        assertTrue(fx(() -> first(view, javafx.scene.control.Button.class).isVisible()), "Reset zoom is offered");
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() / 2, y), Motion.DIRECT);
        robot.doubleClickOn(MouseButton.PRIMARY);
        FxTest.settle();
        assertFalse(fx(() -> view.controls().isZoomed()));
        assertEquals(0, fx(x::getLowerBound));
        assertEquals(5000, fx(x::getUpperBound));
    }

    @Test
    void histogramBecomesBarsOfItsBins() {
        ChartOutputView view = chart(Samples.display(Samples.latencyHistogram()));
        BarChart<?, ?> bars = (BarChart<?, ?>) view.chart();
        assertEquals(1, bars.getData().size());
        assertEquals(30, fx(() -> bars.getData().getFirst().getData().size()));
        assertNull(view.toggles(), "one series needs no legend");
        assertTrue(FxTest.text(view).contains("n = 20,000"), FxTest.text(view));
        Object tip = fx(() -> view.series().getFirst().getData().getFirst().getNode().getProperties()
                .get("javafx.scene.control.Tooltip"));
        assertTrue(((javafx.scene.control.Tooltip) tip).getText().contains(" values"));
    }

    @Test
    void logScaleBarsUseALogAxis() {
        ChartOutputView view = chart(Samples.display(Charts.bar("free blocks").x("order").y("blocks").logY()
                .categories("0", "1", "2").series("Normal", 12_000, 90, 1)));
        assertInstanceOf(LogAxis.class, view.chart().getYAxis());
        LogAxis axis = (LogAxis) view.chart().getYAxis();
        assertEquals(0.5, fx(axis::getLowerBound), 1e-9);
        assertEquals(100_000, fx(axis::getUpperBound), 1e-6);
        double one = fx(() -> view.series().getFirst().getData().get(2).getNode().getBoundsInParent().getHeight());
        assertTrue(one > 5, "a count of one is still a visible bar: " + one);
    }

    @Test
    void tableBecomesASortableTableView(FxRobot robot) {
        Node out = show(stage, () -> OutputViews.render(Samples.display(Samples.slabTable()), OutputContext.NONE), 900, 500);
        TableOutputView view = (TableOutputView) out;
        TableView<Integer> table = view.tableView();
        List<String> headers = fx(() -> table.getColumns().stream().map(TableColumn::getText).toList());
        assertEquals(List.of("cache", "object size", "objects", "memory"), headers);
        assertTrue(FxTest.all(table, javafx.scene.control.TableCell.class, c -> "7.13 KiB".equals(c.getText())).size() == 1,
                "sizes are written in their unit");
        Node header = FxTest.all(table, javafx.scene.control.Label.class, l -> "objects".equals(l.getText())).getFirst();
        robot.clickOn(header);
        FxTest.settle();
        assertEquals(List.of(4, 1, 3, 0, 2), fx(() -> List.copyOf(table.getItems())), "rows sorted by object count, as numbers");
        robot.clickOn(header);
        FxTest.settle();
        assertEquals(List.of(2, 0, 3, 1, 4), fx(() -> List.copyOf(table.getItems())), "and descending on a second click");
        double height = fx(table::getHeight);
        assertTrue(height < TableOutputView.MAX_HEIGHT, "five rows need no more than their height: " + height);
    }

    @Test
    void tableRowsCopyAsTabSeparatedText() {
        Node out = show(stage, () -> OutputViews.render(Samples.display(Samples.slabTable()), OutputContext.NONE), 900, 500);
        TableOutputView view = (TableOutputView) out;
        assertEquals("cache\tobject size\tobjects\tmemory\ndentry\t192 B\t23,001\t4.21 MiB",
                fx(() -> view.tsv(List.of(2))));
    }

    @Test
    void bigTablesScrollWithinAMaximumHeight() {
        var b = Charts.table("many").columns("n", "square");
        for (int i = 0; i < 500; i++) {
            b.row(i, (long) i * i);
        }
        Node out = show(stage, () -> OutputViews.render(Samples.display(b), OutputContext.NONE), 900, 700);
        TableView<Integer> table = ((TableOutputView) out).tableView();
        assertEquals(500, fx(() -> table.getItems().size()));
        assertTrue(fx(table::getHeight) <= TableOutputView.MAX_HEIGHT + 1, "capped: " + fx(table::getHeight));
    }
}
