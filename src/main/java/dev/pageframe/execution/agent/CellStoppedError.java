package dev.pageframe.execution.agent;

import java.io.Serial;

/** Thrown inside cell code when the host interrupts the cell. */
public final class CellStoppedError extends Error {
    @Serial
    private static final long serialVersionUID = 1L;

    public CellStoppedError() {
        super("the cell was interrupted");
    }
}
