package dev.pageframe.execution.display;

import java.util.List;

/** Draws grouped and stacked bar charts as SVG: a {@code class="series"} group of {@code class="bar"} rects per series. */
final class BarSvg {

    /** Share of a category's slot its bars fill; the rest separates categories. */
    private static final double FILL = 0.78;

    private BarSvg() {}

    static String grouped(BarChart chart) {
        return grouped(frame(chart.title(), chart.x(), chart.y(), chart.categories(), null, chart.series(), false),
                chart.categories(), chart.series(), chart.y().unit());
    }

    static String stacked(StackedBarChart chart) {
        List<CategorySeries> series = chart.series();
        Plot plot = frame(chart.title(), chart.x(), chart.y(), chart.categories(), null, series, true);
        SvgWriter svg = plot.begin();
        int n = chart.categories().size();
        double[] up = new double[n];
        double[] down = new double[n];
        double slot = plot.categoryWidth();
        double barWidth = slot * FILL;
        for (int s = 0; s < series.size(); s++) {
            CategorySeries one = series.get(s);
            svg.start("g", "class", "series", "data-series", one.name(), "fill", Palette.series(s));
            for (int c = 0; c < n; c++) {
                double v = one.at(c);
                if (!Double.isFinite(v)) {
                    continue;
                }
                // Positive values stack upwards and negative ones downwards, each from zero.
                double from = v >= 0 ? up[c] : down[c];
                double to = from + v;
                if (v >= 0) {
                    up[c] = to;
                } else {
                    down[c] = to;
                }
                bar(svg, plot.categoryLeft(c) + (slot - barWidth) / 2, barWidth, plot.py(from), plot.py(to),
                        tooltip(chart.categories().get(c), one.name(), v, chart.y().unit()));
            }
            svg.end("g");
        }
        return plot.finish(svg);
    }

    /** A frame for category charts; buddy info passes order sublabels, others null. */
    static Plot frame(String title, Axis x, Axis y, List<String> categories, List<String> sublabels,
            List<CategorySeries> series, boolean stacked) {
        Plot plot = new Plot(Plot.WIDTH, Plot.HEIGHT, title);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < series.size(); s++) {
            CategorySeries one = series.get(s);
            if (!one.name().isEmpty() || series.size() > 1) {
                plot.legend(new Plot.LegendEntry(one.name(), Palette.series(s), false));
            }
        }
        for (int c = 0; c < categories.size(); c++) {
            double up = 0;
            double down = 0;
            for (CategorySeries one : series) {
                double v = one.at(c);
                if (!Double.isFinite(v) || (y.log() && v <= 0)) {
                    continue;
                }
                if (stacked) {
                    if (v >= 0) {
                        up += v;
                    } else {
                        down += v;
                    }
                } else {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (stacked) {
                lo = Math.min(lo, down);
                hi = Math.max(hi, up);
            }
        }
        plot.xCategories(x.unit() == Unit.NONE ? x.label() : x.unit().axisTitle(x.label(), x.unit().magnitude(1)),
                categories, sublabels);
        plot.y(y, lo, hi, !y.log());
        return plot;
    }

    /** Draws grouped bars into a prepared frame. */
    static String grouped(Plot plot, List<String> categories, List<CategorySeries> series, Unit unit) {
        SvgWriter svg = plot.begin();
        double slot = plot.categoryWidth();
        double barWidth = slot * FILL / Math.max(1, series.size());
        double base = plot.baselineY();
        for (int s = 0; s < series.size(); s++) {
            CategorySeries one = series.get(s);
            svg.start("g", "class", "series", "data-series", one.name(), "fill", Palette.series(s));
            for (int c = 0; c < categories.size(); c++) {
                double v = one.at(c);
                double top = plot.py(v);
                if (!Double.isFinite(top)) {
                    continue; // a gap, or a zero on a log axis: nothing to draw
                }
                double x = plot.categoryLeft(c) + slot * (1 - FILL) / 2 + s * barWidth;
                bar(svg, x, barWidth, base, top, tooltip(categories.get(c), one.name(), v, unit));
            }
            svg.end("g");
        }
        return plot.finish(svg);
    }

    private static String tooltip(String category, String series, double v, Unit unit) {
        return (series.isEmpty() ? "" : series + ", ") + category + ": " + unit.format(v);
    }

    /** A bar between two pixel heights, with a hover title; a hairline gap keeps neighbours apart. */
    private static void bar(SvgWriter svg, double x, double width, double y1, double y2, String title) {
        double gap = width > 4 ? 0.5 : 0;
        svg.start("rect", "class", "bar", "x", SvgWriter.num(x + gap), "y", SvgWriter.num(Math.min(y1, y2)),
                "width", SvgWriter.num(Math.max(0.5, width - 2 * gap)), "height", SvgWriter.num(Math.abs(y2 - y1)));
        svg.text("title", title);
        svg.end("rect");
    }
}
