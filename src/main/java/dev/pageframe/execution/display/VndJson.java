package dev.pageframe.execution.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code application/vnd.pageframe.<kind>+json} form of a chart: its data as a JSON tree that
 * an interactive renderer redraws from, and that reads back into the same chart record.
 *
 * <p>Every document has {@code version} ({@value #VERSION}), {@code kind} and {@code title}.
 * Non-finite numbers are written as null and read back as NaN. Readers ignore fields they do
 * not know, so later versions may add fields without breaking this one.
 */
public final class VndJson {

    /** Version written into every document; bumped only when a field changes meaning. */
    public static final int VERSION = 1;

    private VndJson() {}

    /** The MIME type for charts of {@code kind}, e.g. {@code application/vnd.pageframe.line+json}. */
    public static String mimeType(String kind) {
        return "application/vnd.pageframe." + kind + "+json";
    }

    /** True when {@code mimeType} is one this package writes. */
    public static boolean isVndType(String mimeType) {
        return mimeType.startsWith("application/vnd.pageframe.") && mimeType.endsWith("+json");
    }

    /** The chart as a fresh JSON tree. */
    public static ObjectNode write(Chart chart) {
        return VndJsonWriter.write(chart);
    }

    /** The chart a JSON tree describes; throws IllegalArgumentException when it describes none. */
    public static Chart read(JsonNode node) {
        return VndJsonReader.read(node);
    }

    /** The chart a JSON text describes. */
    public static Chart read(String json) {
        try {
            return read(JsonMapper.builder().build().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a pageframe chart document: " + e.getOriginalMessage(), e);
        }
    }

    /** The chart as JSON text, for storing or sending. */
    public static String toJsonString(Chart chart) {
        return write(chart).toString();
    }
}
