package dev.pageframe.execution.display;

/** Builds an {@link AreaChart}; start from {@link Charts#area(String)} or {@link Charts#stackedArea(String)}. */
public final class AreaChartBuilder extends XyChartBuilder<AreaChartBuilder, AreaChart> {

    private boolean stacked;

    AreaChartBuilder(String title, boolean stacked) {
        super(title);
        this.stacked = stacked;
    }

    /** Stacks each series on the ones before it (they must share x values). */
    public AreaChartBuilder stacked() {
        this.stacked = true;
        return this;
    }

    @Override
    public AreaChart build() {
        return new AreaChart(title, x, y, series, stacked, maxPoints);
    }
}
