package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame every cartesian chart shares: title, legend, axes with ticks and grid, captions. It
 * lays these out so labels are not clipped, then hands the plot area to the chart's renderer.
 */
final class Plot {

    static final double WIDTH = 720;
    static final double HEIGHT = 420;
    static final double TITLE_FONT = 16;
    static final double LABEL_FONT = 12;
    static final double TICK_FONT = 11;
    static final double CAPTION_FONT = 11;
    private static final double PAD = 14;
    private static final double LEGEND_ROW = 18;
    private static final double CAPTION_ROW = 15;

    /** An entry of the legend: a line sample for line series, a filled box otherwise. */
    record LegendEntry(String name, String color, boolean line) {}

    /** A numeric axis before layout: the data's span on it, widened to zero when bars or areas grow from there. */
    private record Extent(Axis axis, double lo, double hi, boolean includeZero) {
        AxisScale fit(double length, boolean horizontal) {
            return AxisScale.fitting(axis, lo, hi, length, horizontal, includeZero);
        }
    }

    private final double width;
    private final double height;
    private final String title;
    private final List<LegendEntry> legend = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();

    private Extent xExtent;
    private List<String> categories;
    private List<String> categorySublabels;
    private String categoryTitle = "";

    private Extent yExtent;

    private AxisScale xScale;
    private AxisScale yScale;
    private double left;
    private double right;
    private double top;
    private double bottom;
    private List<double[]> legendPositions;
    private List<String> captionLines;
    private List<String> titleLines;
    private int categoryLabelEvery = 1;

    Plot(double width, double height, String title) {
        this.width = width;
        this.height = height;
        this.title = title;
    }

    Plot legend(LegendEntry entry) {
        legend.add(entry);
        return this;
    }

    /** A line of small text under the chart saying what a reader might otherwise miss. */
    Plot caption(String text) {
        if (text != null && !text.isBlank()) {
            captions.add(text);
        }
        return this;
    }

    Plot xNumeric(Axis axis, double lo, double hi, boolean includeZero) {
        this.xExtent = new Extent(axis, lo, hi, includeZero);
        return this;
    }

    /** Categories along x, each with an optional second, smaller line (sublabels may be null). */
    Plot xCategories(String axisTitle, List<String> labels, List<String> sublabels) {
        this.categoryTitle = axisTitle == null ? "" : axisTitle;
        this.categories = labels;
        this.categorySublabels = sublabels;
        return this;
    }

    Plot y(Axis axis, double lo, double hi, boolean includeZero) {
        this.yExtent = new Extent(axis, lo, hi, includeZero);
        return this;
    }

    /** Fixes the layout and draws everything but the marks; the renderer adds those. */
    SvgWriter begin() {
        layout();
        SvgWriter svg = new SvgWriter(width, height, title);
        drawTitle(svg);
        drawLegend(svg);
        drawAxes(svg);
        svg.start("g", "class", "marks");
        return svg;
    }

    /** Closes the marks, draws the captions and returns the document. */
    String finish(SvgWriter svg) {
        svg.end("g");
        if (!captionLines.isEmpty()) {
            svg.start("g", "class", "captions", "fill", Palette.MUTED_TEXT, "font-size", SvgWriter.num(CAPTION_FONT));
            double y = height - PAD - (captionLines.size() - 1) * CAPTION_ROW;
            for (String line : captionLines) {
                svg.text("text", line, "x", SvgWriter.num(PAD), "y", SvgWriter.num(y));
                y += CAPTION_ROW;
            }
            svg.end("g");
        }
        return svg.finish();
    }

    double left() {
        return left;
    }

    double right() {
        return right;
    }

    double top() {
        return top;
    }

    double bottom() {
        return bottom;
    }

    AxisScale yScale() {
        return yScale;
    }

    /** Pixel x of value {@code v} on a numeric x axis; NaN if it cannot be drawn. */
    double px(double v) {
        return left + xScale.fraction(v) * (right - left);
    }

    /** Pixel y of value {@code v}; NaN if it cannot be drawn (e.g. zero on a log axis). */
    double py(double v) {
        return bottom - yScale.fraction(v) * (bottom - top);
    }

    /** Pixel y of the value bars grow from. */
    double baselineY() {
        return py(yScale.baseline());
    }

    /** Width of one category's slot. */
    double categoryWidth() {
        return (right - left) / Math.max(1, categories.size());
    }

    /** Left edge of category {@code i}'s slot. */
    double categoryLeft(int i) {
        return left + i * categoryWidth();
    }

    private void layout() {
        // Vertical space is fixed first: the y scale's tick count depends on the plot's height.
        titleLines = titleLines(title, width);
        double y = PAD + titleLines.size() * (TITLE_FONT + 4);
        legendPositions = new ArrayList<>();
        if (!legend.isEmpty()) {
            y += 8;
            double x = PAD;
            double rowY = y + LEGEND_ROW / 2;
            for (LegendEntry e : legend) {
                double w = 22 + TextMetrics.width(e.name(), LABEL_FONT) + 18;
                if (x + w > width - PAD && x > PAD) {
                    x = PAD;
                    rowY += LEGEND_ROW;
                }
                legendPositions.add(new double[] {x, rowY});
                x += w;
            }
            y = rowY + LEGEND_ROW / 2;
        }
        top = y + 12;

        captionLines = new ArrayList<>();
        for (String c : captions) {
            captionLines.addAll(wrap(c, width - 2 * PAD, CAPTION_FONT));
        }
        double below = PAD + captionLines.size() * CAPTION_ROW + (captionLines.isEmpty() ? 0 : 4);
        below += (hasXTitle() ? LABEL_FONT + 8 : 0) + TICK_FONT + 10;
        if (categorySublabels != null) {
            below += TICK_FONT + 2;
        }
        bottom = height - below;

        yScale = yExtent.fit(bottom - top, false);
        boolean hasYTitle = !yScale.title().isEmpty();
        left = PAD + (hasYTitle ? LABEL_FONT + 10 : 0) + yScale.widestLabel(TICK_FONT) + 8;
        right = width - PAD - 8;
        if (categories == null) {
            xScale = xExtent.fit(right - left, true);
            List<AxisScale.Tick> ticks = xScale.ticks();
            // The last tick label is centred on the right edge; keep its outer half on the canvas.
            double half = TextMetrics.width(ticks.getLast().label(), TICK_FONT) / 2;
            right = Math.min(right, width - PAD - half);
        } else {
            double widest = 0;
            for (int i = 0; i < categories.size(); i++) {
                widest = Math.max(widest, TextMetrics.width(categories.get(i), TICK_FONT));
                if (categorySublabels != null) {
                    widest = Math.max(widest, TextMetrics.width(categorySublabels.get(i), TICK_FONT - 1));
                }
            }
            categoryLabelEvery = Math.max(1, (int) Math.ceil((widest + 8) / categoryWidth()));
        }
    }

    /**
     * Whether the x axis will have a title. Asked before the scale exists (the scale needs the
     * layout), so it goes by whether there is a label or a unit to show.
     */
    private boolean hasXTitle() {
        if (categories != null) {
            return !categoryTitle.isEmpty();
        }
        return xExtent != null && (!xExtent.axis().label().isEmpty() || xExtent.axis().unit() != Unit.NONE);
    }

    private void drawTitle(SvgWriter svg) {
        drawTitle(svg, titleLines);
    }

    /** The title broken into lines that fit the canvas; bold glyphs run wider than regular ones. */
    static List<String> titleLines(String title, double width) {
        return title.isEmpty() ? List.of() : wrap(title, (width - 2 * PAD) / 1.08, TITLE_FONT);
    }

    /** Draws title lines from the top left corner, one text element each. */
    static void drawTitle(SvgWriter svg, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            svg.text("text", lines.get(i), "class", "title", "x", SvgWriter.num(PAD),
                    "y", SvgWriter.num(PAD + TITLE_FONT + i * (TITLE_FONT + 4)), "font-size", SvgWriter.num(TITLE_FONT),
                    "font-weight", "bold", "fill", Palette.TEXT);
        }
    }

    private void drawLegend(SvgWriter svg) {
        if (legend.isEmpty()) {
            return;
        }
        svg.start("g", "class", "legend", "font-size", SvgWriter.num(LABEL_FONT), "fill", Palette.TEXT);
        for (int i = 0; i < legend.size(); i++) {
            LegendEntry e = legend.get(i);
            double x = legendPositions.get(i)[0];
            double cy = legendPositions.get(i)[1];
            if (e.line()) {
                svg.empty("line", "x1", SvgWriter.num(x), "y1", SvgWriter.num(cy), "x2", SvgWriter.num(x + 16),
                        "y2", SvgWriter.num(cy), "stroke", e.color(), "stroke-width", "2.5");
            } else {
                svg.empty("rect", "x", SvgWriter.num(x + 2), "y", SvgWriter.num(cy - 6), "width", "12", "height", "12",
                        "fill", e.color());
            }
            svg.text("text", e.name(), "x", SvgWriter.num(x + 22), "y", SvgWriter.num(cy + 4));
        }
        svg.end("g");
    }

    private void drawAxes(SvgWriter svg) {
        svg.start("g", "class", "axes", "font-size", SvgWriter.num(TICK_FONT), "fill", Palette.MUTED_TEXT);
        for (AxisScale.Tick t : yScale.ticks()) {
            double y = py(t.value());
            if (!Double.isFinite(y)) {
                continue;
            }
            svg.empty("line", "x1", SvgWriter.num(left), "y1", SvgWriter.num(y), "x2", SvgWriter.num(right),
                    "y2", SvgWriter.num(y), "stroke", Palette.GRID);
            svg.text("text", t.label(), "x", SvgWriter.num(left - 6), "y", SvgWriter.num(y + 4), "text-anchor", "end");
        }
        if (yScale instanceof AxisScale.Linear && yScale.min() < 0 && yScale.max() > 0) {
            double y0 = py(0);
            svg.empty("line", "x1", SvgWriter.num(left), "y1", SvgWriter.num(y0), "x2", SvgWriter.num(right),
                    "y2", SvgWriter.num(y0), "stroke", Palette.ZERO_LINE);
        }
        double tickY = bottom + TICK_FONT + 5;
        String xTitle;
        if (categories == null) {
            for (AxisScale.Tick t : xScale.ticks()) {
                double x = px(t.value());
                svg.empty("line", "x1", SvgWriter.num(x), "y1", SvgWriter.num(bottom), "x2", SvgWriter.num(x),
                        "y2", SvgWriter.num(bottom + 4), "stroke", Palette.AXIS);
                svg.text("text", t.label(), "x", SvgWriter.num(x), "y", SvgWriter.num(tickY), "text-anchor", "middle");
            }
            xTitle = xScale.title();
        } else {
            for (int i = 0; i < categories.size(); i += categoryLabelEvery) {
                double x = categoryLeft(i) + categoryWidth() / 2;
                svg.text("text", categories.get(i), "x", SvgWriter.num(x), "y", SvgWriter.num(tickY),
                        "text-anchor", "middle");
                if (categorySublabels != null) {
                    svg.text("text", categorySublabels.get(i), "x", SvgWriter.num(x),
                            "y", SvgWriter.num(tickY + TICK_FONT + 2), "text-anchor", "middle",
                            "font-size", SvgWriter.num(TICK_FONT - 1));
                }
            }
            xTitle = categoryTitle;
        }
        // Axis lines last so the grid does not cover them.
        svg.empty("line", "x1", SvgWriter.num(left), "y1", SvgWriter.num(bottom), "x2", SvgWriter.num(right),
                "y2", SvgWriter.num(bottom), "stroke", Palette.AXIS);
        svg.empty("line", "x1", SvgWriter.num(left), "y1", SvgWriter.num(top), "x2", SvgWriter.num(left),
                "y2", SvgWriter.num(bottom), "stroke", Palette.AXIS);
        if (!xTitle.isEmpty()) {
            double y = tickY + (categorySublabels != null ? TICK_FONT + 2 : 0) + LABEL_FONT + 6;
            svg.text("text", xTitle, "class", "axis-title", "x", SvgWriter.num((left + right) / 2), "y", SvgWriter.num(y),
                    "text-anchor", "middle", "font-size", SvgWriter.num(LABEL_FONT), "fill", Palette.TEXT);
        }
        if (!yScale.title().isEmpty()) {
            double x = PAD + LABEL_FONT;
            double y = (top + bottom) / 2;
            svg.text("text", yScale.title(), "class", "axis-title", "x", SvgWriter.num(x), "y", SvgWriter.num(y),
                    "text-anchor", "middle", "font-size", SvgWriter.num(LABEL_FONT), "fill", Palette.TEXT,
                    "transform", "rotate(-90 " + SvgWriter.num(x) + " " + SvgWriter.num(y) + ")");
        }
        svg.end("g");
    }

    /** Splits {@code text} at spaces into lines no wider than {@code max} px. */
    static List<String> wrap(String text, double max, double fontSize) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (TextMetrics.width(candidate, fontSize) > max && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
