package dev.pageframe.execution.display;

import java.util.List;

/** Checks shared by the charts with one value per category per series. */
final class CategoryCharts {

    private CategoryCharts() {}

    /** A copy of {@code series}, once each is found to hold one value per category. */
    static List<CategorySeries> checked(List<String> categories, List<CategorySeries> series) {
        List<CategorySeries> copy = List.copyOf(series);
        for (CategorySeries s : copy) {
            if (s.size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.size()
                        + " values for " + categories.size() + " categories");
            }
        }
        return copy;
    }
}
