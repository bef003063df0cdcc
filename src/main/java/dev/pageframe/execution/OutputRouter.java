package dev.pageframe.execution;

import dev.pageframe.execution.agent.AgentProtocol;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Receives everything an agent sends besides command replies (stdout, stderr, events, console
 * lines) and hands it to the cell that is running, or to the session when none is.
 */
final class OutputRouter {
    private final Consumer<CellOutput> unattributed;
    private final TextDecodingStream stdout = new TextDecodingStream(text -> route(new StreamOutput(StreamName.STDOUT, text)));
    private final TextDecodingStream stderr = new TextDecodingStream(text -> route(new StreamOutput(StreamName.STDERR, text)));
    private final JsonLineStream events = new JsonLineStream(this::event);
    private volatile CellRecorder current;
    private volatile Boundaries boundaries;
    private volatile boolean exitAnnounced;
    private volatile long batchToken;

    OutputRouter(Consumer<CellOutput> unattributed) {
        this.unattributed = unattributed;
    }

    Map<String, OutputStream> channels() {
        return Map.of(
                AgentProtocol.STDOUT_CHANNEL, stdout,
                AgentProtocol.STDERR_CHANNEL, stderr,
                AgentProtocol.EVENT_CHANNEL, events);
    }

    void attach(CellRecorder recorder) {
        current = recorder;
    }

    void detach() {
        current = null;
    }

    /** Told where each cell of a batch begins; see {@link #expectBatch}. */
    interface Boundaries {
        /** Cell {@code index} of the batch begins: route its outputs from here on (called on the reader thread). */
        void cellBegins(int index);
    }

    /**
     * Until {@link #endBatch}, a {@code CellBoundary} event carrying {@code token} goes to {@code boundaries}; events
     * with another token (a cell calling {@code CellBoundary} itself) are ignored.
     */
    void expectBatch(long token, Boundaries boundaries) {
        this.batchToken = token;
        this.boundaries = boundaries;
    }

    void endBatch() {
        boundaries = null;
    }

    /** A line the agent process printed outside JShell's streams (JVM warnings, crash notes). */
    void console(String line) {
        StreamOutput output = new StreamOutput(StreamName.STDERR, line + System.lineSeparator());
        CellRecorder recorder = current;
        // A startup snippet's outputs are dropped with it: the agent JVM's own lines printed meanwhile (its banner, a
        // warning at its start, which now often comes while the imports compile) belong to the session instead.
        if (recorder != null && recorder.startup()) {
            Listeners.call(() -> unattributed.accept(output));
        } else {
            route(output);
        }
    }

    /** Whether the agent announced that it is exiting through System.exit. */
    boolean exitAnnounced() {
        return exitAnnounced;
    }

    private void route(CellOutput output) {
        CellRecorder recorder = current;
        if (recorder != null) {
            recorder.add(output);
        } else {
            Listeners.call(() -> unattributed.accept(output));
        }
    }

    private void event(Map<String, Object> event) {
        switch (String.valueOf(event.get(AgentProtocol.TYPE))) {
            case AgentProtocol.DISPLAY -> route(new DisplayData(
                    mapOrEmpty(event.get("data")), mapOrEmpty(event.get("metadata"))));
            case AgentProtocol.PROGRESS -> {
                CellRecorder recorder = current;
                if (recorder != null) {
                    recorder.progress(number(event.get("done")), number(event.get("total")),
                            String.valueOf(event.getOrDefault("label", "")));
                }
            }
            case AgentProtocol.EXITING -> exitAnnounced = true;
            case AgentProtocol.CELL_BEGINS -> {
                Boundaries batch = boundaries;
                if (batch != null && event.get(AgentProtocol.BATCH) instanceof Number token
                        && token.longValue() == batchToken && event.get(AgentProtocol.CELL) instanceof Number index) {
                    batch.cellBegins(index.intValue());
                }
            }
            default -> { /* An event from a newer agent: ignore. */ }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOrEmpty(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
