package dev.pageframe.execution;

import java.time.Duration;
import java.time.Instant;

/**
 * When a cell was queued, started and finished: what Jupyter keeps as {@code execution} metadata
 * ({@code iopub.execute_input} is {@link #started}, {@code shell.execute_reply} is {@link #finished}).
 */
public record CellTiming(Instant submitted, Instant started, Instant finished) {
    /** Time the cell ran (excluding time spent queued). */
    public Duration duration() {
        return Duration.between(started, finished);
    }
}
