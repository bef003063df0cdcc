package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuilderTest {

    @Test
    void primitiveArraysAndListsMakeTheSameSeries() {
        LineChart fromArrays = Charts.line("t").series("s", new long[] {1, 2, 3}, new long[] {4, 5, 6}).build();
        LineChart fromInts = Charts.line("t").series("s", new int[] {1, 2, 3}, new int[] {4, 5, 6}).build();
        LineChart fromLists = Charts.line("t").series("s", List.of(1, 2, 3), List.of(4.0, 5.0, 6.0)).build();
        assertEquals(fromArrays, fromLists);
        assertEquals(fromArrays, fromInts);
    }

    @Test
    void ySeriesAloneIsNumberedFromZero() {
        Series s = Charts.line("t").series("s", List.of(5, 6, 7)).build().series().getFirst();
        assertEquals(List.of(0.0, 1.0, 2.0), Arrays.stream(s.x()).boxed().toList());
    }

    @Test
    void nullListElementsBecomeGaps() {
        Series s = Charts.line("t").series("s", Arrays.asList(1, null, 3)).build().series().getFirst();
        assertTrue(Double.isNaN(s.yAt(1)));
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Charts.line("t").series("s", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.bar("t").categories("a", "b").series("s", 1.0).build());
        assertThrows(IllegalArgumentException.class, () -> Charts.stackedArea("t")
                .series("a", new double[] {0, 1}, new double[] {1, 1})
                .series("b", new double[] {0, 2}, new double[] {1, 1}).build());
    }

    @Test
    void builderGivesTheBundleDirectly() {
        Map<String, Object> bundle = Charts.line("Free pages over time").x("tick").y("pages", Unit.PAGES)
                .series("Normal", new double[] {0, 1, 2}, new double[] {5, 4, 6}).mimeBundle();
        assertEquals(List.of("text/plain", "image/svg+xml", "application/vnd.pageframe.line+json"),
                List.copyOf(bundle.keySet()));
    }

    @Test
    void recordsAreImmutable() {
        double[] ys = {1, 2, 3};
        LineChart chart = Charts.line("t").series("s", ys).build();
        ys[0] = 99;
        assertEquals(1, chart.series().getFirst().yAt(0));
        chart.series().getFirst().y()[1] = 99;
        assertEquals(2, chart.series().getFirst().yAt(1));
        assertThrows(UnsupportedOperationException.class, () -> chart.series().clear());
    }

    @Test
    void categoriesAcceptAnyObjects() {
        BarChart chart = Charts.bar("t").categories(List.of(0, 1, 2)).series("s", 1, 2, 3).build();
        assertEquals(List.of("0", "1", "2"), chart.categories());
    }

    @Test
    void stackedBarsRefuseALogScale() {
        assertThrows(IllegalArgumentException.class, () -> new StackedBarChart("t", null,
                Axis.of("y").logScale(), List.of(), List.of()));
    }
}
