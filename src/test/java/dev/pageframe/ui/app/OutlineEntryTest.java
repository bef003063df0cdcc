package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pageframe.notebook.Cell;
import dev.pageframe.ui.notebook.CellModel;
import org.junit.jupiter.api.Test;

class OutlineEntryTest {
    @Test
    void entriesAreEqualWhenTheyNameTheSameHeadingOfTheSameCell() {
        CellModel cell = new CellModel(Cell.markdown("# Orders"));
        CellModel twin = new CellModel(Cell.markdown("# Orders"));
        var entry = new OutlinePane.Entry(cell, 1, "Orders", true);
        assertEquals(entry, new OutlinePane.Entry(cell, 1, "Orders", true));
        assertEquals(entry.hashCode(), new OutlinePane.Entry(cell, 1, "Orders", true).hashCode());
        // The list keeps a cell's entry when only its heading text changes, and two cells are never one entry.
        assertNotEquals(entry, new OutlinePane.Entry(cell, 1, "Orders and pages", true));
        assertNotEquals(entry, new OutlinePane.Entry(cell, 2, "Orders", true));
        assertNotEquals(entry, new OutlinePane.Entry(cell, 1, "Orders", false));
        assertNotEquals(entry, new OutlinePane.Entry(twin, 1, "Orders", true));
        assertNotEquals(entry, null);
        assertEquals(new OutlinePane.Entry(cell, 1, null, true), new OutlinePane.Entry(cell, 1, null, true));
    }
}
