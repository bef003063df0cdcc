package dev.pageframe.ui.outputs;

import static dev.pageframe.ui.outputs.FxTest.first;
import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.display.BuddyInfo;
import dev.pageframe.execution.display.Charts;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BuddyInfoViewTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    private static BuddyInfo twoZones() {
        return Charts.buddyInfo("buddyinfo").pageSize(4096)
                .zone("DMA", 1, 1, 1, 0, 2, 1, 1, 0, 1, 1, 3).watermarks(15, 18, 21).freePages(3_840)
                .zone("Normal", 216, 55, 189, 101, 84, 38, 18, 5, 3, 0, 1).watermarks(5_000, 6_250, 7_500).freePages(6_000)
                .build();
    }

    private BuddyInfoView render(BuddyInfo info) {
        Node view = show(stage, () -> OutputViews.render(Samples.display(info), OutputContext.NONE), 900, 700);
        return first(view, BuddyInfoView.class);
    }

    @Test
    void barsPerOrderForEachZoneWithWatermarksBelow() {
        BuddyInfoView view = render(twoZones());
        BarChart<String, Number> chart = view.chart();
        assertEquals(2, chart.getData().size());
        assertEquals("Normal", chart.getData().get(1).getName());
        assertEquals(11, fx(() -> chart.getData().get(1).getData().size()));
        assertEquals(189L, fx(() -> chart.getData().get(1).getData().get(2).getYValue()).longValue());
        assertEquals("2\n16 KiB", fx(() -> chart.getData().get(1).getData().get(2).getXValue()));
        String text = FxTest.text(view);
        assertTrue(text.contains("6,000") && text.contains("5,000") && text.contains("6,250") && text.contains("7,500"), text);
        assertTrue(text.contains("below low: kswapd wakes"), text);
        assertTrue(FxTest.hasStyled(view, "watermark-low"));
        assertTrue(text.contains("above high"), text);
    }

    @Test
    void logScaleToggleSwitchesTheCountAxis(FxRobot robot) {
        BuddyInfoView view = render(Charts.buddyInfo("even").zone("Normal", 10, 8, 6, 4, 2).build());
        assertFalse(view.isLogScale(), "counts within two decades start linear");
        assertInstanceOf(NumberAxis.class, view.chart().getYAxis());
        BarChart<String, Number> before = view.chart();
        robot.clickOn(view.logScaleToggle());
        FxTest.settle();
        assertTrue(view.isLogScale());
        assertNotSame(before, view.chart());
        assertInstanceOf(LogAxis.class, view.chart().getYAxis());
    }

    @Test
    void countsSpanningDecadesStartOnALogScale() {
        BuddyInfoView view = render(twoZones());
        assertFalse(Charts.buddyInfo("x").zone("N", 10, 8).build().spansDecades());
        assertTrue(view.isLogScale(), "216 against 1 is better read on a log scale");
    }

    @Test
    void zonesCanBeHidden(FxRobot robot) {
        BuddyInfoView view = render(twoZones());
        robot.clickOn(fx(() -> view.toggles().toggle(0)));
        FxTest.settle();
        assertFalse(fx(() -> view.chart().getData().get(0).getData().get(0).getNode().isVisible()));
        assertTrue(fx(() -> view.chart().getData().get(1).getData().get(0).getNode().isVisible()));
        robot.clickOn(view.logScaleToggle());
        FxTest.settle();
        assertFalse(fx(() -> view.chart().getData().get(0).getData().get(0).getNode().isVisible()),
                "a hidden zone stays hidden when the scale changes");
    }

    @Test
    void narrowViewsKeepOrderLabelsShort() {
        Node view = show(stage, () -> OutputViews.render(Samples.display(twoZones()), OutputContext.NONE), 460, 700);
        BuddyInfoView buddy = first(view, BuddyInfoView.class);
        assertEquals("2", fx(() -> buddy.chart().getData().get(1).getData().get(2).getXValue()));
        assertTrue(fx(() -> buddy.chart().getXAxis().getLabel()).contains("2ⁿ × 4 KiB"));
    }
}
