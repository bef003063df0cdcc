package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/** Draws line and area charts as SVG: one {@code class="series"} element per series. */
final class XySvg {

    private XySvg() {}

    static String line(LineChart chart) {
        Plot plot = frame(chart.title(), chart.x(), chart.y(), chart.series(), chart.maxPoints(), true, false, false);
        SvgWriter svg = plot.begin();
        for (int s = 0; s < chart.series().size(); s++) {
            Series series = chart.series().get(s);
            svg.empty("path", "class", "series", "data-series", series.name(), "d", linePath(plot, series, null),
                    "fill", "none", "stroke", Palette.series(s), "stroke-width", "1.8", "stroke-linejoin", "round",
                    "stroke-linecap", "round");
        }
        return plot.finish(svg);
    }

    static String area(AreaChart chart) {
        List<Series> series = chart.series();
        Plot plot = frame(chart.title(), chart.x(), chart.y(), series, chart.maxPoints(), false, true, chart.stacked());
        SvgWriter svg = plot.begin();
        double[] below = null;
        for (int s = 0; s < series.size(); s++) {
            Series layer = series.get(s);
            double[] top = chart.stacked() ? stackOn(below, layer) : null;
            String color = Palette.series(s);
            svg.start("g", "class", "series", "data-series", layer.name());
            svg.empty("path", "d", areaPath(plot, layer, top, below), "fill", color,
                    "fill-opacity", chart.stacked() ? "0.75" : "0.22", "stroke", "none");
            svg.empty("path", "d", linePath(plot, layer, top), "fill", "none", "stroke", color, "stroke-width", "1.5",
                    "stroke-linejoin", "round");
            svg.end("g");
            below = top;
        }
        return plot.finish(svg);
    }

    private static Plot frame(String title, Axis x, Axis y, List<Series> series, int maxPoints, boolean line,
            boolean includeZero, boolean stacked) {
        Plot plot = new Plot(Plot.WIDTH, Plot.HEIGHT, title);
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        double[] stack = null;
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            if (!one.name().isEmpty() || series.size() > 1) {
                plot.legend(new Plot.LegendEntry(one.name(), Palette.series(s), line));
            }
            double[] xr = one.xRange();
            if (!Double.isNaN(xr[0])) {
                xLo = Math.min(xLo, xr[0]);
                xHi = Math.max(xHi, xr[1]);
            }
            double[] yr;
            if (stacked) {
                stack = stackOn(stack, one);
                yr = Numbers.finiteRange(stack);
            } else {
                yr = one.yRange();
            }
            if (!Double.isNaN(yr[0])) {
                yLo = Math.min(yLo, yr[0]);
                yHi = Math.max(yHi, yr[1]);
            }
        }
        plot.xNumeric(x, xLo, xHi, false).y(y, yLo, yHi, includeZero);
        plot.caption(downsamplingNote(series, maxPoints));
        return plot;
    }

    /** Says which series were thinned, so a reader knows the drawing is not every point. */
    static String downsamplingNote(List<Series> series, int maxPoints) {
        List<String> thinned = new ArrayList<>();
        for (Series s : series) {
            if (s.downsampled()) {
                thinned.add((s.name().isEmpty() ? "" : s.name() + ": ") + Unit.plain(s.sourcePoints()) + " → "
                        + Unit.plain(s.size()));
            }
        }
        if (thinned.isEmpty()) {
            return "";
        }
        return "Downsampled to at most " + Unit.plain(maxPoints) + " points per series by LTTB, which keeps peaks ("
                + String.join(", ", thinned) + ").";
    }

    /** Running totals after adding {@code layer} on top of {@code below}; gaps count as zero. */
    private static double[] stackOn(double[] below, Series layer) {
        double[] top = new double[layer.size()];
        for (int i = 0; i < top.length; i++) {
            double v = layer.yAt(i);
            top[i] = (below == null ? 0 : below[i]) + (Double.isFinite(v) ? v : 0);
        }
        return top;
    }

    /** "M x y L x y …", starting a new subpath after each gap. */
    private static String linePath(Plot plot, Series s, double[] ys) {
        StringBuilder d = new StringBuilder(s.size() * 14);
        boolean pen = false;
        for (int i = 0; i < s.size(); i++) {
            double y = ys == null ? s.yAt(i) : ys[i];
            double px = plot.px(s.xAt(i));
            double py = plot.py(y);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M');
            SvgWriter.appendNum(d, px);
            d.append(' ');
            SvgWriter.appendNum(d, py);
            pen = true;
        }
        return d.toString();
    }

    /**
     * The region between the series and what it sits on: the layer below when stacked, else the
     * baseline. Each run of drawable points is closed on its own so gaps stay empty.
     */
    private static String areaPath(Plot plot, Series s, double[] top, double[] below) {
        StringBuilder d = new StringBuilder(s.size() * 28);
        double base = plot.baselineY();
        int i = 0;
        while (i < s.size()) {
            while (i < s.size() && !drawable(plot, s, top, i)) {
                i++;
            }
            int start = i;
            while (i < s.size() && drawable(plot, s, top, i)) {
                i++;
            }
            if (i - start < 1) {
                continue;
            }
            for (int k = start; k < i; k++) {
                d.append(k == start ? 'M' : 'L');
                SvgWriter.appendNum(d, plot.px(s.xAt(k)));
                d.append(' ');
                SvgWriter.appendNum(d, plot.py(top == null ? s.yAt(k) : top[k]));
            }
            for (int k = i - 1; k >= start; k--) {
                d.append('L');
                SvgWriter.appendNum(d, plot.px(s.xAt(k)));
                d.append(' ');
                SvgWriter.appendNum(d, below == null ? base : plot.py(below[k]));
            }
            d.append('Z');
        }
        return d.toString();
    }

    private static boolean drawable(Plot plot, Series s, double[] top, int i) {
        double y = top == null ? s.yAt(i) : top[i];
        return Double.isFinite(plot.px(s.xAt(i))) && Double.isFinite(plot.py(y));
    }
}
