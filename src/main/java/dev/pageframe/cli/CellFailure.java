package dev.pageframe.cli;

import java.util.Objects;

/**
 * A code cell that failed during {@code pageframe run}.
 *
 * @param cellIndex the cell's 0-based position in {@code notebook.cells()}
 * @param cellId    the cell's id
 * @param ename     the error's name, e.g. {@code "OutOfMemoryError"} or {@code "TimeoutException"}
 * @param evalue    the error's message; may be empty
 * @param line      the line of the cell the error came from, counting from 1; 0 when not known
 */
public record CellFailure(int cellIndex, String cellId, String ename, String evalue, int line) {

    /** A failure whose line in the cell is not known. */
    public CellFailure(int cellIndex, String cellId, String ename, String evalue) {
        this(cellIndex, cellId, ename, evalue, 0);
    }

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
