package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/** What line and area builders share: axes, series from arrays or Lists, and the downsampling bound. */
public abstract sealed class XyChartBuilder<B extends XyChartBuilder<B, C>, C extends Chart>
        extends AxesChartBuilder<B, C> permits LineChartBuilder, AreaChartBuilder {

    protected final List<Series> series = new ArrayList<>();
    protected int maxPoints = Lttb.DEFAULT_THRESHOLD;

    XyChartBuilder(String title) {
        super(title);
    }

    /** Labels the x axis. */
    public B x(String label) {
        return x(label, Unit.NONE);
    }

    /** Labels the x axis and gives its unit. */
    public B x(String label, Unit unit) {
        this.x = new Axis(label, unit, false);
        return self();
    }

    /** Draws y on a log10 scale; values ≤ 0 are left out of the drawing. */
    public B logY() {
        this.y = this.y.logScale();
        return self();
    }

    /** Keeps at most this many points per series (LTTB); the default is {@value Lttb#DEFAULT_THRESHOLD}. */
    public B maxPoints(int maxPoints) {
        this.maxPoints = XyCharts.checkMaxPoints(maxPoints);
        return self();
    }

    public B series(Series s) {
        series.add(s);
        return self();
    }

    public B series(String name, double[] xs, double[] ys) {
        return series(new Series(name, xs, ys));
    }

    public B series(String name, long[] xs, long[] ys) {
        return series(new Series(name, Numbers.of(xs), Numbers.of(ys)));
    }

    public B series(String name, long[] xs, double[] ys) {
        return series(new Series(name, Numbers.of(xs), ys));
    }

    public B series(String name, int[] xs, int[] ys) {
        return series(new Series(name, Numbers.of(xs), Numbers.of(ys)));
    }

    public B series(String name, List<? extends Number> xs, List<? extends Number> ys) {
        return series(new Series(name, Numbers.of(xs), Numbers.of(ys)));
    }

    /** A series whose x values are 0, 1, 2, … (sample numbers). */
    public B series(String name, double[] ys) {
        return series(new Series(name, Numbers.indices(ys.length), ys));
    }

    /** A series whose x values are 0, 1, 2, … (sample numbers). */
    public B series(String name, long[] ys) {
        return series(name, Numbers.of(ys));
    }

    /** A series whose x values are 0, 1, 2, … (sample numbers). */
    public B series(String name, int[] ys) {
        return series(name, Numbers.of(ys));
    }

    /** A series whose x values are 0, 1, 2, … (sample numbers); null elements are gaps. */
    public B series(String name, List<? extends Number> ys) {
        return series(name, Numbers.of(ys));
    }
}
