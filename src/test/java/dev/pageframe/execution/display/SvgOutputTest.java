package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgOutputTest {

    static Stream<SampleCharts.Named> drawnCharts() {
        return SampleCharts.all().stream().filter(n -> !(n.chart() instanceof Table));
    }

    @ParameterizedTest
    @MethodSource("drawnCharts")
    void svgParsesAsXml(SampleCharts.Named sample) throws Exception {
        Document doc = SvgDocs.parse(MimeBundles.svg(sample.chart()));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertFalse(root.getAttribute("width").isEmpty());
        assertFalse(root.getAttribute("height").isEmpty());
        assertEquals("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"), root.getAttribute("viewBox"));
        assertEquals(sample.chart().title(), SvgDocs.byTag(doc, "title").getFirst().getTextContent());
    }

    @ParameterizedTest
    @MethodSource("drawnCharts")
    void sameChartGivesSameBytes(SampleCharts.Named sample) {
        assertEquals(MimeBundles.svg(sample.chart()), MimeBundles.svg(sample.chart()));
    }

    @ParameterizedTest
    @MethodSource("drawnCharts")
    void titleAndNamesAreEscaped(SampleCharts.Named sample) throws Exception {
        String nasty = "<b>&\"quoted\" 'x' \u0007</b>";
        Chart renamed = VndJson.read(VndJson.write(sample.chart()).put("title", nasty));
        String svg = MimeBundles.svg(renamed);
        assertFalse(svg.contains("<b>"));
        Document doc = SvgDocs.parse(svg);
        assertEquals("<b>&\"quoted\" 'x' </b>", SvgDocs.byTag(doc, "title").getFirst().getTextContent());
    }

    @Test
    void lineChartHasOnePathPerSeries() throws Exception {
        LineChart chart = SampleCharts.freePagesOverTime();
        Document doc = SvgDocs.parse(MimeBundles.svg(chart));
        List<Element> series = SvgDocs.byClass(doc, "series");
        assertEquals(2, series.size());
        assertEquals("path", series.getFirst().getLocalName());
        assertEquals("Normal", series.get(0).getAttribute("data-series"));
        assertEquals("DMA32", series.get(1).getAttribute("data-series"));
        // One move-to and then a line-to per remaining point.
        String d = series.getFirst().getAttribute("d");
        assertEquals(chart.series().getFirst().size() - 1, d.chars().filter(c -> c == 'L').count());
    }

    @Test
    void millionPointSvgStaysSmall() {
        String svg = MimeBundles.svg(SampleCharts.millionPointLatency());
        assertTrue(svg.length() < 100_000, "svg is " + svg.length() + " chars");
        assertTrue(svg.contains("LTTB"), "caption says the series was downsampled");
    }

    @Test
    void gapsSplitTheLine() throws Exception {
        LineChart chart = Charts.line("gaps").series("s", new double[] {1, 2, Double.NaN, 4, 5}).build();
        String d = SvgDocs.byClass(SvgDocs.parse(MimeBundles.svg(chart)), "series").getFirst().getAttribute("d");
        assertEquals(2, d.chars().filter(c -> c == 'M').count());
    }

    @Test
    void stackedAreaHasOneGroupPerLayer() throws Exception {
        Document doc = SvgDocs.parse(MimeBundles.svg(SampleCharts.memoryByUse()));
        assertEquals(3, SvgDocs.byClass(doc, "series").size());
        assertTrue(MimeBundles.svg(SampleCharts.memoryByUse()).contains("memory (GiB)"));
    }

    @Test
    void barChartHasABarPerCategoryAndSeries() throws Exception {
        BarChart chart = SampleCharts.kmallocWaste();
        Document doc = SvgDocs.parse(MimeBundles.svg(chart));
        assertEquals(2, SvgDocs.byClass(doc, "series").size());
        assertEquals(chart.categories().size() * 2, SvgDocs.byClass(doc, "bar").size());
    }

    @Test
    void stackedBarChartHasASegmentPerCategoryAndSeries() throws Exception {
        StackedBarChart chart = SampleCharts.pagesByZone();
        Document doc = SvgDocs.parse(MimeBundles.svg(chart));
        assertEquals(3, SvgDocs.byClass(doc, "series").size());
        assertEquals(9, SvgDocs.byClass(doc, "bar").size());
    }

    @Test
    void stackedSegmentsSitOnEachOther() throws Exception {
        StackedBarChart chart = Charts.stacked("s").categories("a").series("x", 10).series("y", 30).build();
        List<Element> bars = SvgDocs.byClass(SvgDocs.parse(MimeBundles.svg(chart)), "bar");
        double topOfFirst = Double.parseDouble(bars.get(0).getAttribute("y"));
        double bottomOfSecond = Double.parseDouble(bars.get(1).getAttribute("y"))
                + Double.parseDouble(bars.get(1).getAttribute("height"));
        assertEquals(topOfFirst, bottomOfSecond, 0.11);
    }

    @Test
    void histogramHasABarPerBin() throws Exception {
        Histogram h = SampleCharts.allocationLatency();
        Document doc = SvgDocs.parse(MimeBundles.svg(h));
        assertEquals(h.bins(), SvgDocs.byClass(doc, "bar").size());
        assertEquals(1, SvgDocs.byClass(doc, "series").size());
    }

    @Test
    void buddyInfoHasASeriesPerZoneAndABarPerOrder() throws Exception {
        BuddyInfo info = Charts.buddyInfo("flat").zone("DMA", 5, 4, 3).zone("DMA32", 9, 8, 7).zone("Normal", 2, 2, 1)
                .build();
        Document doc = SvgDocs.parse(MimeBundles.svg(info));
        assertEquals(3, SvgDocs.byClass(doc, "series").size());
        assertEquals(3 * 3, SvgDocs.byClass(doc, "bar").size());
        assertFalse(MimeBundles.svg(info).contains("Log scale"), "counts within a decade stay linear");
    }

    @Test
    void buddyInfoSpanningDecadesIsDrawnOnTheLogScaleTheAppStartsWith() throws Exception {
        BuddyInfo info = SampleCharts.buddyInfo(false);
        assertFalse(info.log());
        assertTrue(info.logByDefault(), "12,940 free order-0 blocks against 1 elsewhere");
        long positive = info.zones().stream().flatMapToLong(z -> java.util.Arrays.stream(z.nrFree())).filter(v -> v > 0).count();
        Document doc = SvgDocs.parse(MimeBundles.svg(info));
        assertEquals(positive, SvgDocs.byClass(doc, "bar").size(), "a log axis has no bar for an empty order");
        String svg = MimeBundles.svg(info);
        assertTrue(svg.contains("watermarks min 2,896, low 4,993, high 7,090"));
        assertTrue(svg.contains("4 MiB"), "order 10 is labelled with its block size");
    }

    @Test
    void logBuddyInfoSkipsEmptyOrders() throws Exception {
        BuddyInfo info = SampleCharts.buddyInfo(true);
        long positive = info.zones().stream().flatMapToLong(z -> java.util.Arrays.stream(z.nrFree())).filter(v -> v > 0).count();
        Document doc = SvgDocs.parse(MimeBundles.svg(info));
        assertEquals(positive, SvgDocs.byClass(doc, "bar").size());
    }

    @Test
    void tablesHaveNoSvg() {
        assertThrows(IllegalArgumentException.class, () -> MimeBundles.svg(SampleCharts.slabCaches()));
    }

    @Test
    void emptyChartsStillDraw() throws Exception {
        for (Chart empty : List.of(Charts.line("nothing").build(), Charts.bar("nothing").build(),
                Charts.histogram("nothing").build(), Charts.frameMap("nothing").build(), Charts.buddyInfo("nothing").build())) {
            Document doc = SvgDocs.parse(MimeBundles.svg(empty));
            Element root = doc.getDocumentElement();
            assertEquals("svg", root.getTagName(), empty.toString());
            assertTrue(Double.parseDouble(root.getAttribute("width")) > 0 && Double.parseDouble(root.getAttribute("height")) > 0,
                    "an empty " + empty.getClass().getSimpleName() + " still has a size");
            assertEquals(1, SvgDocs.byClass(doc, "background").size(), empty.getClass().getSimpleName());
            assertTrue(SvgDocs.byTag(doc, "text").stream().anyMatch(t -> t.getTextContent().equals("nothing")),
                    "an empty " + empty.getClass().getSimpleName() + " still shows its title");
        }
        Document axes = SvgDocs.parse(MimeBundles.svg(Charts.line("nothing").build()));
        assertFalse(SvgDocs.byClass(axes, "axes").isEmpty(), "an empty line chart still draws its axes");
        assertTrue(SvgDocs.byClass(axes, "series").isEmpty(), "and no series");

        Document flat = SvgDocs.parse(MimeBundles.svg(Charts.line("flat").series("s", new double[] {3, 3, 3}).build()));
        List<Element> series = SvgDocs.byClass(flat, "series");
        assertEquals(1, series.size());
        java.util.Set<String> ys = new java.util.TreeSet<>();
        Matcher point = Pattern.compile("[ML]\\s*([-0-9.]+)[ ,]([-0-9.]+)").matcher(series.getFirst().getAttribute("d"));
        int points = 0;
        while (point.find()) {
            ys.add(point.group(2));
            points++;
        }
        assertEquals(3, points, series.getFirst().getAttribute("d"));
        assertEquals(1, ys.size(), "a flat series is a level line: " + series.getFirst().getAttribute("d"));
        assertTrue(SvgDocs.byClass(flat, "axes").getFirst().getTextContent().contains("3"),
                "the flat value has a tick around it");
    }
}
