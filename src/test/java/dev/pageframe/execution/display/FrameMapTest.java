package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class FrameMapTest {

    // How long rendering takes is a benchmark's question, not a unit test's (a loaded CI machine failed a wall-clock
    // limit here); these tests hold the output's size, which the map's grouping of frames guarantees.
    @Test
    void sixteenGibMachineSvgStaysUnderOneMegabyte() {
        String svg = MimeBundles.svg(SampleCharts.sixteenGiB());
        assertTrue(svg.length() < 1_000_000, "svg is " + svg.length() + " chars");
    }

    @Test
    void worstCaseAlternatingFramesStillStaySmall() {
        // Every frame differs from its neighbour: 4M runs, the most a map can vary.
        long frames = 4L << 20;
        List<FrameSpan> runs = new ArrayList<>((int) frames);
        for (long pfn = 0; pfn < frames; pfn++) {
            runs.add(new FrameSpan(pfn, 1, (pfn / 512) % 2 == 0 ? FrameMapKind.SLAB : FrameMapKind.FREE, "Normal"));
        }
        FrameMap map = Charts.frameMap("alternating").zone("Normal", 0, frames).runs(runs).build();
        String svg = MimeBundles.svg(map);
        assertTrue(svg.length() < 1_000_000, "svg is " + svg.length() + " chars");
    }

    @Test
    void largeMapsGroupFramesAndSaySo() {
        FrameGrid grid = FrameGrid.of(SampleCharts.sixteenGiB(), FrameGrid.MAX_CELLS);
        assertEquals(512, grid.framesPerCell());
        assertEquals(8192, grid.cells());
        assertTrue(MimeBundles.svg(SampleCharts.sixteenGiB()).contains("Each cell groups 512 frames (2 MiB)"));
    }

    @Test
    void smallMapsDrawOneCellPerFrame() {
        FrameGrid grid = FrameGrid.of(SampleCharts.smallMachine(), FrameGrid.MAX_CELLS);
        assertEquals(1, grid.framesPerCell());
        assertEquals(4096, grid.cells());
        assertTrue(MimeBundles.svg(SampleCharts.smallMachine()).contains("Each cell is one frame (4 KiB)"));
    }

    @Test
    void groupTakesTheKindHoldingMostFrames() {
        FrameMap map = Charts.frameMap("t").zone("Normal", 0, 4 * 8192)
                .run(0, 3, FrameMapKind.SLAB, "Normal").run(3, 1, FrameMapKind.PAGE, "Normal").build();
        FrameGrid grid = FrameGrid.of(map, 8192);
        assertEquals(4, grid.framesPerCell());
        assertEquals(FrameMapKind.SLAB, grid.kind(0));
        assertEquals(FrameMapKind.HOLE, grid.kind(1), "frames no run covers are holes");
    }

    /** The SVG, the text summary and the app's canvas all draw {@link FrameGrid}'s cells; the SVG shows each in its kind. */
    @Test
    void svgDrawsEveryCellOfTheSharedGridInItsKind() throws Exception {
        FrameMap map = Charts.frameMap("mixed").zone("DMA", 0, 4096).zone("Normal", 4096, 3 * 4096)
                .run(0, 700, FrameMapKind.KERNEL, "DMA").run(900, 2000, FrameMapKind.SLAB, "DMA")
                .run(4096, 5000, FrameMapKind.FREE, "Normal").run(9500, 100, FrameMapKind.PAGE, "Normal").build();
        FrameGrid grid = FrameGrid.of(map);
        java.util.Map<String, Integer> gridCells = new java.util.TreeMap<>();
        for (int c = 0; c < grid.cells(); c++) {
            gridCells.merge(grid.kind(c).jsonName(), 1, Integer::sum);
        }
        Document doc = SvgDocs.parse(MimeBundles.svg(map));
        java.util.Map<String, Integer> drawn = new java.util.TreeMap<>();
        double cell = -1;
        for (Element kind : SvgDocs.byClass(doc, "kind")) {
            org.w3c.dom.NodeList rects = kind.getElementsByTagName("rect");
            for (int i = 0; i < rects.getLength(); i++) {
                Element r = (Element) rects.item(i);
                cell = Double.parseDouble(r.getAttribute("height"));
                drawn.merge(kind.getAttribute("data-kind"),
                        (int) Math.round(Double.parseDouble(r.getAttribute("width")) / cell), Integer::sum);
            }
        }
        assertEquals(gridCells, drawn);
        assertEquals(java.util.Set.of("kernel", "slab", "free", "page", "hole"), gridCells.keySet());
    }

    @Test
    void aRangeCoveringTheWholeMapGroupsItAsTheWholeMapDoes() {
        FrameMap map = SampleCharts.sixteenGiB();
        FrameGrid whole = FrameGrid.of(map, 1024);
        FrameGrid range = FrameGrid.of(map, map.firstPfn(), map.endPfn(), 1024);
        assertEquals(whole.framesPerCell(), range.framesPerCell());
        assertEquals(whole.cells(), range.cells());
        for (int c = 0; c < whole.cells(); c++) {
            assertEquals(whole.kind(c), range.kind(c), "cell " + c);
        }
        FrameGrid half = FrameGrid.of(map, map.firstPfn(), map.endPfn() / 2, 1024);
        assertTrue(half.isPartOf(map));
        assertTrue(half.framesPerCell() < whole.framesPerCell(), "a zoomed range shows finer cells");
    }

    @Test
    void zoneBoundariesAndLegendAreDrawn() throws Exception {
        Document doc = SvgDocs.parse(MimeBundles.svg(SampleCharts.sixteenGiB()));
        List<Element> boundaries = SvgDocs.byClass(doc, "zone-boundary");
        assertEquals(List.of("DMA32", "Normal"), boundaries.stream().map(e -> e.getAttribute("data-zone")).toList());
        assertEquals(3, SvgDocs.byClass(doc, "zone-label").size());
        List<String> swatches = SvgDocs.byClass(doc, "swatch").stream().map(e -> e.getAttribute("data-kind")).toList();
        assertEquals(List.of("free", "page", "slab", "vmalloc", "dma", "pagecache", "reserved", "kernel", "hole"), swatches);
    }

    @Test
    void cellsOfOneKindInARowShareARect() throws Exception {
        FrameMap map = Charts.frameMap("one kind").zone("Normal", 0, 1024).run(0, 1024, FrameMapKind.FREE, "Normal").build();
        Document doc = SvgDocs.parse(MimeBundles.svg(map));
        Element group = SvgDocs.byClass(doc, "kind").getFirst();
        assertEquals("free", group.getAttribute("data-kind"));
        assertEquals(1024 / 32, group.getElementsByTagName("rect").getLength(), "one rect per row of 32 cells");
    }

    @Test
    void overlappingRunsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Charts.frameMap("t")
                .run(0, 10, FrameMapKind.FREE, "DMA").run(5, 10, FrameMapKind.SLAB, "DMA").build());
    }

    @Test
    void runsAreSortedByPfn() {
        FrameMap map = Charts.frameMap("t").run(10, 5, FrameMapKind.FREE, "DMA").run(0, 5, FrameMapKind.SLAB, "DMA").build();
        assertEquals(0, map.runs().getFirst().startPfn());
        long[] byKind = map.framesByKind();
        assertEquals(5, byKind[FrameMapKind.HOLE.ordinal()], "pfns 5..9 are a hole");
    }
}
