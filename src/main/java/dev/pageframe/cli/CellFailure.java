package dev.pageframe.cli;

import java.util.Objects;

/**
 * A code cell that failed during {@code pageframe run}.
 *
 * @param cellIndex the cell's 0-based position in {@code notebook.cells()}
 * @param cellId    the cell's id
 * @param ename     the error's name, e.g. {@code "OutOfMemoryError"} or {@code "TimeoutException"}
 * @param evalue    the error's message; may be empty
 */
public record CellFailure(int cellIndex, String cellId, String ename, String evalue) {

    /** Requires the id and name; a null message becomes empty. */
    public CellFailure {
        if (cellIndex < 0) {
            throw new IllegalArgumentException("cell index must not be negative: " + cellIndex);
        }
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(ename, "ename");
        evalue = evalue == null ? "" : evalue;
    }
}
