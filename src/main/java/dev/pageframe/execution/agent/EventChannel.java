package dev.pageframe.execution.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The agent's single event stream to the host: newline-delimited JSON objects on
 * {@link AgentProtocol#EVENT_CHANNEL}.
 *
 * <p>State is static because cell code reaches it through the static {@link CellContext} API, and
 * the agent JVM has exactly one host connection.
 */
final class EventChannel {
    private static volatile OutputStream stream;

    private EventChannel() {}

    /** Installed once by {@link AgentMain} when the host connection is up. */
    static void attach(OutputStream eventStream) {
        stream = eventStream;
    }

    static boolean attached() {
        return stream != null;
    }

    /** Sends one event; stdout and stderr are flushed first so the event keeps its place among them. */
    static void send(Map<String, ?> event) {
        OutputStream out = stream;
        if (out == null) {
            throw new IllegalStateException("not running inside a Pageframe kernel");
        }
        byte[] line = (json(event) + "\n").getBytes(StandardCharsets.UTF_8);
        System.out.flush();
        System.err.flush();
        try {
            // One write call: the multiplexing stream writes it atomically with respect to
            // other channels, so a line is never interleaved with stdout bytes.
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("lost the connection to the host", e);
        }
    }

    /** The JSON text of a map of JSON-encodable values: by hand where it can, else by Jackson. */
    static String json(Map<String, ?> value) {
        return EventJson.encode(value).orElseGet(() -> Json.encode(value));
    }

    /** Shutdown hook: tells the host the JVM is exiting on purpose (System.exit), not crashing. */
    static void announceExit() {
        OutputStream out = stream;
        if (out == null) {
            return;
        }
        try {
            out.write(("{\"" + AgentProtocol.TYPE + "\":\"" + AgentProtocol.EXITING + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // The host is gone or the stream is broken; it will see the process exit anyway.
        }
    }

    /**
     * Loads and exercises Jackson ahead of the first display of a chart (whose bundle holds a Jackson tree), which
     * would otherwise pay for it; runs in the background while the host is still compiling the first cells.
     */
    static void warmUp() {
        try {
            Json.MAPPER.writeValueAsString(Map.of(AgentProtocol.TYPE, AgentProtocol.DISPLAY,
                    "data", Map.of("text/plain", "", "image/png", new byte[1]), "metadata", Map.of()));
        } catch (JsonProcessingException | RuntimeException ignored) {
            // Only a warm-up; a real display reports its own problems.
        }
    }

    /** Jackson, for the values {@link EventJson} leaves to it (records, beans): loaded only when a cell sends one. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        static String encode(Map<String, ?> event) {
            try {
                return MAPPER.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot encode as JSON: " + e.getOriginalMessage(), e);
            }
        }
    }
}
