package dev.pageframe.execution.display;

import java.util.List;

/** Checks shared by the charts with one value per category per series. */
final class CategoryCharts {

    private CategoryCharts() {}

    static void checkSizes(List<String> categories, List<CategorySeries> series) {
        for (CategorySeries s : series) {
            if (s.size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }
}
