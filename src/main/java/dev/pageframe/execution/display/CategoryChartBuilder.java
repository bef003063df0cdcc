package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What grouped and stacked bar builders share: categories, axes and one value per category per series. */
public abstract sealed class CategoryChartBuilder<B extends CategoryChartBuilder<B, C>, C extends Chart>
        extends AxesChartBuilder<B, C> permits BarChartBuilder, StackedBarChartBuilder {

    /** The record constructor both category charts share the components of. */
    interface Factory<C> {
        C chart(String title, Axis x, Axis y, List<String> categories, List<CategorySeries> series);
    }

    private final Factory<C> factory;
    protected final List<String> categories = new ArrayList<>();
    protected final List<CategorySeries> series = new ArrayList<>();

    CategoryChartBuilder(String title, Factory<C> factory) {
        super(title);
        this.factory = factory;
    }

    @Override
    public C build() {
        return factory.chart(title, x, y, categories, series);
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
