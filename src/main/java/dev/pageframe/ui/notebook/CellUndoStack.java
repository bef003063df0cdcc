package dev.pageframe.ui.notebook;

import java.util.ArrayDeque;
import java.util.Deque;

/** The cell operations Z takes back, the last first (Jupyter's "undo cell operation"), a hundred at most. */
final class CellUndoStack {
    /** Takes one cell operation back and returns the cell to select. */
    interface CellUndo {
        CellModel undo();
    }

    /** Older operations (and the cells they hold) are let go. */
    private static final int LIMIT = 100;

    private final Deque<CellUndo> stack = new ArrayDeque<>();

    void remember(CellUndo undo) {
        stack.push(undo);
        if (stack.size() > LIMIT) {
            stack.removeLast();
        }
    }

    /** The last operation, taken back; null when there is none. */
    CellModel undo() {
        CellUndo u = stack.poll();
        return u == null ? null : u.undo();
    }
}
