package dev.pageframe.execution.display;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the MIME bundle a notebook output stores for a chart, and finds the chart in a bundle.
 *
 * <p>A bundle holds {@code text/plain}, then {@code image/svg+xml} (charts) or {@code text/html}
 * (tables), then {@code application/vnd.pageframe.<kind>+json} as a Jackson tree, in that order.
 */
public final class MimeBundles {

    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";
    public static final String IMAGE_SVG = "image/svg+xml";

    private MimeBundles() {}

    /** The chart's MIME bundle; a new, insertion-ordered map each call. */
    public static Map<String, Object> of(Chart chart) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(TEXT_PLAIN, TextSummary.of(chart));
        if (chart instanceof Table t) {
            bundle.put(TEXT_HTML, HtmlTable.of(t));
        } else {
            bundle.put(IMAGE_SVG, svg(chart));
        }
        bundle.put(VndJson.mimeType(chart.kind()), VndJson.write(chart));
        return bundle;
    }

    /** The chart as a standalone SVG document (tables have none and throw). */
    public static String svg(Chart chart) {
        return switch (chart) {
            case LineChart c -> XySvg.line(c);
            case AreaChart c -> XySvg.area(c);
            case BarChart c -> BarSvg.grouped(c);
            case StackedBarChart c -> BarSvg.stacked(c);
            case Histogram h -> HistogramSvg.render(h);
            case FrameMap m -> FrameMapSvg.render(m);
            case BuddyInfo b -> BuddyInfoSvg.render(b);
            case VmallocMap v -> VmallocMapSvg.render(v);
            case Table t -> throw new IllegalArgumentException("tables are shown as text/html, not SVG");
        };
    }

    /** The chart's text/plain summary. */
    public static String text(Chart chart) {
        return TextSummary.of(chart);
    }

    /**
     * The chart a bundle carries, read from its first {@code application/vnd.pageframe.*+json}
     * entry. The entry may be a Jackson tree, plain Maps and Lists (as a generic JSON reader
     * gives), or JSON text.
     */
    public static Optional<Chart> chartOf(Map<String, ?> bundle) {
        for (Map.Entry<String, ?> e : bundle.entrySet()) {
            if (VndJson.isVndType(e.getKey())) {
                return Optional.of(VndJson.read(tree(e.getValue())));
            }
        }
        return Optional.empty();
    }

    private static JsonNode tree(Object value) {
        return switch (value) {
            case JsonNode node -> node;
            case String json -> {
                try {
                    yield JsonMapper.builder().build().readTree(json);
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw new IllegalArgumentException("vnd entry is not JSON: " + ex.getOriginalMessage(), ex);
                }
            }
            case null -> throw new IllegalArgumentException("vnd entry is null");
            default -> JsonMapper.builder().build().valueToTree(value);
        };
    }
}
