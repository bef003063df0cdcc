package dev.pageframe.execution.display;

import java.util.Objects;

/** A table column: its header and the unit its numbers are written in. */
public record Column(String header, Unit unit) {

    public Column {
        header = Objects.requireNonNullElse(header, "");
        unit = Objects.requireNonNullElse(unit, Unit.NONE);
    }

    /** A column of plain values. */
    public static Column of(String header) {
        return new Column(header, Unit.NONE);
    }
}
