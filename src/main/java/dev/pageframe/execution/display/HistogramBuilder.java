package dev.pageframe.execution.display;

import java.util.List;

/**
 * Builds a {@link Histogram} from raw values; start from {@link Charts#histogram(String)}. Bins
 * follow {@link Binning#freedmanDiaconis} unless {@link #bins(int)} fixes their number.
 */
public final class HistogramBuilder implements ChartBuilder<Histogram> {

    private final String title;
    private Axis x = Axis.of("");
    private Axis y = Axis.of("count");
    private String name = "";
    private double[] values = new double[0];
    private int bins;

    HistogramBuilder(String title) {
        this.title = title;
    }

    /** Labels the axis of the values. */
    public HistogramBuilder x(String label) {
        return x(label, Unit.NONE);
    }

    /** Labels the axis of the values and gives their unit. */
    public HistogramBuilder x(String label, Unit unit) {
        this.x = new Axis(label, unit, false);
        return this;
    }

    /** Labels the count axis (default "count"). */
    public HistogramBuilder y(String label) {
        this.y = new Axis(label, Unit.NONE, y.log());
        return this;
    }

    /** Counts on a log10 scale, for long tails. */
    public HistogramBuilder logY() {
        this.y = y.logScale();
        return this;
    }

    /** Names what was measured, for the legend. */
    public HistogramBuilder name(String name) {
        this.name = name;
        return this;
    }

    public HistogramBuilder values(double... values) {
        this.values = values.clone();
        return this;
    }

    public HistogramBuilder values(long... values) {
        this.values = Numbers.of(values);
        return this;
    }

    public HistogramBuilder values(int... values) {
        this.values = Numbers.of(values);
        return this;
    }

    public HistogramBuilder values(List<? extends Number> values) {
        this.values = Numbers.of(values);
        return this;
    }

    /** Splits the range into exactly {@code bins} equal bins instead of choosing a width. */
    public HistogramBuilder bins(int bins) {
        if (bins < 1 || bins > Binning.MAX_BINS) {
            throw new IllegalArgumentException("bins must be 1.." + Binning.MAX_BINS + ": " + bins);
        }
        this.bins = bins;
        return this;
    }

    @Override
    public Histogram build() {
        double[] sorted = Binning.sortedFinite(values);
        double[] edges = bins > 0 ? Binning.fixed(sorted, bins) : Binning.freedmanDiaconis(sorted);
        long[] counts = Binning.count(sorted, edges);
        return new Histogram(title, x, y, name, edges, counts,
                bins > 0 ? Binning.FIXED : Binning.FREEDMAN_DIACONIS, Binning.stats(sorted));
    }
}
