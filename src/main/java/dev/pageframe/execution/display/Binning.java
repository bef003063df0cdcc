package dev.pageframe.execution.display;

import java.util.Arrays;

/**
 * Chooses histogram bins. By default the bin width follows Freedman–Diaconis
 * ({@code 2·IQR·n^(-1/3)}, robust to the long tails allocation latencies have), rounded up to a
 * 1-2-5 step so that edges are readable numbers, with the count kept between 1 and
 * {@link #MAX_BINS}. When the IQR is zero (most values equal) Sturges' count
 * ({@code ⌈log2 n⌉ + 1}) is used instead. A fixed count splits [min, max] evenly.
 */
public final class Binning {

    /** More bins than this are unreadable at chart width and only add noise. */
    public static final int MAX_BINS = 200;

    /** Name recorded in a histogram binned by {@link #freedmanDiaconis}. */
    public static final String FREEDMAN_DIACONIS = "freedman-diaconis";

    /** Name recorded in a histogram binned by {@link #fixed}. */
    public static final String FIXED = "fixed";

    private Binning() {}

    /** Bin edges for the finite values of {@code sorted} (ascending) by Freedman–Diaconis. */
    public static double[] freedmanDiaconis(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return new double[] {0, 1};
        }
        double min = sorted[0];
        double max = sorted[n - 1];
        if (min == max) {
            return singleBin(min);
        }
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double width;
        if (iqr > 0) {
            width = 2 * iqr / Math.cbrt(n);
        } else {
            int sturges = (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
            width = (max - min) / sturges;
        }
        // Too narrow a width would exceed MAX_BINS; widen before rounding to a nice step.
        width = Math.max(width, (max - min) / MAX_BINS);
        double step = Ticks.niceStepAtLeast(width);
        double start;
        int bins;
        while (true) {
            start = Math.floor(min / step) * step;
            bins = Math.max(1, (int) Math.ceil((max - start) / step));
            if (start + bins * step <= max) {
                bins++; // max sits on the top edge; give it a bin of its own rather than an extra edge case
            }
            if (bins <= MAX_BINS) {
                break;
            }
            // Rounding the width to a nice step and aligning the start can add a bin or two.
            step = Ticks.niceStepAtLeast(step * 1.01);
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = Ticks.clean(start + i * step, step);
        }
        return edges;
    }

    /** {@code bins} equal bins from the smallest to the largest value of {@code sorted}. */
    public static double[] fixed(double[] sorted, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin: " + bins);
        }
        if (sorted.length == 0) {
            return new double[] {0, 1};
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (min == max) {
            return singleBin(min);
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + (max - min) * i / bins;
        }
        edges[bins] = max;
        return edges;
    }

    /** How many values fall in each bin; the last bin is closed so the maximum is counted. */
    public static long[] count(double[] values, double[] edges) {
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        for (double v : values) {
            if (!Double.isFinite(v) || v < edges[0] || v > edges[bins]) {
                continue;
            }
            int i = Arrays.binarySearch(edges, v);
            int bin = i >= 0 ? i : -i - 2;
            counts[Math.min(bin, bins - 1)]++;
        }
        return counts;
    }

    /** Finite values of {@code values}, sorted ascending. */
    public static double[] sortedFinite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    }

    /** Linear-interpolated quantile {@code q} in [0, 1] of ascending {@code sorted}. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** Summary of ascending {@code sorted} values. */
    public static Histogram.Stats stats(double[] sorted) {
        if (sorted.length == 0) {
            return new Histogram.Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Histogram.Stats(sorted.length, sorted[0], sorted[sorted.length - 1], sum / sorted.length,
                quantile(sorted, 0.5), quantile(sorted, 0.99));
    }

    private static double[] singleBin(double v) {
        double half = v == 0 ? 0.5 : Math.abs(v) * 0.05;
        return new double[] {v - half, v + half};
    }
}
