package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void everyFiniteValueLandsInExactlyOneBin() {
        Histogram h = SampleCharts.allocationLatency();
        assertEquals(20_000, Arrays.stream(h.counts()).sum());
        assertEquals(20_000, h.stats().count());
    }

    @Test
    void freedmanDiaconisBinsHaveANiceWidth() {
        Histogram h = SampleCharts.allocationLatency();
        double width = h.upperEdge(0) - h.lowerEdge(0);
        assertEquals(Ticks.niceStepAtLeast(width), width, 1e-9);
        assertTrue(h.bins() > 10 && h.bins() <= Binning.MAX_BINS, "bins " + h.bins());
        assertEquals(Binning.FREEDMAN_DIACONIS, h.binning());
        assertTrue(h.lowerEdge(0) <= h.stats().min() && h.upperEdge(h.bins() - 1) >= h.stats().max());
    }

    @Test
    void fixedBinCountSplitsTheRangeEvenly() {
        Histogram h = Charts.histogram("t").values(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).bins(5).build();
        assertEquals(5, h.bins());
        assertEquals(0, h.lowerEdge(0));
        assertEquals(10, h.upperEdge(4));
        assertEquals(11, Arrays.stream(h.counts()).sum(), "the maximum falls in the last, closed bin");
        assertEquals(Binning.FIXED, h.binning());
    }

    @Test
    void identicalValuesGetOneBin() {
        Histogram h = Charts.histogram("t").values(List.of(7, 7, 7)).build();
        assertEquals(1, h.bins());
        assertEquals(3, h.count(0));
    }

    @Test
    void nonFiniteValuesAreLeftOut() {
        Histogram h = Charts.histogram("t").values(1.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY, 3.0).build();
        assertEquals(3, Arrays.stream(h.counts()).sum());
    }

    @Test
    void heavyTailsDoNotExplodeTheBinCount() {
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 100;
        }
        v[0] = 1e9;
        Histogram h = Charts.histogram("t").values(v).build();
        assertTrue(h.bins() <= Binning.MAX_BINS);
    }

    @Test
    void badBinCountsAndEdgesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Charts.histogram("t").bins(0));
        assertThrows(IllegalArgumentException.class,
                () -> new Histogram("t", null, null, "", new double[] {0, 0}, new long[] {1}, "", null));
    }
}
