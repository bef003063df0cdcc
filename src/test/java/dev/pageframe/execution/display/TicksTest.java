package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void zeroTo973TicksEveryTwoHundred() {
        assertArrayEquals(new double[] {0, 200, 400, 600, 800, 1000}, Ticks.nice(0, 973, 6));
    }

    @Test
    void fractionalRangesGetExactDecimalTicks() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Ticks.nice(0.01, 0.97, 6));
        assertEquals("0.6", Ticks.label(0.6000000000000001, 0.2));
    }

    @Test
    void negativeRangesCoverBothEnds() {
        double[] t = Ticks.nice(-37, 112, 6);
        assertEquals(-50, t[0]);
        assertEquals(150, t[t.length - 1]);
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 2000; i++) {
            double lo = rnd.nextDouble(-1e6, 1e6);
            double hi = lo + Math.pow(10, rnd.nextDouble(-3, 7));
            int target = 2 + rnd.nextInt(9);
            double[] t = Ticks.nice(lo, hi, target);
            double step = Ticks.step(lo, hi, target);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertTrue(Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6,
                    "step " + step + " for " + lo + ".." + hi);
            assertTrue(t[0] <= lo + 1e-9 * Math.abs(lo) && t[t.length - 1] >= hi - 1e-9 * Math.abs(hi));
            assertTrue(t.length <= 12, "not too many ticks: " + t.length);
        }
    }

    @Test
    void flatRangeStillGetsAnAxis() {
        double[] t = Ticks.nice(5, 5, 5);
        assertTrue(t[0] < 5 && t[t.length - 1] > 5);
        double[] z = Ticks.nice(0, 0, 5);
        assertTrue(z[0] < 0 && z[z.length - 1] > 0);
    }

    @Test
    void logTicksArePowersOfTen() {
        assertArrayEquals(new double[] {1, 10, 100, 1000, 10_000, 100_000}, Ticks.log(3, 12_940));
    }

    @Test
    void byteAxesTickInBinaryUnits() {
        AxisScale s = AxisScale.Linear.of(Axis.of("size", Unit.BYTES), 0, 3.3 * 1024 * 1024, 8);
        assertEquals("size (MiB)", s.title());
        assertEquals(List.of("0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5"),
                s.ticks().stream().map(AxisScale.Tick::label).toList());
        assertEquals(3.5 * 1024 * 1024, s.max());
    }

    @Test
    void timeAxesPickMicroOrMilliseconds() {
        assertEquals("latency (µs)", AxisScale.Linear.of(Axis.of("latency", Unit.NANOSECONDS), 0, 25_000, 6).title());
        assertEquals("t (ms)", AxisScale.Linear.of(Axis.of("t", Unit.NANOSECONDS), 0, 7e6, 6).title());
    }

    @Test
    void largeCountsAreShortenedWithSiSuffixes() {
        AxisScale s = AxisScale.Linear.of(Axis.of("free", Unit.PAGES), 0, 1_900_000, 5);
        assertEquals("free (pages)", s.title());
        assertEquals(List.of("0", "0.5M", "1.0M", "1.5M", "2.0M"), s.ticks().stream().map(AxisScale.Tick::label).toList());
    }

    @Test
    void logAxisLabelsUseSiSuffixes() {
        AxisScale s = AxisScale.Log.of(Axis.of("blocks"), 1, 12_940);
        assertEquals(List.of("1", "10", "100", "1k", "10k", "100k"), s.ticks().stream().map(AxisScale.Tick::label).toList());
    }

    /** The app's JavaFX axes label ticks through the same functions, so both show these words. */
    @Test
    void axisLabelsAreOneWordingForSvgAndApp() {
        Unit.Magnitude k = AxisLabels.suffix(Unit.PAGES, 1_900_000);
        assertEquals("1.5M", AxisLabels.tick(1_500_000, 500_000, k));
        assertEquals("0", AxisLabels.tick(0, 500_000, k), "zero needs no suffix");
        assertEquals("9000", AxisLabels.tick(9000, 1000, AxisLabels.suffix(Unit.PAGES, 9000)), "below ten thousand: all digits");
        assertEquals("256", AxisLabels.tick(256, 128, AxisLabels.suffix(Unit.BYTES, 512)), "sizes carry their unit in the title");
        assertEquals("size (MiB)", AxisLabels.title(Axis.of("size", Unit.BYTES), Unit.BYTES.magnitude(3.3 * 1024 * 1024)));
        assertEquals("share (%)", AxisLabels.title(Axis.of("share", Unit.PERCENT), Unit.PERCENT.magnitude(50)));
        assertEquals(List.of("1", "10", "1k", "10k"), java.util.stream.DoubleStream.of(1, 10, 1000, 10_000)
                .mapToObj(v -> AxisLabels.logTick(Unit.NONE, v)).toList());
    }

    @Test
    void nearestStepRoundsDownAsWellAsUp() {
        assertEquals(100, Ticks.niceStepNearest(140), 1e-9);
        assertEquals(200, Ticks.niceStepNearest(160), 1e-9);
        assertEquals(5, Ticks.niceStepNearest(7), 1e-9);
        assertEquals(10, Ticks.niceStepNearest(8), 1e-9);
        assertEquals(200, Ticks.niceStepAtLeast(140), 1e-9, "the SVG's step never undercuts the range");
    }

    /** A wheel notch narrows the range by about a tenth; the zoomed axis must not widen back to its old ticks. */
    @Test
    void zoomingInANotchGivesFinerTicks() {
        double mib = 1024 * 1024;
        Ticks.Range full = Ticks.zoomRange(0, 1000 * mib, mib, 8);
        assertEquals(new Ticks.Range(0, 1000 * mib, 100 * mib), full);
        Ticks.Range zoomed = Ticks.zoomRange(100 * mib, 600 * mib, mib, 8);
        assertTrue(zoomed.step() < full.step(), zoomed + " after " + full);
        assertTrue(zoomed.lower() <= 100 * mib && zoomed.upper() >= 600 * mib, zoomed.toString());
        assertTrue(zoomed.upper() - zoomed.lower() < full.upper() - full.lower(), zoomed.toString());
    }

    @Test
    void anEmptyZoomRangeIsPaddedAroundItsValue() {
        Ticks.Range r = Ticks.zoomRange(50, 50, 1, 4);
        assertTrue(r.lower() < 50 && r.upper() > 50, r.toString());
        assertEquals(0, r.lower() % r.step(), 1e-9);
        assertEquals(new Ticks.Range(-1, 1, 0.5), Ticks.zoomRange(0, 0, 1, 4));
    }
}
