package dev.pageframe.execution;

import java.util.Map;

/**
 * The value of the cell's final expression (Jupyter {@code execute_result}); {@code data} holds
 * {@code text/plain} with JShell's rendering of the value.
 */
public record ExecuteResult(int executionCount, Map<String, Object> data, Map<String, Object> metadata)
        implements CellOutput {
    public ExecuteResult {
        data = Map.copyOf(data);
        metadata = Map.copyOf(metadata);
    }

    /** The {@code text/plain} rendering. */
    public String text() {
        return String.valueOf(data.get("text/plain"));
    }
}
