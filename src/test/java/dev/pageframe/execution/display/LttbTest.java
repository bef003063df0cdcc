package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LttbTest {

    private static double[] noisyWithSpikes(int n) {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 100 + rnd.nextDouble(-5, 5);
        }
        y[123_457] = 10_000;
        y[876_543] = -10_000;
        return y;
    }

    @Test
    void millionPointSeriesIsDownsampledToThreshold() {
        int n = 1_000_000;
        LineChart chart = Charts.line("big").series("s", noisyWithSpikes(n)).build();
        Series s = chart.series().getFirst();
        assertEquals(Lttb.DEFAULT_THRESHOLD, s.size());
        assertEquals(n, s.sourcePoints());
        assertTrue(s.downsampled());
    }

    @Test
    void thresholdIsConfigurable() {
        LineChart chart = Charts.line("big").maxPoints(500).series("s", noisyWithSpikes(1_000_000)).build();
        assertEquals(500, chart.series().getFirst().size());
        assertEquals(500, chart.maxPoints());
    }

    @Test
    void firstAndLastPointsAreKept() {
        double[] y = noisyWithSpikes(1_000_000);
        double[] x = Numbers.indices(y.length);
        int[] kept = Lttb.select(x, y, 1000);
        assertEquals(0, kept[0]);
        assertEquals(y.length - 1, kept[kept.length - 1]);
    }

    @Test
    void spikePeaksSurviveDownsampling() {
        double[] y = noisyWithSpikes(1_000_000);
        Series s = new Series("s", Numbers.indices(y.length), y).downsampledTo(2000);
        double[] kept = s.y();
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : kept) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertEquals(10_000, max);
        assertEquals(-10_000, min);
        assertTrue(java.util.Arrays.stream(s.x()).anyMatch(v -> v == 123_457));
        assertTrue(java.util.Arrays.stream(s.x()).anyMatch(v -> v == 876_543));
    }

    @Test
    void monotoneSeriesStaysMonotone() {
        int n = 300_000;
        double[] x = new double[n];
        double[] y = new double[n];
        SplittableRandom rnd = new SplittableRandom(7);
        double v = 0;
        for (int i = 0; i < n; i++) {
            x[i] = i;
            v += rnd.nextDouble(0, 3);
            y[i] = v;
        }
        Series s = new Series("rising", x, y).downsampledTo(1000);
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.xAt(i) > s.xAt(i - 1), "x increases at " + i);
            assertTrue(s.yAt(i) >= s.yAt(i - 1), "y does not fall at " + i);
        }
    }

    @Test
    void shortSeriesAreLeftAlone() {
        double[] y = {3, 1, 4, 1, 5};
        int[] kept = Lttb.select(Numbers.indices(5), y, 3000);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, kept);
    }

    @Test
    void selectionIsDeterministicAndAscending() {
        double[] y = noisyWithSpikes(1_000_000);
        double[] x = Numbers.indices(y.length);
        int[] a = Lttb.select(x, y, 777);
        int[] b = Lttb.select(x, y, 777);
        assertArrayEquals(a, b);
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1]);
        }
    }

    @Test
    void gapsDoNotBreakSelection() {
        double[] y = noisyWithSpikes(1_000_000);
        for (int i = 200_000; i < 300_000; i++) {
            y[i] = Double.NaN;
        }
        int[] kept = Lttb.select(Numbers.indices(y.length), y, 2000);
        assertEquals(2000, kept.length);
    }

    @Test
    void thresholdBelowThreeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Lttb.select(new double[10], new double[10], 2));
        assertThrows(IllegalArgumentException.class, () -> Charts.line("t").maxPoints(2));
    }

    @Test
    void stackedAreaLayersKeepSharedXWhenDownsampled() {
        int n = 100_000;
        double[] x = Numbers.indices(n);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.sin(i / 1000.0) + 2;
            b[i] = Math.cos(i / 700.0) + 2;
        }
        AreaChart chart = Charts.stackedArea("t").maxPoints(800).series("a", x, a).series("b", x, b).build();
        assertEquals(800, chart.series().get(0).size());
        assertArrayEquals(chart.series().get(0).x(), chart.series().get(1).x());
    }
}
