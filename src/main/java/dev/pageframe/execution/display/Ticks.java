package dev.pageframe.execution.display;

import java.util.Locale;

/** Tick values at "nice" steps (1, 2 or 5 times a power of ten) and their labels. */
public final class Ticks {

    private Ticks() {}

    /**
     * Ticks covering [min, max] with about {@code target} ticks: the first tick is at or below min,
     * the last at or above max, e.g. 0..973 gives 0, 200, …, 1000.
     */
    public static double[] nice(double min, double max, int target) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("tick range must be finite: " + min + ".." + max);
        }
        if (min > max) {
            double t = min;
            min = max;
            max = t;
        }
        if (min == max) {
            // A flat series still needs an axis; centre it in a unit-wide range.
            double pad = min == 0 ? 1 : niceStepAtLeast(Math.abs(min) / 10);
            min -= pad;
            max += pad;
        }
        double step = step(min, max, target);
        double first = Math.floor(min / step + 1e-9) * step;
        int count = (int) Math.ceil((max - first) / step - 1e-9) + 1;
        double[] ticks = new double[Math.max(count, 2)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = clean(first + i * step, step);
        }
        return ticks;
    }

    /**
     * The span an axis covers for data in [lo, hi]: [0, 1] when the data has no finite end, and
     * widened to take in zero when {@code includeZero} (bars and areas grow from it).
     */
    public static double[] span(double lo, double hi, boolean includeZero) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        return includeZero ? new double[] {Math.min(lo, 0), Math.max(hi, 0)} : new double[] {lo, hi};
    }

    /** The nice step {@link #nice} uses for this range. */
    public static double step(double min, double max, int target) {
        return niceStepAtLeast((max - min) / Math.max(1, target - 1));
    }

    /** The smallest step of the form {1, 2, 5}·10^k that is at least {@code raw}. */
    public static double niceStepAtLeast(double raw) {
        return niceStep(raw, true);
    }

    /**
     * The step of the form {1, 2, 5}·10^k nearest {@code raw} (1.5, 3.5 and 7.5 split the choices).
     * A zoomable axis wants this one: narrowing the range a little must give finer ticks, not be
     * rounded back up to the step it had.
     */
    public static double niceStepNearest(double raw) {
        return niceStep(raw, false);
    }

    private static double niceStep(double raw, boolean atLeast) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        // A little slack so that 0.2 / 0.1 = 2.0000000000000004 still counts as 2.
        double nice = atLeast
                ? (fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10)
                : (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10);
        return nice * power;
    }

    /** An axis range whose ends are whole multiples of {@code step}. */
    public record Range(double lower, double upper, double step) {}

    /**
     * [lo, hi] widened to whole multiples of the nearest 1-2-5 step for about {@code target} ticks,
     * the step counted in units of {@code divisor} (so MiB axes step by 128 MiB, not by 10^8 bytes).
     * An empty range is first padded by a tenth of its value (or by one at zero).
     */
    public static Range zoomRange(double lo, double hi, double divisor, int target) {
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStepNearest((hi - lo) / divisor / Math.max(1, target)) * divisor;
        double lower = Math.floor(lo / step + 1e-9) * step;
        double upper = Math.ceil(hi / step - 1e-9) * step;
        if (upper <= lower) {
            upper = lower + step;
        }
        return new Range(lower, upper, step);
    }

    /** Powers of ten covering [min, max] for a log axis; min must be positive. */
    public static double[] log(double min, double max) {
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (hi <= lo) {
            hi = lo + 1;
        }
        double[] ticks = new double[hi - lo + 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Math.pow(10, lo + i);
        }
        return ticks;
    }

    /** Decimal places needed to show multiples of {@code step} exactly. */
    public static int decimals(double step) {
        if (!(step > 0)) {
            return 0;
        }
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** {@code v} rounded to the precision of {@code step}, so 3 × 0.1 prints as 0.3. */
    static double clean(double v, double step) {
        double scale = Math.pow(10, decimals(step));
        double r = Math.rint(v * scale) / scale;
        return r == 0 ? 0 : r; // no "-0"
    }

    /** A tick label: {@code value} written with the decimals of {@code step}. */
    public static String label(double value, double step) {
        return number(value, step);
    }

    /**
     * Divisor and suffix (k, M, G, T) that shorten the labels of an axis of counts whose largest
     * tick is {@code maxAbs}; (1, "") below ten thousand, where all digits still read at a glance.
     */
    static Unit.Magnitude siMagnitude(double maxAbs) {
        String[] suffixes = {"", "k", "M", "G", "T"};
        if (maxAbs < 10_000) {
            return new Unit.Magnitude(1, "");
        }
        double div = 1;
        int i = 0;
        while (i + 1 < suffixes.length && maxAbs / (div * 1000) >= 1) {
            div *= 1000;
            i++;
        }
        return new Unit.Magnitude(div, suffixes[i]);
    }

    private static String number(double v, double step) {
        int d = decimals(step);
        String s = String.format(Locale.ROOT, "%." + d + "f", clean(v, step));
        return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
    }
}
