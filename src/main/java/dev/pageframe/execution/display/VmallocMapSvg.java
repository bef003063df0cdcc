package dev.pageframe.execution.display;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link VmallocMap}: the virtual pages as a row of boxes, physical memory from the lowest
 * to the highest frame used as a strip below, and a line from each page to the frame behind it.
 */
final class VmallocMapSvg {

    static final double WIDTH = 760;
    private static final double PAD = 14;
    private static final double LABELS = 96;
    private static final double BOX = 22;
    private static final double GAP = 150;

    private VmallocMapSvg() {}

    static String render(VmallocMap map) {
        List<String> titleLines = Plot.titleLines(map.title(), WIDTH);
        double top = PAD + titleLines.size() * (Plot.TITLE_FONT + 4) + 14;
        double x0 = PAD + LABELS;
        double stripWidth = WIDTH - x0 - PAD;
        double virtualY = top;
        double physicalY = top + BOX + GAP;
        double height = physicalY + BOX + 52;
        int n = map.pfns().size();
        double slot = stripWidth / n;
        long lo = map.lowestPfn();
        long hi = map.highestPfn();
        long span = lo == VmallocMap.UNMAPPED ? 1 : hi - lo + 1;
        double frameWidth = Math.max(1.5, stripWidth / span);
        String pageColor = Palette.series(0);
        String frameColor = Palette.frameKind(FrameMapKind.VMALLOC);

        SvgWriter svg = new SvgWriter(WIDTH, height, map.title());
        for (int i = 0; i < titleLines.size(); i++) {
            svg.text("text", titleLines.get(i), "x", SvgWriter.num(PAD), "y", SvgWriter.num(PAD + Plot.TITLE_FONT + i * (Plot.TITLE_FONT + 4)),
                    "font-size", SvgWriter.num(Plot.TITLE_FONT), "font-weight", "bold", "fill", Palette.TEXT);
        }
        svg.text("text", "virtual", "x", SvgWriter.num(PAD), "y", SvgWriter.num(virtualY + 15), "fill", Palette.TEXT);
        svg.text("text", "physical", "x", SvgWriter.num(PAD), "y", SvgWriter.num(physicalY + 15), "fill", Palette.TEXT);
        svg.text("text", hexAddress(map.start()), "x", SvgWriter.num(x0), "y", SvgWriter.num(virtualY - 4),
                "font-size", "10", "fill", Palette.MUTED_TEXT);
        svg.empty("rect", "class", "strip", "x", SvgWriter.num(x0), "y", SvgWriter.num(physicalY),
                "width", SvgWriter.num(stripWidth), "height", SvgWriter.num(BOX), "fill", Palette.GRID);

        svg.start("g", "class", "mappings", "stroke", Palette.AXIS, "stroke-width", "0.8");
        for (int i = 0; i < n; i++) {
            long pfn = map.pfns().get(i);
            if (pfn == VmallocMap.UNMAPPED) {
                continue;
            }
            double from = x0 + (i + 0.5) * slot;
            double to = frameX(pfn, lo, span, x0, stripWidth) + frameWidth / 2;
            svg.empty("line", "class", "mapping", "x1", SvgWriter.num(from), "y1", SvgWriter.num(virtualY + BOX),
                    "x2", SvgWriter.num(to), "y2", SvgWriter.num(physicalY));
        }
        svg.end("g");

        drawPages(svg, map, x0, slot, virtualY, pageColor);

        svg.start("g", "class", "frames", "fill", frameColor);
        for (long pfn : map.pfns()) {
            if (pfn != VmallocMap.UNMAPPED) {
                svg.start("rect", "class", "frame", "x", SvgWriter.num(frameX(pfn, lo, span, x0, stripWidth)),
                        "y", SvgWriter.num(physicalY), "width", SvgWriter.num(frameWidth), "height", SvgWriter.num(BOX));
                svg.text("title", "pfn " + FrameMapSvg.hex(pfn));
                svg.end("rect");
            }
        }
        svg.end("g");

        if (lo != VmallocMap.UNMAPPED) {
            svg.text("text", "pfn " + FrameMapSvg.hex(lo), "x", SvgWriter.num(x0), "y", SvgWriter.num(physicalY + BOX + 14),
                    "font-size", "10", "fill", Palette.MUTED_TEXT);
            svg.text("text", "pfn " + FrameMapSvg.hex(hi), "x", SvgWriter.num(x0 + stripWidth), "y", SvgWriter.num(physicalY + BOX + 14),
                    "font-size", "10", "fill", Palette.MUTED_TEXT, "text-anchor", "end");
        }
        svg.text("text", caption(map), "x", SvgWriter.num(PAD), "y", SvgWriter.num(height - 10), "font-size", "11",
                "fill", Palette.MUTED_TEXT);
        return svg.finish();
    }

    /** The virtual pages in a row, a guard page drawn dashed; each names its address and frame on hover. */
    private static void drawPages(SvgWriter svg, VmallocMap map, double x0, double slot, double virtualY, String pageColor) {
        int n = map.pfns().size();
        svg.start("g", "class", "pages");
        for (int i = 0; i < n; i++) {
            long pfn = map.pfns().get(i);
            double x = x0 + i * slot;
            double w = Math.max(0.8, slot - (slot > 4 ? 1 : 0));
            long address = map.start() + i * map.pageSize();
            if (pfn == VmallocMap.UNMAPPED) {
                svg.start("rect", "class", "guard", "x", SvgWriter.num(x), "y", SvgWriter.num(virtualY), "width", SvgWriter.num(w),
                        "height", SvgWriter.num(BOX), "fill", Palette.BACKGROUND, "stroke", Palette.AXIS, "stroke-dasharray", "3 2");
                svg.text("title", hexAddress(address) + ": no frame (guard page)");
                svg.end("rect");
            } else {
                svg.start("rect", "class", "page", "x", SvgWriter.num(x), "y", SvgWriter.num(virtualY), "width", SvgWriter.num(w),
                        "height", SvgWriter.num(BOX), "fill", pageColor);
                svg.text("title", hexAddress(address) + " → pfn " + FrameMapSvg.hex(pfn));
                svg.end("rect");
            }
        }
        svg.end("g");
    }

    private static double frameX(long pfn, long lo, long span, double x0, double stripWidth) {
        return x0 + (double) (pfn - lo) / span * stripWidth;
    }

    /** One line a reader takes in first: how many pages, over how much physical memory, in how many pieces. */
    static String caption(VmallocMap map) {
        int mapped = map.mappedPages();
        int unmapped = map.pfns().size() - mapped;
        StringBuilder b = new StringBuilder();
        b.append(mapped).append(mapped == 1 ? " page" : " pages");
        if (mapped > 0) {
            long span = map.highestPfn() - map.lowestPfn() + 1;
            b.append(" in frames ").append(FrameMapSvg.hex(map.lowestPfn())).append('–').append(FrameMapSvg.hex(map.highestPfn()))
                    .append(" (a stretch of ").append(span).append(span == 1 ? " frame" : " frames").append(") · ")
                    .append(map.physicalRuns()).append(map.physicalRuns() == 1 ? " physically contiguous run" : " physically contiguous runs");
        }
        if (unmapped > 0) {
            b.append(" · ").append(unmapped).append(" unmapped (guard)");
        }
        return b.toString();
    }

    static String hexAddress(long address) {
        return String.format(Locale.ROOT, "0x%x", address);
    }
}
