package dev.pageframe.execution.display;

import java.util.List;
import java.util.Objects;

/** One bar per category, split into a segment per series stacked on each other. */
public record StackedBarChart(String title, Axis x, Axis y, List<String> categories, List<CategorySeries> series)
        implements Chart {

    public static final String KIND = "stacked";

    public StackedBarChart {
        title = Objects.requireNonNullElse(title, "");
        x = Axis.orBlank(x);
        y = Axis.orBlank(y);
        if (y.log()) {
            throw new IllegalArgumentException("stacked bars cannot use a log scale: segment heights would lie");
        }
        categories = List.copyOf(categories);
        series = CategoryCharts.checked(categories, series);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
