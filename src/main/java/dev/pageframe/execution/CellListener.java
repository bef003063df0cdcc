package dev.pageframe.execution;

import java.time.Instant;

/**
 * Live notifications for one cell execution, so a UI can stream output and draw progress before
 * the cell finishes. Called on kernel threads; implementations must not block.
 */
public interface CellListener {
    /** A listener that ignores everything. */
    CellListener NONE = new CellListener() {};

    /** The cell left the queue and began running with this execution count. */
    default void started(int executionCount, Instant at) {}

    /** One output as it arrives; consecutive stream chunks are merged only in the final result. */
    default void output(CellOutput output) {}

    /** The cell reported progress through {@code CellContext.progress}. */
    default void progress(Progress progress) {}
}
