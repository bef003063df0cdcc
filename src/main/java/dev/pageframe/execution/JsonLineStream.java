package dev.pageframe.execution;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes the agent's event channel: one JSON object per line. Malformed lines are dropped rather
 * than thrown, because this runs on JShell's demultiplexer thread.
 */
final class JsonLineStream extends DemuxSinkStream<Map<String, Object>> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    JsonLineStream(Consumer<Map<String, Object>> sink) {
        super(sink);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    /** One JSON object's text as a map, as the event channel's lines are read. */
    static Map<String, Object> parse(String json) throws IOException {
        return MAPPER.readValue(json, OBJECT);
    }

    private void emit() {
        byte[] json = line.toByteArray();
        line.reset();
        try {
            sink.accept(MAPPER.readValue(json, OBJECT));
        } catch (IOException | RuntimeException e) {
            System.getLogger(JsonLineStream.class.getName())
                    .log(System.Logger.Level.WARNING, "dropped an agent event", e);
        }
    }
}
