package dev.pageframe.execution.display;

/** Builds a {@link StackedBarChart}; start from {@link Charts#stacked(String)}. */
public final class StackedBarChartBuilder extends CategoryChartBuilder<StackedBarChartBuilder, StackedBarChart> {

    StackedBarChartBuilder(String title) {
        super(title, StackedBarChart::new);
    }
}
