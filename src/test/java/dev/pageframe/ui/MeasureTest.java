package dev.pageframe.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Notebook;
import org.junit.jupiter.api.Test;

class MeasureTest {
    @Test
    void theMeasuringNotebookHasAHundredCellsOfProseAndCodeWithOutputs() {
        Notebook nb = Measure.hundredCells();
        assertEquals(100, nb.cells().size());
        assertEquals(50, nb.cells().stream().filter(c -> c.type() == CellType.CODE && !c.outputs().isEmpty()).count());
    }

    @Test
    void measuringIsOffUnlessAsked() {
        assertFalse(Measure.enabled());
        assertTrue(Measure.sinceJvmStart() > 0);
    }
}
