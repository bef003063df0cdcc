package dev.pageframe.execution.cells;

import dev.pageframe.execution.agent.ValueBundles;
import dev.pageframe.execution.display.Chart;
import java.util.Map;

/** A cell's final value shown as {@code display} would show it, when that is a chart ({@link EngineCharts#chartOf}). */
public final class ChartValueBundles implements ValueBundles {
    @Override
    public Map<String, ?> bundleFor(Object value) {
        Chart chart = EngineCharts.chartOf(value);
        return chart == null ? null : chart.mimeBundle();
    }
}
