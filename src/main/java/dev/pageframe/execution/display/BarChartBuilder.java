package dev.pageframe.execution.display;

/** Builds a {@link BarChart}; start from {@link Charts#bar(String)}. */
public final class BarChartBuilder extends CategoryChartBuilder<BarChartBuilder, BarChart> {

    BarChartBuilder(String title) {
        super(title, BarChart::new);
    }

    /** Draws values on a log10 scale; values ≤ 0 get no bar. */
    public BarChartBuilder logY() {
        this.y = this.y.logScale();
        return this;
    }
}
