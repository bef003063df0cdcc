package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a {@link Table} row by row; start from {@link Charts#table(String)}. */
public final class TableBuilder implements ChartBuilder<Table> {

    private final String title;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    TableBuilder(String title) {
        this.title = title;
    }

    /** Adds columns of plain values. */
    public TableBuilder columns(String... headers) {
        for (String h : headers) {
            columns.add(Column.of(h));
        }
        return this;
    }

    /** Adds a column whose numbers are written in {@code unit} (e.g. bytes as KiB/MiB). */
    public TableBuilder column(String header, Unit unit) {
        columns.add(new Column(header, unit));
        return this;
    }

    public TableBuilder row(Object... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    public TableBuilder row(List<?> cells) {
        rows.add(new ArrayList<>(cells));
        return this;
    }

    @Override
    public Table build() {
        return new Table(title, columns, rows);
    }
}
