package dev.pageframe.execution.display;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named series of (x, y) points; {@code sourcePoints} is how many points it had before it was
 * downsampled (equal to its size when it was not). Non-finite y values are gaps.
 */
public record Series(String name, double[] x, double[] y, long sourcePoints) {

    public Series {
        name = Objects.requireNonNullElse(name, "");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length
                    + " points but y has " + y.length);
        }
        x = x.clone();
        y = y.clone();
        sourcePoints = Math.max(sourcePoints, y.length);
    }

    /** A series that was not downsampled. */
    public Series(String name, double[] x, double[] y) {
        this(name, x, y, y.length);
    }

    /** Number of points held. */
    public int size() {
        return y.length;
    }

    /** True when this series holds fewer points than it was made from. */
    public boolean downsampled() {
        return sourcePoints > y.length;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The x value at {@code i} without copying the array. */
    public double xAt(int i) {
        return x[i];
    }

    /** The y value at {@code i} without copying the array. */
    public double yAt(int i) {
        return y[i];
    }

    /** This series cut to at most {@code threshold} points by {@link Lttb}. */
    public Series downsampledTo(int threshold) {
        if (y.length <= threshold) {
            return this;
        }
        return keep(Lttb.select(x, y, threshold));
    }

    /** This series reduced to the points at {@code indices}. */
    Series keep(int[] indices) {
        if (indices.length == y.length) {
            return this;
        }
        return new Series(name, Lttb.pick(x, indices), Lttb.pick(y, indices), sourcePoints);
    }

    /** Smallest and largest finite y, or NaN twice when there is none. */
    double[] yRange() {
        return Numbers.finiteRange(y);
    }

    double[] xRange() {
        return Numbers.finiteRange(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && sourcePoints == s.sourcePoints
                && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, sourcePoints, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + y.length + " points"
                + (downsampled() ? " of " + sourcePoints : "") + "]";
    }
}
