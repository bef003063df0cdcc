package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What grouped and stacked bar builders share: categories, axes and one value per category per series. */
public abstract sealed class CategoryChartBuilder<B extends CategoryChartBuilder<B, C>, C extends Chart>
        implements ChartBuilder<C> permits BarChartBuilder, StackedBarChartBuilder {

    protected final String title;
    protected Axis x = Axis.of("");
    protected Axis y = Axis.of("");
    protected final List<String> categories = new ArrayList<>();
    protected final List<CategorySeries> series = new ArrayList<>();

    CategoryChartBuilder(String title) {
        this.title = title;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The categories along x, in order. */
    public B categories(String... names) {
        return categories(Arrays.asList(names));
    }

    /** The categories along x, in order; elements are written with {@code String.valueOf}. */
    public B categories(List<?> names) {
        categories.clear();
        categories.addAll(Numbers.strings(names));
        return self();
    }

    /** Labels the category axis. */
    public B x(String label) {
        this.x = Axis.of(label);
        return self();
    }

    /** Labels the value axis. */
    public B y(String label) {
        return y(label, Unit.NONE);
    }

    /** Labels the value axis and gives its unit. */
    public B y(String label, Unit unit) {
        this.y = new Axis(label, unit, this.y.log());
        return self();
    }

    public B series(String name, double... values) {
        series.add(new CategorySeries(name, values));
        return self();
    }

    public B series(String name, long... values) {
        return series(name, Numbers.of(values));
    }

    public B series(String name, int... values) {
        return series(name, Numbers.of(values));
    }

    public B series(String name, List<? extends Number> values) {
        return series(name, Numbers.of(values));
    }
}
