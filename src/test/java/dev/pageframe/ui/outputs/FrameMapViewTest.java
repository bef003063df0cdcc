package dev.pageframe.ui.outputs;

import static dev.pageframe.ui.outputs.FxTest.first;
import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.engine.Kernel;
import dev.pageframe.execution.cells.EngineCharts;
import dev.pageframe.execution.display.Charts;
import dev.pageframe.execution.display.FrameGrid;
import dev.pageframe.execution.display.FrameMapKind;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.FrameMapBuilder;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;

@ExtendWith(ApplicationExtension.class)
class FrameMapViewTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    private FrameMapView render(FrameMap map, double width) {
        Node view = show(stage, () -> OutputViews.render(Samples.display(map), OutputContext.NONE), width, 760);
        return first(view, FrameMapView.class);
    }

    private static Point2D screenPointOf(FrameMapView view, long pfn) {
        return fx(() -> {
            FrameMapCanvas canvas = view.canvas();
            Point2D local = canvas.pointOf(pfn);
            return canvas.localToScreen(local);
        });
    }

    @Test
    void frameMapHoverShowsPfnZoneAndOwner(FxRobot robot) {
        FrameMapView view = render((FrameMap) Samples.smallFrameMap(), 900);
        assertEquals(1, view.framesPerCell(), "256 frames get a cell each");
        assertEquals(FrameMapView.HINT, view.readoutText());
        robot.moveTo(screenPointOf(view, 0x83), Motion.DIRECT);
        FxTest.settle();
        String readout = fx(view::readoutText);
        assertTrue(readout.startsWith("pfn 0x83 (131)"), readout);
        assertTrue(readout.contains("zone Normal"), readout);
        assertTrue(readout.contains("slab"), readout);
        assertTrue(readout.contains("order 3 (32 KiB block)"), readout);
        assertTrue(readout.contains("owner kmalloc-64"), readout);
        robot.moveTo(screenPointOf(view, 0x8a), Motion.DIRECT);
        FxTest.settle();
        assertTrue(fx(view::readoutText).contains("owner cell 3"), fx(view::readoutText));
        robot.moveTo(screenPointOf(view, 0xf5), Motion.DIRECT);
        FxTest.settle();
        assertTrue(fx(view::readoutText).contains("hole"), fx(view::readoutText));
        robot.moveTo(fx(() -> view.canvas().localToScreen(2, 2)), Motion.DIRECT);
        FxTest.settle();
        assertEquals(FrameMapView.HINT, fx(view::readoutText));
    }

    @Test
    void groupedCellsReportTheFrameUnderThePointerAndTheCellMajority(FxRobot robot) {
        Kernel k = Samples.bootedKernel();
        FrameMap map = EngineCharts.frameMap(k, k.frame_map());
        FrameMapView view = render(map, 1000);
        assertEquals(32, view.framesPerCell(), "262,144 frames in 8,192 cells of 32");
        long pfn = map.runs().stream().filter(r -> r.kind() == FrameMapKind.ANON).findFirst().orElseThrow().startPfn() + 40;
        robot.moveTo(screenPointOf(view, pfn), Motion.DIRECT);
        FxTest.settle();
        String readout = fx(view::readoutText);
        assertTrue(readout.contains("user memory"), readout);
        assertTrue(readout.contains("zone DMA32"), readout);
        assertTrue(readout.contains(" · cell 0x"), readout);
        String hex = "0x" + Long.toHexString(pfn).substring(0, Long.toHexString(pfn).length() - 1);
        assertTrue(readout.startsWith("pfn " + hex), "pfn within a frame of the pointer: " + readout + " vs " + pfn);
    }

    @Test
    void draggingAcrossTheMapZoomsIntoThosePfnsAndHoverStaysExact(FxRobot robot) {
        FrameMapView view = render((FrameMap) Samples.smallFrameMap(), 900);
        double wholeCell = fx(() -> view.canvas().cellSize());
        assertEquals(FrameMapView.ZOOM_HINT, fx(view::zoomText));
        assertFalse(fx(() -> view.wholeMemoryButton().isVisible()));

        drag(robot, screenPointOf(view, 0x80), screenPointOf(view, 0x8f));

        assertTrue(fx(view::isZoomed));
        assertEquals(16, fx(view::cellCount), "the 16 frames dragged across, a cell each");
        assertTrue(fx(view::zoomText).startsWith("pfn 0x80–0x8f of 256 frames (16 shown"), fx(view::zoomText));
        robot.moveTo(screenPointOf(view, 0x83), Motion.DIRECT);
        FxTest.settle();
        String readout = fx(view::readoutText);
        assertTrue(readout.startsWith("pfn 0x83 (131)"), readout);
        assertTrue(readout.contains("owner kmalloc-64"), readout);
        robot.moveTo(screenPointOf(view, 0x8c), Motion.DIRECT);
        FxTest.settle();
        assertTrue(fx(view::readoutText).startsWith("pfn 0x8c (140) · zone Normal · free"), fx(view::readoutText));

        robot.clickOn(view.wholeMemoryButton());
        FxTest.settle();
        assertFalse(fx(view::isZoomed));
        assertEquals(256, fx(view::cellCount));
        assertEquals(FrameMapView.ZOOM_HINT, fx(view::zoomText));
        assertFalse(fx(() -> view.wholeMemoryButton().isVisible()));
        assertEquals(wholeCell, fx(() -> view.canvas().cellSize()));
        robot.moveTo(screenPointOf(view, 0xf5), Motion.DIRECT);
        FxTest.settle();
        assertTrue(fx(view::readoutText).startsWith("pfn 0xf5 (245)"), "hover maps the whole map again: "
                + fx(view::readoutText));
    }

    @Test
    void zoomingIntoGroupedCellsRegroupsThemDownToSingleFrames(FxRobot robot) {
        Kernel k = Samples.bootedKernel();
        FrameMap map = EngineCharts.frameMap(k, k.frame_map());
        FrameMapView view = render(map, 1000);
        assertEquals(32, view.framesPerCell());
        long anon = map.runs().stream().filter(r -> r.kind() == FrameMapKind.ANON && r.count() >= 256).findFirst()
                .orElseThrow().startPfn();
        long cellStart = anon - anon % 32;

        drag(robot, screenPointOf(view, cellStart), screenPointOf(view, cellStart + 3 * 32));

        assertEquals(1, fx(view::framesPerCell), "4 cells of 32 frames: a cell per frame once zoomed");
        assertEquals(128, fx(view::cellCount));
        assertTrue(fx(view::zoomText).startsWith("pfn " + FrameMapCanvas.hex(cellStart) + "–"
                + FrameMapCanvas.hex(cellStart + 127) + " of 262,144 frames"), fx(view::zoomText));
        long pfn = cellStart + 77;
        robot.moveTo(screenPointOf(view, pfn), Motion.DIRECT);
        FxTest.settle();
        String readout = fx(view::readoutText);
        assertTrue(readout.startsWith(String.format("pfn %s (%,d) · zone DMA32", FrameMapCanvas.hex(pfn), pfn)), readout);
        assertFalse(readout.contains(" · cell 0x"), "single frames need no cell summary: " + readout);

        robot.doubleClickOn(screenPointOf(view, pfn), MouseButton.PRIMARY);
        FxTest.settle();
        assertEquals(32, fx(view::framesPerCell), "a double-click shows the whole memory again");
        assertFalse(fx(view::isZoomed));
    }

    @Test
    void aClickWithoutADragDoesNotZoom(FxRobot robot) {
        FrameMapView view = render((FrameMap) Samples.smallFrameMap(), 900);
        robot.clickOn(screenPointOf(view, 0x40), MouseButton.PRIMARY);
        FxTest.settle();
        assertFalse(fx(view::isZoomed));
        assertEquals(256, fx(view::cellCount));
    }

    @Test
    void cellsOfARangeCountOnlyTheFramesInIt() {
        FrameMap map = (FrameMap) Samples.smallFrameMap();
        FrameGrid part = FrameGrid.of(map, 130, 140, FrameGrid.MAX_CELLS);
        assertEquals(10, part.cells());
        assertEquals(FrameMapKind.SLAB, part.kind(0));
        assertEquals(FrameMapKind.PAGE, part.kind(9));
        assertTrue(part.isPartOf(map));
        FrameGrid tail = FrameGrid.of(map, 200, 256, 8);
        assertEquals(8, tail.framesPerCell(), "56 frames in at most 8 cells");
        assertEquals(FrameMapKind.FREE, tail.kind(tail.cells() - 4), "pfns 224–231: free");
        assertEquals(FrameMapKind.HOLE, tail.kind(tail.cells() - 1), "the map's last frames are not covered by a run");
        assertFalse(FrameGrid.of(map).isPartOf(map));
    }

    private static void drag(FxRobot robot, Point2D from, Point2D to) {
        robot.drag(from, MouseButton.PRIMARY).dropTo(to);
        FxTest.settle();
    }

    @Test
    void legendListsKindsWithTheirShare() {
        FrameMapView view = render((FrameMap) Samples.smallFrameMap(), 900);
        List<HBox> items = FxTest.all(view, HBox.class, h -> h.getStyleClass().contains("framemap-legend-item"));
        List<String> texts = items.stream().map(FxTest::text).toList();
        assertTrue(texts.contains("slab32 KiB · 3.1%"), texts.toString());
        assertTrue(texts.contains("hole64 KiB · 6.3%"), texts.toString());
        assertTrue(FxTest.text(view).contains("Each cell is one frame (4 KiB)."));
    }

    @Test
    void frameMapGroupsFourMillionFramesIntoCells() {
        // 16 GiB, 4,194,304 frames, in alternating runs: what a long-running machine looks like.
        FrameMapBuilder b = Charts.frameMap("16 GiB").zone("DMA", 0, 4096).zone("DMA32", 4096, 1 << 20)
                .zone("Normal", 1 << 20, 1 << 22);
        FrameMapKind[] kinds = {FrameMapKind.FREE, FrameMapKind.SLAB, FrameMapKind.ANON, FrameMapKind.PAGECACHE, FrameMapKind.PAGE};
        long pfn = 0;
        int i = 0;
        while (pfn < (1 << 22)) {
            long n = Math.min((1 << 22) - pfn, 16 + (i * 7919L) % 200);
            String zone = pfn < 4096 ? "DMA" : pfn < (1 << 20) ? "DMA32" : "Normal";
            long end = pfn < 4096 ? Math.min(pfn + n, 4096) : pfn < (1 << 20) ? Math.min(pfn + n, 1 << 20) : pfn + n;
            b.run(pfn, end - pfn, kinds[i % kinds.length], zone, 0, "task " + i);
            pfn = end;
            i++;
        }
        FrameMap map = b.build();
        FrameMapView view = render(map, 1000);
        assertEquals(512, view.framesPerCell());
        assertTrue(view.cellCount() <= FrameGrid.MAX_CELLS);
        assertEquals(FrameGrid.of(map).cells(), view.cellCount(), "the canvas draws the SVG's grid");
        double w = fx(() -> view.canvas().canvas().getWidth());
        assertTrue(w > 900, "the canvas spans the view: " + w);
        assertTrue(fx(() -> view.describe(0x3fffff)).startsWith("pfn 0x3fffff (4,194,303) · zone Normal"));
    }

    /** A 16 MiB machine in a wide column: cells as large as the height allows, not the hairline rows of 3-4 px. */
    @Test
    void aSmallMachinesFramesGetTheLargestCellsThatFitTheHeight() {
        Kernel k = Kernel.boot(dev.pageframe.engine.MachineProfiles.I386_LINUX_1_2, 16L << 20);
        FrameMapView view = render(EngineCharts.frameMap(k, k.frame_map()), 900);
        assertEquals(4096, fx(view::cellCount), "a frame a cell");
        assertEquals(64, fx(() -> view.canvas().columns()));
        assertEquals(6.0, fx(() -> view.canvas().cellSize()), "64 rows of 6 px: 384 px, within the 440 px the map may take");
        Point2D p = fx(() -> view.canvas().pointOf(0x123));
        assertEquals(0x123, fx(() -> view.canvas().pfnAt(p.getX(), p.getY())));
    }

    @Test
    void frameMapRedrawsWhenResized() {
        FrameMapView view = render((FrameMap) Samples.smallFrameMap(), 900);
        double wide = fx(() -> view.canvas().canvas().getWidth());
        FxTest.fxRun(() -> stage.setWidth(500));
        FxTest.settle();
        double narrow = fx(() -> view.canvas().canvas().getWidth());
        assertTrue(narrow < wide && narrow <= 500, wide + " -> " + narrow);
        Point2D p = fx(() -> view.canvas().pointOf(0x83));
        assertEquals(0x83, fx(() -> view.canvas().pfnAt(p.getX(), p.getY())));
        assertFalse(fx(() -> view.canvas().columns()) < 8);
    }

    @Test
    void zoneNamesAreDrawnBesideTheMap() {
        FrameMapView view = render((FrameMap) Samples.smallFrameMap(), 900);
        // Zone names are canvas text; the caption and legend are labels around it.
        assertTrue(FxTest.all(view, Label.class, l -> l.getText().contains("256 frames")).size() == 1);
        Point2D dma = fx(() -> view.canvas().pointOf(0x10));
        assertEquals(0x10, fx(() -> view.canvas().pfnAt(dma.getX(), dma.getY())));
    }

    @Test
    void canvasColoursFollowTheTheme() {
        FrameMapView view = render((FrameMap) Samples.smallFrameMap(), 900);
        javafx.scene.paint.Paint lightFree = fx(() -> view.canvas().kindColor(FrameMapKind.FREE));
        assertEquals(javafx.scene.paint.Color.web(dev.pageframe.execution.display.Palette.frameKind(FrameMapKind.FREE)), lightFree);
        try {
            FxTest.fxRun(() -> javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
            FxTest.settle();
            javafx.scene.paint.Color darkFree = (javafx.scene.paint.Color) fx(() -> view.canvas().kindColor(FrameMapKind.FREE));
            assertTrue(darkFree.getBrightness() < 0.4, "free frames are dark on a dark background: " + darkFree);
            assertEquals(javafx.scene.paint.Color.web(dev.pageframe.execution.display.Palette.frameKind(FrameMapKind.SLAB)),
                    fx(() -> view.canvas().kindColor(FrameMapKind.SLAB)), "kinds in use keep the shared palette");
        } finally {
            FxTest.fxRun(FxTest::theme);
            FxTest.settle();
        }
    }
}
