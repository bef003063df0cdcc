package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a frame map as a grid of cells, pfns running left to right and top to bottom, with zone
 * boundaries as stepped lines. Neighbouring cells of one kind in a row share one rect and rects
 * are grouped by colour, so even a map of millions of frames stays a few hundred kilobytes.
 */
final class FrameMapSvg {

    private static final double PAD = 14;
    private static final double ROW_LABELS = 70;
    private static final double ZONE_LABELS = 190;
    private static final String HOLE_PATTERN = "pf-hole";

    private FrameMapSvg() {}

    static String render(FrameMap map) {
        FrameGrid grid = FrameGrid.of(map);
        int cols = grid.cells() <= 256 ? 16 : grid.cells() <= 1024 ? 32 : grid.cells() <= 4096 ? 64 : 128;
        double cell = Math.min(24, 512.0 / cols);
        int rows = (grid.cells() + cols - 1) / cols;
        double gridWidth = cols * cell;
        double width = PAD + ROW_LABELS + gridWidth + 10 + ZONE_LABELS;

        // The legend is laid out first because the grid starts below however many rows it needs.
        List<String> titleLines = Plot.titleLines(map.title(), width);
        Legend legend = layOutLegend(map, width, PAD + titleLines.size() * (Plot.TITLE_FONT + 4) + 8);
        double rowY = legend.lastRowY();
        double gridLeft = PAD + ROW_LABELS;
        double gridTop = rowY + 9 + 14;
        double gridBottom = gridTop + rows * cell;

        List<String> captionLines = captionLines(map, grid, width);
        double[] zoneLabelY = zoneLabelPositions(map, grid, cols, cell, gridTop);
        double contentBottom = gridBottom;
        for (double zy : zoneLabelY) {
            contentBottom = Math.max(contentBottom, zy + 16);
        }
        double height = contentBottom + 20 + (captionLines.size() - 1) * 15 + PAD;

        SvgWriter svg = new SvgWriter(width, height, map.title());
        drawHolePattern(svg);
        Plot.drawTitle(svg, titleLines);
        drawLegend(svg, legend);

        drawCells(svg, grid, cols, cell, gridLeft, gridTop);
        if (cell >= 6) {
            drawCellLines(svg, cols, rows, cell, gridLeft, gridTop);
        }
        svg.empty("rect", "class", "frame", "x", SvgWriter.num(gridLeft), "y", SvgWriter.num(gridTop),
                "width", SvgWriter.num(gridWidth), "height", SvgWriter.num(rows * cell), "fill", "none",
                "stroke", Palette.AXIS);
        drawRowLabels(svg, grid, cols, rows, cell, gridLeft, gridTop);
        drawZones(svg, map, grid, cols, cell, gridLeft, gridTop, gridWidth, zoneLabelY);

        drawCaptions(svg, captionLines, contentBottom + 20);
        return svg.finish();
    }

    /** The legend's entries (the kinds present, with their share) and where each goes, rows wrapped to the width. */
    private record Legend(List<FrameMapKind> kinds, List<double[]> at, List<String> text, double lastRowY) {}

    private static Legend layOutLegend(FrameMap map, double width, double top) {
        long[] byKind = map.framesByKind();
        long total = map.endPfn() - map.firstPfn();
        List<FrameMapKind> shown = new ArrayList<>();
        List<double[]> at = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        double x = PAD;
        double rowY = top + 9;
        for (FrameMapKind k : FrameMapKind.values()) {
            if (byKind[k.ordinal()] == 0) {
                continue;
            }
            String text = k.label() + " " + Unit.BYTES.format((double) byKind[k.ordinal()] * map.pageSize())
                    + " (" + percent(byKind[k.ordinal()], total) + ")";
            double w = 22 + TextMetrics.width(text, Plot.LABEL_FONT) + 16;
            if (x + w > width - PAD && x > PAD) {
                x = PAD;
                rowY += 18;
            }
            shown.add(k);
            at.add(new double[] {x, rowY});
            texts.add(text);
            x += w;
        }
        return new Legend(shown, at, texts, rowY);
    }

    private static void drawLegend(SvgWriter svg, Legend legend) {
        svg.start("g", "class", "legend", "fill", Palette.TEXT);
        for (int i = 0; i < legend.kinds().size(); i++) {
            double[] at = legend.at().get(i);
            FrameMapKind k = legend.kinds().get(i);
            svg.empty("rect", "class", "swatch", "data-kind", k.jsonName(), "x", SvgWriter.num(at[0] + 2),
                    "y", SvgWriter.num(at[1] - 6), "width", "12", "height", "12", "fill", fill(k),
                    "stroke", Palette.AXIS, "stroke-width", "0.5");
            svg.text("text", legend.text().get(i), "x", SvgWriter.num(at[0] + 20), "y", SvgWriter.num(at[1] + 4));
        }
        svg.end("g");
    }

    /** Holes are hatched, so a gap in RAM never reads as a kind of use. */
    private static void drawHolePattern(SvgWriter svg) {
        svg.start("defs");
        svg.start("pattern", "id", HOLE_PATTERN, "width", "4", "height", "4", "patternUnits", "userSpaceOnUse");
        svg.empty("rect", "width", "4", "height", "4", "fill", Palette.frameKind(FrameMapKind.HOLE));
        svg.empty("path", "d", "M0 4L4 0", "stroke", Palette.HOLE_HATCH, "stroke-width", "1");
        svg.end("pattern");
        svg.end("defs");
    }

    private static List<String> captionLines(FrameMap map, FrameGrid grid, double width) {
        long total = map.endPfn() - map.firstPfn();
        List<String> captions = new ArrayList<>();
        captions.add(cellCaption(grid, map.pageSize()));
        captions.add(Unit.plain(total) + " frames of " + Unit.BYTES.format((double) map.pageSize()) + " = "
                + Unit.BYTES.format((double) total * map.pageSize()) + " · " + Unit.plain(map.runs().size())
                + " runs · pfns run left to right, top to bottom; heavy lines are zone boundaries.");
        List<String> lines = new ArrayList<>();
        for (String c : captions) {
            lines.addAll(Plot.wrap(c, width - 2 * PAD, Plot.CAPTION_FONT));
        }
        return lines;
    }

    private static void drawCaptions(SvgWriter svg, List<String> lines, double top) {
        svg.start("g", "class", "captions", "fill", Palette.MUTED_TEXT, "font-size", SvgWriter.num(Plot.CAPTION_FONT));
        double cy = top;
        for (String line : lines) {
            svg.text("text", line, "x", SvgWriter.num(PAD), "y", SvgWriter.num(cy));
            cy += 15;
        }
        svg.end("g");
    }

    /** Says how much one cell stands for, and that its colour is a majority vote when it groups frames. */
    static String cellCaption(FrameGrid grid, long pageSize) {
        if (grid.framesPerCell() == 1) {
            return "Each cell is one frame (" + Unit.BYTES.format((double) pageSize) + ").";
        }
        return "Each cell groups " + Unit.plain(grid.framesPerCell()) + " frames ("
                + Unit.BYTES.format((double) grid.framesPerCell() * pageSize)
                + ") and takes the colour of the kind holding most of them.";
    }

    private static String fill(FrameMapKind k) {
        return k == FrameMapKind.HOLE ? "url(#" + HOLE_PATTERN + ")" : Palette.frameKind(k);
    }

    private static void drawCells(SvgWriter svg, FrameGrid grid, int cols, double cell, double left, double top) {
        FrameMapKind[] kinds = FrameMapKind.values();
        StringBuilder[] byKind = new StringBuilder[kinds.length];
        for (int c = 0; c < grid.cells(); ) {
            FrameMapKind k = grid.kind(c);
            int row = c / cols;
            int start = c;
            // Extend along the row while the kind holds; rows break runs so each rect stays a bar.
            while (c < grid.cells() && grid.kind(c) == k && c / cols == row) {
                c++;
            }
            StringBuilder b = byKind[k.ordinal()];
            if (b == null) {
                b = byKind[k.ordinal()] = new StringBuilder(1024);
            }
            b.append("<rect x=\"");
            SvgWriter.appendNum(b, left + (start % cols) * cell);
            b.append("\" y=\"");
            SvgWriter.appendNum(b, top + row * cell);
            b.append("\" width=\"");
            SvgWriter.appendNum(b, (c - start) * cell);
            b.append("\" height=\"");
            SvgWriter.appendNum(b, cell);
            b.append("\"/>\n");
        }
        svg.start("g", "class", "cells");
        for (FrameMapKind k : kinds) {
            if (byKind[k.ordinal()] != null) {
                svg.start("g", "class", "kind", "data-kind", k.jsonName(), "fill", fill(k));
                svg.raw(byKind[k.ordinal()]);
                svg.end("g");
            }
        }
        svg.end("g");
    }

    /** Hairlines between cells, drawn once per row and column rather than per cell. */
    private static void drawCellLines(SvgWriter svg, int cols, int rows, double cell, double left, double top) {
        StringBuilder d = new StringBuilder();
        for (int c = 1; c < cols; c++) {
            d.append('M');
            SvgWriter.appendNum(d, left + c * cell);
            d.append(' ');
            SvgWriter.appendNum(d, top);
            d.append('v');
            SvgWriter.appendNum(d, rows * cell);
        }
        for (int r = 1; r < rows; r++) {
            d.append('M');
            SvgWriter.appendNum(d, left);
            d.append(' ');
            SvgWriter.appendNum(d, top + r * cell);
            d.append('h');
            SvgWriter.appendNum(d, cols * cell);
        }
        svg.empty("path", "class", "cell-lines", "d", d.toString(), "stroke", Palette.BACKGROUND, "stroke-width", "1");
    }

    private static void drawRowLabels(SvgWriter svg, FrameGrid grid, int cols, int rows, double cell, double left,
            double top) {
        int every = 1;
        while (every * cell < 16) {
            every <<= 1;
        }
        svg.start("g", "class", "row-labels", "fill", Palette.MUTED_TEXT, "font-size", "10", "text-anchor", "end",
                "font-family", "DejaVu Sans Mono, Menlo, Consolas, monospace");
        for (int r = 0; r < rows; r += every) {
            long pfn = grid.basePfn() + (long) r * cols * grid.framesPerCell();
            svg.text("text", hex(pfn), "x", SvgWriter.num(left - 6), "y", SvgWriter.num(top + r * cell + 8));
        }
        svg.end("g");
        svg.text("text", "pfn", "x", SvgWriter.num(left - 6), "y", SvgWriter.num(top - 4), "fill", Palette.MUTED_TEXT,
                "font-size", "10", "text-anchor", "end");
    }

    /** Zone labels sit beside the row where their zone starts, pushed down when they would overlap. */
    private static double[] zoneLabelPositions(FrameMap map, FrameGrid grid, int cols, double cell, double top) {
        double[] ys = new double[map.zones().size()];
        double nextFreeY = top;
        for (int i = 0; i < ys.length; i++) {
            long c = grid.cellOf(map.zones().get(i).startPfn());
            double rowTop = top + (c / cols) * cell;
            ys[i] = Math.max(rowTop + 10, nextFreeY + 10);
            nextFreeY = ys[i] + 18;
        }
        return ys;
    }

    private static void drawZones(SvgWriter svg, FrameMap map, FrameGrid grid, int cols, double cell, double left,
            double top, double gridWidth, double[] labelYs) {
        svg.start("g", "class", "zones");
        double labelX = left + gridWidth + 10;
        for (int i = 0; i < labelYs.length; i++) {
            ZoneSpan z = map.zones().get(i);
            long c = grid.cellOf(z.startPfn());
            int row = (int) (c / cols);
            int col = (int) (c % cols);
            double rowTop = top + row * cell;
            if (c > 0) {
                // A stepped line: under the cells before the boundary, up at it, over the cells after.
                String d = col == 0
                        ? "M" + SvgWriter.num(left) + " " + SvgWriter.num(rowTop) + "h" + SvgWriter.num(gridWidth)
                        : "M" + SvgWriter.num(left) + " " + SvgWriter.num(rowTop + cell)
                                + "H" + SvgWriter.num(left + col * cell) + "V" + SvgWriter.num(rowTop)
                                // In the first row nothing lies above, and the grid's own border is enough.
                                + (row == 0 ? "" : "H" + SvgWriter.num(left + gridWidth));
                svg.empty("path", "class", "zone-boundary", "data-zone", z.name(), "d", d, "fill", "none",
                        "stroke", Palette.ZONE_BOUNDARY, "stroke-width", "2");
            }
            double labelY = labelYs[i];
            svg.empty("line", "x1", SvgWriter.num(labelX - 8), "y1", SvgWriter.num(rowTop + 0.5), "x2",
                    SvgWriter.num(labelX - 2), "y2", SvgWriter.num(labelY - 4), "stroke", Palette.ZONE_BOUNDARY);
            svg.text("text", z.name(), "class", "zone-label", "x", SvgWriter.num(labelX), "y", SvgWriter.num(labelY),
                    "font-weight", "bold", "fill", Palette.TEXT);
            svg.text("text", hex(z.startPfn()) + "–" + hex(z.endPfn() - 1) + " · "
                    + Unit.BYTES.format((double) z.frames() * map.pageSize()), "x", SvgWriter.num(labelX),
                    "y", SvgWriter.num(labelY + 13), "font-size", "10", "fill", Palette.MUTED_TEXT);
        }
        svg.end("g");
    }

    static String hex(long pfn) {
        return "0x" + Long.toHexString(pfn);
    }

    static String percent(long part, long whole) {
        if (whole <= 0) {
            return "0%";
        }
        double p = 100.0 * part / whole;
        return (p > 0 && p < 0.1 ? "<0.1" : String.format(Locale.ROOT, p >= 10 ? "%.0f" : "%.1f", p)) + "%";
    }
}
