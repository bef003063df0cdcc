package dev.pageframe.execution.display;

import java.util.Arrays;
import java.util.Objects;

/** A named series of values, one per category of a bar chart. */
public record CategorySeries(String name, double[] values) {

    public CategorySeries {
        name = Objects.requireNonNullElse(name, "");
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value for category {@code i} without copying. */
    public double at(int i) {
        return values[i];
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategorySeries c && name.equals(c.name) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CategorySeries[" + name + ", " + Arrays.toString(values) + "]";
    }
}
