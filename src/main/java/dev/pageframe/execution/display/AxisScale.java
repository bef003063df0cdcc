package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/** Maps an axis' values onto [0, 1] of its drawn length, with the ticks and titles to label it. */
sealed interface AxisScale permits AxisScale.Linear, AxisScale.Log {

    /** A tick mark: where it goes and what it says. */
    record Tick(double value, String label) {}

    /** Where {@code v} falls along the axis, 0 at {@link #min()}, 1 at {@link #max()}; NaN if it cannot be drawn. */
    double fraction(double v);

    double min();

    double max();

    List<Tick> ticks();

    /** Axis title with the unit symbol, e.g. "size (MiB)". */
    String title();

    /** The value bars and areas grow from: zero when the axis shows it, else its nearest end. */
    double baseline();

    /** Tick labels widest first is what layout needs; this is the widest one's estimated width. */
    default double widestLabel(double fontSize) {
        double w = 0;
        for (Tick t : ticks()) {
            w = Math.max(w, TextMetrics.width(t.label(), fontSize));
        }
        return w;
    }

    /**
     * A scale for values in [lo, hi] drawn along {@code length} px, with as many ticks as fit:
     * about one per 50 px vertically, and horizontally as many as have room for their labels.
     */
    static AxisScale fitting(Axis axis, double lo, double hi, double length, boolean horizontal, boolean includeZero) {
        if (axis.log()) {
            return Log.of(axis, lo, hi);
        }
        double[] span = Ticks.span(lo, hi, includeZero);
        lo = span[0];
        hi = span[1];
        int target = (int) Math.max(2, Math.min(horizontal ? 11 : 8, Math.floor(length / (horizontal ? 70 : 45))));
        Linear scale = Linear.of(axis, lo, hi, target);
        while (horizontal && target > 2 && !fits(scale, length)) {
            target--;
            scale = Linear.of(axis, lo, hi, target);
        }
        return scale;
    }

    private static boolean fits(AxisScale scale, double length) {
        double needed = 0;
        for (Tick t : scale.ticks()) {
            needed += TextMetrics.width(t.label(), Plot.TICK_FONT) + 14;
        }
        return needed <= length;
    }

    /** Evenly spaced ticks at a 1-2-5 step in the unit's best magnitude (MiB, µs, k pages, …). */
    record Linear(double min, double max, List<Tick> ticks, String title) implements AxisScale {

        static Linear of(Axis axis, double lo, double hi, int target) {
            Unit unit = axis.unit();
            Unit.Magnitude m = unit.magnitude(Math.max(Math.abs(lo), Math.abs(hi)));
            double[] values = Ticks.nice(lo / m.divisor(), hi / m.divisor(), target);
            double step = values[1] - values[0];
            double maxAbs = Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
            Unit.Magnitude suffix = AxisLabels.suffix(unit, maxAbs);
            List<Tick> ticks = new ArrayList<>(values.length);
            for (double v : values) {
                ticks.add(new Tick(v * m.divisor(), AxisLabels.tick(v, step, suffix)));
            }
            return new Linear(values[0] * m.divisor(), values[values.length - 1] * m.divisor(), List.copyOf(ticks),
                    AxisLabels.title(axis, m));
        }

        @Override
        public double fraction(double v) {
            return Double.isFinite(v) ? (v - min) / (max - min) : Double.NaN;
        }

        @Override
        public double baseline() {
            return Math.max(min, Math.min(max, 0));
        }
    }

    /**
     * Powers of ten. The bottom sits half a decade below the smallest positive value so that a
     * count of one still shows as a short bar rather than none.
     */
    record Log(double min, double max, List<Tick> ticks, String title) implements AxisScale {

        static Log of(Axis axis, double lo, double hi) {
            if (!(hi > 0)) {
                lo = 1;
                hi = 10;
            }
            if (!(lo > 0)) {
                lo = Math.min(1, hi);
            }
            double[] decades = Ticks.log(lo, hi);
            double bottom = decades[0] / 2;
            List<Tick> ticks = new ArrayList<>();
            Unit unit = axis.unit();
            for (double v : decades) {
                ticks.add(new Tick(v, AxisLabels.logTick(unit, v)));
            }
            return new Log(bottom, decades[decades.length - 1], List.copyOf(ticks), AxisLabels.logTitle(axis));
        }

        @Override
        public double fraction(double v) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return Double.NaN;
            }
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }

        @Override
        public double baseline() {
            return min;
        }
    }
}
