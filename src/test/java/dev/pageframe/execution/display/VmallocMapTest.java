package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.png.ChartPng;
import dev.pageframe.execution.png.PngImage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmallocMapTest {

    private static final long START = 0xffffc90000000000L;

    private static VmallocMap fourPagesAndAGuard() {
        return Charts.vmallocMap("one area").start(START).pageSize(4096)
                .pages(0x6000, 0x6002, 0x6003, 0x5000).page(VmallocMap.UNMAPPED).build();
    }

    @Test
    void runsCountWhereTheFramesStopBeingNeighbours() {
        VmallocMap map = fourPagesAndAGuard();
        assertEquals(3, map.physicalRuns(), "0x6000 | 0x6002 0x6003 | 0x5000");
        assertEquals(4, map.mappedPages());
        assertEquals(0x5000, map.lowestPfn());
        assertEquals(0x6003, map.highestPfn());
    }

    @Test
    void svgDrawsALineFromEveryMappedPageToItsFrameAndTheGuardAsAnEmptyBox() {
        String svg = MimeBundles.svg(fourPagesAndAGuard());
        assertEquals(4, count(svg, "class=\"mapping\""));
        assertEquals(4, count(svg, "class=\"frame\""));
        assertEquals(4, count(svg, "class=\"page\""));
        assertEquals(1, count(svg, "class=\"guard\""));
        assertTrue(svg.contains("0xffffc90000001000 → pfn 0x6002"), "each page's tooltip names its frame");
    }

    @Test
    void theLowestFrameIsDrawnAtTheLeftOfTheStripAndTheHighestAtItsRight() {
        String svg = MimeBundles.svg(Charts.vmallocMap("").pages(100, 200).build());
        double first = number(svg, "class=\"frame\" x=\"");
        double second = number(svg.substring(svg.indexOf("class=\"frame\"") + 5), "class=\"frame\" x=\"");
        assertTrue(first < second, first + " < " + second);
    }

    @Test
    void theMimeBundleHasTextSvgAndJsonThatReadsBackWithTheKernelAddressIntact() {
        VmallocMap map = fourPagesAndAGuard();
        Map<String, Object> bundle = map.mimeBundle();
        assertEquals(List.of("text/plain", "image/svg+xml", "application/vnd.pageframe.vmallocmap+json"), List.copyOf(bundle.keySet()));
        assertEquals(map, MimeBundles.chartOf(bundle).orElseThrow());
        String text = (String) bundle.get("text/plain");
        assertTrue(text.contains("0xffffc90000000000 -> pfn 0x6000"), text);
        assertTrue(text.contains("0xffffc90000004000 -> no frame (guard)"), text);
        assertTrue(text.contains("3 physically contiguous runs"), text);
    }

    @Test
    void rendersAsAPngOfTheSvgsSize() {
        PngImage png = ChartPng.render(fourPagesAndAGuard());
        assertEquals((int) VmallocMapSvg.WIDTH, png.width());
        assertTrue(png.bytes().length > 1000);
    }

    @Test
    void refusesWhatItCannotDrawSayingWhy() {
        var tooMany = assertThrows(IllegalArgumentException.class,
                () -> new VmallocMap("", 0, 4096, Collections.nCopies(VmallocMap.MAX_PAGES + 1, 1L)));
        assertTrue(tooMany.getMessage().contains("at most " + VmallocMap.MAX_PAGES), tooMany.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> Charts.vmallocMap("").page(-7).build());
        assertTrue(negative.getMessage().contains("UNMAPPED"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.vmallocMap("").build());
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static double number(String s, String prefix) {
        int i = s.indexOf(prefix) + prefix.length();
        return Double.parseDouble(s.substring(i, s.indexOf('"', i)));
    }
}
