package dev.pageframe.execution.display;

/** What every builder of a chart with two axes shares: the title, the axes and the value axis' wording. */
public abstract sealed class AxesChartBuilder<B extends AxesChartBuilder<B, C>, C extends Chart> implements ChartBuilder<C>
        permits CategoryChartBuilder, XyChartBuilder {

    protected final String title;
    protected Axis x = Axis.of("");
    protected Axis y = Axis.of("");

    AxesChartBuilder(String title) {
        this.title = title;
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /** Labels the y (value) axis. */
    public B y(String label) {
        return y(label, Unit.NONE);
    }

    /** Labels the y (value) axis and gives its unit; a log scale chosen before is kept. */
    public B y(String label, Unit unit) {
        this.y = new Axis(label, unit, this.y.log());
        return self();
    }
}
