package dev.pageframe.execution.display;

import java.util.List;
import java.util.Objects;

/** Lines through (x, y) points, one per series; series longer than {@code maxPoints} are downsampled. */
public record LineChart(String title, Axis x, Axis y, List<Series> series, int maxPoints) implements Chart {

    public static final String KIND = "line";

    public LineChart {
        title = Objects.requireNonNullElse(title, "");
        x = Axis.orBlank(x);
        y = Axis.orBlank(y);
        maxPoints = XyCharts.checkMaxPoints(maxPoints);
        int limit = maxPoints;
        series = series.stream().map(s -> s.downsampledTo(limit)).toList();
    }

    @Override
    public String kind() {
        return KIND;
    }
}
