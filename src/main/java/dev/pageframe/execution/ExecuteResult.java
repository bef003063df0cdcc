package dev.pageframe.execution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of the cell's final expression (Jupyter {@code execute_result}); {@code data} holds
 * {@code text/plain} with JShell's rendering of the value, or, for a value that has a chart, the chart's
 * MIME bundle as {@code display} would publish it.
 */
public record ExecuteResult(int executionCount, Map<String, Object> data, Map<String, Object> metadata)
        implements CellOutput {
    public ExecuteResult {
        // Not Map.copyOf: a chart's JSON values may be null, and bundle order is worth keeping (as DisplayData).
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The {@code text/plain} rendering. */
    public String text() {
        return String.valueOf(data.get("text/plain"));
    }
}
