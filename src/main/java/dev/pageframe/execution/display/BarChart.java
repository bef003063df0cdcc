package dev.pageframe.execution.display;

import java.util.List;
import java.util.Objects;

/** Bars side by side per category, one bar per series. */
public record BarChart(String title, Axis x, Axis y, List<String> categories, List<CategorySeries> series)
        implements Chart {

    public static final String KIND = "bar";

    public BarChart {
        title = Objects.requireNonNullElse(title, "");
        x = Axis.orBlank(x);
        y = Axis.orBlank(y);
        categories = List.copyOf(categories);
        series = CategoryCharts.checked(categories, series);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
