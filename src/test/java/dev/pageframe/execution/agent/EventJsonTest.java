package dev.pageframe.execution.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** What the host reads from the text: the same tree as from Jackson's text for the same event. */
    private static void readsAsJacksonsWouldBe(Map<String, ?> event) throws Exception {
        Optional<String> text = EventJson.encode(event);
        assertTrue(text.isPresent(), "written without Jackson: " + event);
        assertEquals(JACKSON.readTree(JACKSON.writeValueAsString(event)), JACKSON.readTree(text.get()), text.get());
    }

    @Test
    void aDisplayBundleWithTextAndAPngReadsAsJacksonsText() throws Exception {
        byte[] png = new byte[300];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 37);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 nul \u0000 é 漢 😀 </script>");
        data.put("image/png", png);
        readsAsJacksonsWouldBe(Map.of("type", "display", "data", data, "metadata", Map.of("width", 640)));
    }

    @Test
    void progressNumbersBooleansNullsAndNestedListsReadAsJacksonsText() throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("done", Long.MAX_VALUE);
        event.put("total", -1);
        event.put("short", (short) 7);
        event.put("byte", (byte) -3);
        event.put("ratio", 0.1 + 0.2);
        event.put("tiny", 1e-300);
        event.put("float", 2.5f);
        event.put("flag", true);
        event.put("nothing", null);
        event.put("rows", List.of(List.of(1, 2), new ArrayList<>(Arrays.asList("a", null))));
        event.put("empty", Map.of());
        readsAsJacksonsWouldBe(event);
    }

    @Test
    void insertionOrderIsKept() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", "x");
        bundle.put("text/html", "<b>x</b>");
        assertEquals("{\"text/plain\":\"x\",\"text/html\":\"<b>x</b>\"}", EventJson.encode(bundle).orElseThrow());
    }

    record Point(int x, int y) {}

    @Test
    void recordsNonFiniteNumbersAndNonStringKeysAreLeftToJackson() {
        assertEquals(Optional.empty(), EventJson.encode(Map.of("p", new Point(1, 2))));
        assertEquals(Optional.empty(), EventJson.encode(Map.of("v", Double.NaN)));
        assertEquals(Optional.empty(), EventJson.encode(Map.of("v", Float.POSITIVE_INFINITY)));
        assertEquals(Optional.empty(), EventJson.encode(Map.of("m", Map.of(1, "one"))));
        assertEquals(Optional.empty(), EventJson.encode(Map.of("a", new int[] {1})));
    }
}
