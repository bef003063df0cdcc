package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamDecodingTest {

    @Test
    void characterSplitAcrossWritesIsDecodedOnceComplete() {
        StringBuilder text = new StringBuilder();
        TextDecodingStream stream = new TextDecodingStream(text::append);
        byte[] bytes = "a😀b".getBytes(StandardCharsets.UTF_8);
        stream.write(bytes, 0, 2);
        assertEquals("a", text.toString());
        stream.write(bytes, 2, 2);
        stream.write(bytes, 4, bytes.length - 4);
        assertEquals("a😀b", text.toString());
    }

    @Test
    void jsonEventsAreCutAtNewlinesWhereverWritesEnd() {
        List<Map<String, Object>> events = new ArrayList<>();
        JsonLineStream stream = new JsonLineStream(events::add);
        byte[] bytes = "{\"type\":\"a\",\"n\":1}\n{\"type\":\"b\"}\n{\"type\"".getBytes(StandardCharsets.UTF_8);
        stream.write(bytes, 0, 5);
        stream.write(bytes, 5, bytes.length - 5);
        assertEquals(List.of(Map.of("type", "a", "n", 1), Map.of("type", "b")), events);
        byte[] rest = ":\"c\"}\n".getBytes(StandardCharsets.UTF_8);
        stream.write(rest, 0, rest.length);
        assertEquals(Map.of("type", "c"), events.get(2));
    }

    @Test
    void malformedEventsAreDroppedWithoutBreakingTheStream() {
        List<Map<String, Object>> events = new ArrayList<>();
        JsonLineStream stream = new JsonLineStream(events::add);
        byte[] bytes = "not json\n{\"type\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);
        stream.write(bytes, 0, bytes.length);
        assertEquals(List.of(Map.of("type", "ok")), events);
    }
}
