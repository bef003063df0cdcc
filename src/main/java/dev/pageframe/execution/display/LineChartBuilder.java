package dev.pageframe.execution.display;

/** Builds a {@link LineChart}; start from {@link Charts#line(String)}. */
public final class LineChartBuilder extends XyChartBuilder<LineChartBuilder, LineChart> {

    LineChartBuilder(String title) {
        super(title);
    }

    @Override
    public LineChart build() {
        return new LineChart(title, x, y, series, maxPoints);
    }
}
