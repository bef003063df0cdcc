package dev.pageframe.execution.display;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Filled areas under (x, y) series; when {@code stacked}, each series sits on the ones before it
 * and all series must share the same x values.
 */
public record AreaChart(String title, Axis x, Axis y, List<Series> series, boolean stacked, int maxPoints)
        implements Chart {

    public static final String KIND = "area";

    public AreaChart {
        title = Objects.requireNonNullElse(title, "");
        x = Axis.orBlank(x);
        y = Axis.orBlank(y);
        maxPoints = XyCharts.checkMaxPoints(maxPoints);
        series = List.copyOf(series);
        if (stacked) {
            series = downsampleTogether(series, maxPoints);
        } else {
            int limit = maxPoints;
            series = series.stream().map(s -> s.downsampledTo(limit)).toList();
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Stacked layers must keep the same x values, so LTTB picks indices once, on the stack's total,
     * and every layer keeps those.
     */
    private static List<Series> downsampleTogether(List<Series> series, int maxPoints) {
        if (series.isEmpty()) {
            return series;
        }
        Series first = series.getFirst();
        double[] xs = first.x();
        for (Series s : series) {
            if (!Arrays.equals(s.x(), xs)) {
                throw new IllegalArgumentException("stacked series must share x values; '" + s.name()
                        + "' differs from '" + first.name() + "'");
            }
        }
        if (xs.length <= maxPoints) {
            return series;
        }
        double[] total = new double[xs.length];
        for (Series s : series) {
            for (int i = 0; i < total.length; i++) {
                double v = s.yAt(i);
                total[i] += Double.isFinite(v) ? v : 0;
            }
        }
        int[] keep = Lttb.select(xs, total, maxPoints);
        return series.stream().map(s -> s.keep(keep)).toList();
    }
}
