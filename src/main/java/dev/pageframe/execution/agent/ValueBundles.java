package dev.pageframe.execution.agent;

import java.util.Map;

/**
 * How a cell's final value shows as rich output (a chart rather than its {@code toString}). The cell functions
 * provide it (a {@link java.util.ServiceLoader} service), so that the agent's core knows nothing of charts.
 */
public interface ValueBundles {
    /** The MIME bundle {@code value} is shown as, with a {@code text/plain} entry; null when text will do. */
    Map<String, ?> bundleFor(Object value);
}
