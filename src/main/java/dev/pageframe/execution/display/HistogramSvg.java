package dev.pageframe.execution.display;

/** Draws a histogram as SVG: adjacent {@code class="bar"} rects over a numeric x axis. */
final class HistogramSvg {

    private HistogramSvg() {}

    static String render(Histogram h) {
        Plot plot = new Plot(Plot.WIDTH, Plot.HEIGHT, h.title());
        String color = Palette.series(0);
        if (!h.name().isEmpty()) {
            plot.legend(new Plot.LegendEntry(h.name(), color, false));
        }
        long max = 0;
        for (long c : h.counts()) {
            max = Math.max(max, c);
        }
        plot.xNumeric(h.x(), h.lowerEdge(0), h.upperEdge(h.bins() - 1), false)
                .y(h.y(), h.y().log() ? 1 : 0, Math.max(1, max), !h.y().log());
        plot.caption(caption(h));
        SvgWriter svg = plot.begin();
        svg.start("g", "class", "series", "data-series", h.name(), "fill", color);
        double base = plot.baselineY();
        Unit unit = h.x().unit();
        for (int i = 0; i < h.bins(); i++) {
            double x1 = plot.px(h.lowerEdge(i));
            double x2 = plot.px(h.upperEdge(i));
            double top = plot.py(h.count(i));
            if (!Double.isFinite(top)) {
                continue;
            }
            double gap = x2 - x1 > 3 ? 0.5 : 0;
            svg.start("rect", "class", "bar", "x", SvgWriter.num(x1 + gap), "y", SvgWriter.num(top),
                    "width", SvgWriter.num(Math.max(0.3, x2 - x1 - 2 * gap)), "height", SvgWriter.num(base - top));
            svg.text("title", unit.format(h.lowerEdge(i)) + " – " + unit.format(h.upperEdge(i)) + ": "
                    + Unit.plain(h.count(i)));
            svg.end("rect");
        }
        svg.end("g");
        return plot.finish(svg);
    }

    /** The numbers a reader looks for first: how many, typical, tail; and how the bins were chosen. */
    static String caption(Histogram h) {
        Histogram.Stats s = h.stats();
        Unit u = h.x().unit();
        StringBuilder b = new StringBuilder();
        b.append("n = ").append(Unit.plain(s.count()));
        if (Double.isFinite(s.median())) {
            b.append(" · min ").append(u.format(s.min())).append(" · median ").append(u.format(s.median()))
                    .append(" · mean ").append(u.format(s.mean())).append(" · p99 ").append(u.format(s.p99()))
                    .append(" · max ").append(u.format(s.max()));
        }
        b.append(" · ").append(h.bins()).append(h.bins() == 1 ? " bin" : " bins");
        if (!h.binning().isEmpty()) {
            b.append(" (").append(h.binning().equals(Binning.FREEDMAN_DIACONIS) ? "Freedman–Diaconis" : h.binning());
            b.append(", width ").append(u.format(h.upperEdge(0) - h.lowerEdge(0))).append(')');
        }
        return b.toString();
    }
}
