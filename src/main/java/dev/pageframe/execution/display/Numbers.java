package dev.pageframe.execution.display;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Conversions from what a notebook cell has at hand (primitive arrays, Lists) to double arrays. */
final class Numbers {

    private Numbers() {}

    static double[] of(double[] values) {
        return values.clone();
    }

    static double[] of(long[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    static double[] of(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Null elements become NaN, which charts draw as gaps. */
    static double[] of(Collection<? extends Number> values) {
        double[] out = new double[values.size()];
        int i = 0;
        for (Number n : values) {
            out[i++] = n == null ? Double.NaN : n.doubleValue();
        }
        return out;
    }

    /** 0, 1, …, n-1: the x of a series given only its y values. */
    static double[] indices(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Smallest and largest finite value, or NaN twice when there is none. */
    static double[] finiteRange(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    static List<String> strings(Collection<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    static long[] copy(long[] values) {
        return Arrays.copyOf(values, values.length);
    }
}
