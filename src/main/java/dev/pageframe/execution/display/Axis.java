package dev.pageframe.execution.display;

import java.util.Objects;

/** An axis of a chart: what it measures, in which unit, and whether it is drawn on a log scale. */
public record Axis(String label, Unit unit, boolean log) {

    public Axis {
        label = label == null ? "" : label;
        unit = Objects.requireNonNullElse(unit, Unit.NONE);
    }

    /** A linear axis without a unit. */
    public static Axis of(String label) {
        return new Axis(label, Unit.NONE, false);
    }

    /** {@code axis}, or an unlabelled linear axis where a chart was given none. */
    public static Axis orBlank(Axis axis) {
        return axis == null ? of("") : axis;
    }

    /** A linear axis with a unit. */
    public static Axis of(String label, Unit unit) {
        return new Axis(label, unit, false);
    }

    /** The same axis drawn on a log10 scale. */
    public Axis logScale() {
        return new Axis(label, unit, true);
    }
}
