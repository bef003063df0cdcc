package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Cell;
import java.util.Optional;

/**
 * The cell last copied (C), which Paste (V) inserts: one for the whole window, so a cell copied in one notebook pastes
 * into another, as in JupyterLab.
 */
public final class CellClipboard {
    private Cell cell;

    /** Keeps {@code copied} for the next paste. */
    public void copy(Cell copied) {
        cell = copied;
    }

    /** The cell to paste, if one was copied. */
    public Optional<Cell> cell() {
        return Optional.ofNullable(cell);
    }
}
