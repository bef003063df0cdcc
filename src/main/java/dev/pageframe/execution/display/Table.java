package dev.pageframe.execution.display;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows of cells under column headers. A cell is null, a String, a Long (any integral number), a
 * Double (any other number) or a Boolean; other objects are kept as their {@code toString()}.
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) implements Chart {

    public static final String KIND = "table";

    public Table {
        title = Objects.requireNonNullElse(title, "");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + copy.size() + " has " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
            List<Object> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(normalize(cell));
            }
            copy.add(Collections.unmodifiableList(cells));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The cell at {@code row}, {@code column}. */
    public Object cell(int row, int column) {
        return rows.get(row).get(column);
    }

    /** True when every non-empty cell of the column is a number, so it reads best right-aligned. */
    public boolean numeric(int column) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object c = row.get(column);
            if (c == null) {
                continue;
            }
            if (!(c instanceof Number)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The cell as a person reads it: numbers in the column's unit, null as empty. */
    public String text(int row, int column) {
        Object c = cell(row, column);
        return switch (c) {
            case null -> "";
            case Long l -> columns.get(column).unit().format(l);
            case Double d -> columns.get(column).unit().format(d);
            default -> c.toString();
        };
    }

    // One representation per value keeps equals, JSON round trips and alignment simple.
    static Object normalize(Object cell) {
        return switch (cell) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b when b.bitLength() < 64 -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case BigDecimal b -> b.doubleValue();
            case Number n -> n.doubleValue();
            case Boolean b -> b;
            default -> cell.toString();
        };
    }
}
