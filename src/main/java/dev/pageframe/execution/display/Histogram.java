package dev.pageframe.execution.display;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of values in adjacent bins: bin i holds values in {@code [edges[i], edges[i+1])}, the last
 * bin also its upper edge. {@code binning} says how the edges were chosen; {@code stats} describes
 * the values before binning.
 */
public record Histogram(String title, Axis x, Axis y, String name, double[] edges, long[] counts,
        String binning, Stats stats) implements Chart {

    public static final String KIND = "histogram";

    /** Summary of the values a histogram was made from. */
    public record Stats(long count, double min, double max, double mean, double median, double p99) {}

    public Histogram {
        title = Objects.requireNonNullElse(title, "");
        x = Axis.orBlank(x);
        y = Objects.requireNonNullElse(y, Axis.of("count"));
        name = Objects.requireNonNullElse(name, "");
        binning = Objects.requireNonNullElse(binning, "");
        edges = edges.clone();
        counts = counts.clone();
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram with " + counts.length + " bins needs "
                    + (counts.length + 1) + " edges, not " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("histogram edges must increase: " + edges[i - 1] + ", " + edges[i]);
            }
        }
        if (stats == null) {
            stats = new Stats(Arrays.stream(counts).sum(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public double lowerEdge(int bin) {
        return edges[bin];
    }

    public double upperEdge(int bin) {
        return edges[bin + 1];
    }

    public long count(int bin) {
        return counts[bin];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && title.equals(h.title) && x.equals(h.x) && y.equals(h.y)
                && name.equals(h.name) && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts)
                && binning.equals(h.binning) && stats.equals(h.stats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, x, y, name, Arrays.hashCode(edges), Arrays.hashCode(counts), binning, stats);
    }

    @Override
    public String toString() {
        return "Histogram[" + title + ", " + counts.length + " bins, " + stats.count() + " values]";
    }
}
