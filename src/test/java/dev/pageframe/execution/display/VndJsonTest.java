package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VndJsonTest {

    static Stream<SampleCharts.Named> samples() {
        return SampleCharts.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void vndJsonRoundTripsToTheSameChart(SampleCharts.Named sample) {
        assertEquals(sample.chart(), VndJson.read(VndJson.write(sample.chart())));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void vndJsonTextRoundTripsToTheSameChart(SampleCharts.Named sample) {
        assertEquals(sample.chart(), VndJson.read(VndJson.toJsonString(sample.chart())));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyDocumentCarriesVersionKindAndTitle(SampleCharts.Named sample) {
        ObjectNode json = VndJson.write(sample.chart());
        assertEquals(VndJson.VERSION, json.get("version").asInt());
        assertEquals(sample.chart().kind(), json.get("kind").asText());
        assertEquals(sample.chart().title(), json.get("title").asText());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void chartIsFoundAgainInItsBundleEvenAfterGenericJsonReading(SampleCharts.Named sample) throws Exception {
        Map<String, Object> bundle = sample.chart().mimeBundle();
        assertEquals(sample.chart(), MimeBundles.chartOf(bundle).orElseThrow());
        // A notebook file reader may hand back plain Maps and Lists instead of Jackson trees.
        JsonMapper mapper = JsonMapper.builder().build();
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = mapper.readValue(mapper.writeValueAsString(bundle), Map.class);
        assertEquals(sample.chart(), MimeBundles.chartOf(plain).orElseThrow());
    }

    @Test
    void lineJsonHasAxesAndPoints() {
        JsonNode json = VndJson.write(Charts.line("t").x("tick").y("free", Unit.PAGES)
                .series("Normal", new long[] {0, 1, 2}, new double[] {10, 12.5, 9}).build());
        assertEquals("pages", json.at("/y/unit").asText());
        assertEquals("tick", json.at("/x/label").asText());
        assertEquals("linear", json.at("/y/scale").asText());
        assertEquals("Normal", json.at("/series/0/name").asText());
        assertEquals(12.5, json.at("/series/0/points/1/1").asDouble());
        assertEquals(3, json.at("/series/0/points").size());
    }

    @Test
    void downsampledJsonHoldsAtMostTheThreshold() {
        JsonNode json = VndJson.write(SampleCharts.millionPointLatency());
        assertEquals(Lttb.DEFAULT_THRESHOLD, json.at("/series/0/points").size());
        assertEquals(1_000_000, json.at("/series/0/sourcePoints").asLong());
        assertEquals("lttb", json.at("/series/0/downsampling").asText());
    }

    @Test
    void nonFiniteNumbersBecomeNullAndReadBackAsNaN() {
        LineChart chart = Charts.line("gaps").series("s", new double[] {1, Double.NaN, Double.POSITIVE_INFINITY}).build();
        JsonNode json = VndJson.write(chart);
        assertTrue(json.at("/series/0/points/1/1").isNull());
        assertTrue(json.toString().indexOf("NaN") < 0, "the JSON stays standard");
        Series back = ((LineChart) VndJson.read(json)).series().getFirst();
        assertTrue(Double.isNaN(back.yAt(1)) && Double.isNaN(back.yAt(2)));
    }

    @Test
    void frameMapJsonKeepsRunsNotFrames() {
        FrameMap map = SampleCharts.sixteenGiB();
        JsonNode json = VndJson.write(map);
        assertEquals(map.runs().size(), json.get("runs").size());
        assertEquals(List.of("startPfn", "count", "kind", "zone", "order", "owner"),
                toStrings(json.get("runFields")));
        assertEquals(4L << 20, json.get("endPfn").asLong());
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesDefault() {
        ObjectNode json = VndJson.write(SampleCharts.kmallocWaste());
        json.put("futureField", "ignored");
        json.remove("x");
        BarChart back = (BarChart) VndJson.read(json);
        assertEquals(SampleCharts.kmallocWaste().series(), back.series());
        assertEquals("", back.x().label());
    }

    @Test
    void unknownKindIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> VndJson.read("{\"version\":1,\"kind\":\"pie\"}"));
        assertThrows(IllegalArgumentException.class, () -> VndJson.read("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> VndJson.read("{not json"));
    }

    @Test
    void tableCellsKeepTheirTypes() {
        Table t = Charts.table("t").columns("a", "b", "c", "d", "e").row(1, 2.5, "x", true, null).build();
        Table back = (Table) VndJson.read(VndJson.toJsonString(t));
        assertEquals(List.of(1L, 2.5, "x", true), back.rows().getFirst().subList(0, 4));
        assertEquals(null, back.cell(0, 4));
    }

    @Test
    void mimeTypesNameTheKind() {
        assertEquals("application/vnd.pageframe.line+json", VndJson.mimeType("line"));
        assertTrue(SampleCharts.buddyInfo(false).mimeBundle().containsKey("application/vnd.pageframe.buddyinfo+json"));
    }

    private static List<String> toStrings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
