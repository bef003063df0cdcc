package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellIds;
import dev.pageframe.notebook.CellType;
import java.util.List;

/**
 * Jupyter's cell commands on a notebook page: run (in place, and advance, and insert), insert, delete, split and
 * merge, move, change type, cut, copy and paste, clear outputs, and undo of the last deletes, changes of type,
 * replaces, splits, merges and clears. Menus, the toolbar, the command table and the keys call these.
 */
public final class CellCommands {
    private final NotebookView view;
    private final NotebookDocument document;
    private final CellClipboard clipboard;

    CellCommands(NotebookView view, CellClipboard clipboard) {
        this.view = view;
        this.document = view.document();
        this.clipboard = clipboard;
    }

    /** Runs the cell (Markdown renders) and stays on it. */
    public void runInPlace(CellModel cell) {
        if (cell == null) {
            return;
        }
        boolean editing = view.editModeProperty().get();
        if (cell.type() != CellType.CODE) {
            view.leaveEditQuietly(cell);
            if (editing) {
                view.requestFocus();
            }
            return;
        }
        document.run(List.of(cell));
    }

    /** Shift+Enter: runs the cell and selects the next one, adding a code cell at the end. */
    public void runAndAdvance(CellModel cell) {
        if (cell == null) {
            return;
        }
        runInPlace(cell);
        CellModel next = view.neighbour(cell, +1);
        if (next == null) {
            CellModel added = document.insertCell(document.cells().indexOf(cell) + 1, CellType.CODE);
            if (added != null) {
                view.edit(added, false);
            }
        } else {
            view.leaveEditQuietly(cell);
            view.select(next);
            view.requestFocus();
        }
    }

    /** Alt+Enter: runs the cell and inserts a new code cell below it, in edit mode. */
    public void runAndInsertBelow(CellModel cell) {
        if (cell == null) {
            return;
        }
        runInPlace(cell);
        view.leaveEditQuietly(cell);
        CellModel added = document.insertCell(document.cells().indexOf(cell) + 1, CellType.CODE);
        if (added != null) {
            view.edit(added, false);
        }
    }

    public void runSelected() {
        runInPlace(view.selected());
    }

    public void runSelectedAndAdvance() {
        runAndAdvance(view.selected());
    }

    public void runSelectedAndInsertBelow() {
        runAndInsertBelow(view.selected());
    }

    public void runAll() {
        document.runAll();
    }

    public void runAbove() {
        if (view.selected() != null) {
            document.runAbove(view.selected());
        }
    }

    public void runBelow() {
        if (view.selected() != null) {
            document.runBelow(view.selected());
        }
    }

    private int selectedIndex() {
        return view.selected() == null ? -1 : document.cells().indexOf(view.selected());
    }

    /** Inserts a cell of {@code type} above or below the selection and selects it. */
    public CellModel insert(boolean below, CellType type) {
        int i = selectedIndex();
        int at = i < 0 ? (below ? document.cells().size() : 0) : below ? i + 1 : i;
        CellModel added = document.insertCell(at, type);
        if (added != null) {
            view.select(added);
            // The keys that follow (Enter to edit it) are the page's, wherever the focus was: an output's button.
            view.requestFocus();
        }
        return added;
    }

    public void deleteSelected() {
        CellModel c = view.selected();
        if (c == null) {
            return;
        }
        CellModel next = view.neighbour(c, +1);
        if (next == null) {
            next = view.neighbour(c, -1);
        }
        document.deleteCell(c);
        if (next != null) {
            view.select(next);
        }
        view.requestFocus();
    }

    /** Z: takes back the last delete, change of type or replace. */
    public void undoCellOperation() {
        CellModel back = document.undoCellOperation();
        if (back != null) {
            view.select(back);
        }
    }

    public void moveSelected(int delta) {
        CellModel c = view.selected();
        if (c != null) {
            document.moveCell(c, delta);
            view.selectedProperty().set(c);
            view.select(c);
        }
    }

    public void changeSelectedType(CellType type) {
        CellModel c = view.selected();
        if (c != null) {
            document.changeType(c, type);
            view.select(c);
        }
    }

    /** Splits the selected cell at its editor's caret, or around its selection, and edits the part after it. */
    public void splitSelected() {
        CellModel c = view.selected();
        CellEditor editor = c == null ? null : view.editorOf(c);
        if (editor == null) {
            return;
        }
        var at = editor.getSelection();
        CellModel after = CellJoins.split(document, c, at.getStart(), at.getEnd());
        if (after != null) {
            view.edit(after, false);
        }
    }

    /** Shift+M: merges the selected cell with the one below it. */
    public void mergeSelectedWithBelow() {
        CellModel c = view.selected();
        CellModel merged = c == null ? null : CellJoins.mergeBelow(document, c);
        if (merged != null) {
            view.select(merged);
            view.requestFocus();
        }
    }

    /** Clears the selected code cell's outputs and prompt number (Z brings them back). */
    public void clearSelectedOutput() {
        if (view.selected() != null) {
            OutputClearing.clear(document, List.of(view.selected()));
        }
    }

    /** O: folds the selected code cell's outputs away under a bar, or shows them again (kept in the file). */
    public void toggleSelectedOutput() {
        CellModel c = view.selected();
        if (c != null && c.isCode()) {
            toggleOutput(c);
        }
    }

    /** Folds a code cell's outputs away, or shows them again. */
    public void toggleOutput(CellModel c) {
        c.outputsHiddenProperty().set(!c.outputsHiddenProperty().get());
        document.markModified();
    }

    /** Shift+O: keeps the selected code cell's outputs in a box of bounded height that scrolls, or lets them out. */
    public void toggleSelectedOutputScrolling() {
        CellModel c = view.selected();
        if (c != null && c.isCode()) {
            c.outputsScrolledProperty().set(!c.outputsScrolledProperty().get());
            document.markModified();
        }
    }

    /** Clears every code cell's outputs and prompt number, as one operation Z takes back. */
    public void clearAllOutputs() {
        OutputClearing.clear(document, List.copyOf(document.cells()));
    }

    /** X: copies the selected cell and deletes it (Z brings it back). */
    public void cutSelected() {
        if (view.selected() != null && !document.isReadOnly()) {
            copySelected();
            deleteSelected();
        }
    }

    public void copySelected() {
        CellModel c = view.selected();
        if (c != null) {
            clipboard.copy(c.toCell());
        }
    }

    public void pasteBelow() {
        Cell copied = clipboard.cell().orElse(null);
        if (copied == null) {
            return;
        }
        int i = selectedIndex();
        CellModel pasted = new CellModel(copied.withId(CellIds.random()));
        document.cells().add(i < 0 ? document.cells().size() : i + 1, pasted);
        document.markModified();
        view.select(pasted);
        view.requestFocus();
    }

    /** Selects the next visible cell up (-1) or down (+1), if there is one. */
    public void selectNeighbour(int direction) {
        CellModel sel = view.selected();
        CellModel next = sel == null ? null : view.neighbour(sel, direction);
        if (next != null) {
            view.select(next);
        }
    }

    /** Selects the first (false) or last (true) cell. */
    public void selectEnd(boolean last) {
        if (!document.cells().isEmpty()) {
            view.select(last ? document.cells().getLast() : document.cells().getFirst());
        }
    }

    /** Scrolls the page by nine tenths of a screen down (+1) or up (-1). */
    public void scrollPage(int direction) {
        view.scrollBy(direction * view.viewportHeight() * 0.9);
    }

    /** Enters edit mode on the selected cell, the caret at its end. */
    public void editSelected() {
        if (view.selected() != null) {
            view.edit(view.selected(), true);
        }
    }
}
