package dev.pageframe.execution.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one cell ends and the next begins when a headless run gives JShell several cells as one block: the
 * block calls {@link #begins} before each cell's statements, and the host starts recording that cell's outputs.
 */
public final class CellBoundary {
    private CellBoundary() {}

    /**
     * Announces that cell {@code index} of batch {@code batch} begins. The event travels after everything the
     * previous cell printed or displayed ({@link EventChannel#send} flushes stdout and stderr first).
     */
    public static void begins(long batch, int index) {
        if (!EventChannel.attached()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(AgentProtocol.TYPE, AgentProtocol.CELL_BEGINS);
        event.put(AgentProtocol.BATCH, batch);
        event.put(AgentProtocol.CELL, index);
        EventChannel.send(event);
    }
}
