package dev.pageframe.execution.display;

import java.util.List;
import java.util.Objects;

/** One bar per category, split into a segment per series stacked on each other. */
public record StackedBarChart(String title, Axis x, Axis y, List<String> categories, List<CategorySeries> series)
        implements Chart {

    public static final String KIND = "stacked";

    public StackedBarChart {
        title = Objects.requireNonNullElse(title, "");
        x = Objects.requireNonNullElse(x, Axis.of(""));
        y = Objects.requireNonNullElse(y, Axis.of(""));
        if (y.log()) {
            throw new IllegalArgumentException("stacked bars cannot use a log scale: segment heights would lie");
        }
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        CategoryCharts.checkSizes(categories, series);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
