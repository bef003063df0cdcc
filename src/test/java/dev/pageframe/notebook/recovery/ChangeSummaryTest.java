package dev.pageframe.notebook.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSummaryTest {
    private final Cell a = Cell.code("int a = 1;");
    private final Cell b = Cell.markdown("# Title");
    private final Cell c = Cell.code("kmalloc(64, GFP_KERNEL);");
    private final Notebook disk = Notebook.newEmpty().withCells(List.of(a, b, c));

    @Test
    void editedAddedAndRemovedCellsAreCountedById() {
        Notebook edited = disk.withCells(List.of(a.withSource("int a = 2;"), c, Cell.code("x"), Cell.code("y")));
        ChangeSummary s = ChangeSummary.between(disk, edited);
        assertEquals(new ChangeSummary(1, 2, 1, false, 4), s);
        assertEquals("1 cell changed, 2 added, 1 removed", s.describe());
    }

    @Test
    void onlyAddedCellsAreSaidWithTheirNoun() {
        assertEquals("1 cell added", ChangeSummary.between(disk, disk.insertCell(0, Cell.code("z"))).describe());
        assertEquals("2 cells removed", ChangeSummary.between(disk, disk.withCells(List.of(a))).describe());
    }

    @Test
    void outputsAloneAreNotCountedAsCellChanges() {
        Notebook ran = disk.withCell(0, a.withExecutionCount(3));
        assertEquals("outputs or settings only", ChangeSummary.between(disk, ran).describe());
    }

    @Test
    void aNotebookNeverSavedIsNew() {
        assertEquals("new notebook, 3 cells", ChangeSummary.between(null, disk).describe());
    }
}
