package dev.pageframe.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.ui.AppProbe;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MeasureTest {
    @Test
    void theMeasuringNotebookHasAHundredCellsOfProseAndCodeWithOutputs() {
        Notebook nb = HundredCells.notebook();
        assertEquals(100, nb.cells().size());
        assertEquals(50, nb.cells().stream().filter(c -> c.type() == CellType.CODE && !c.outputs().isEmpty()).count());
    }

    @Test
    void measuringIsOffUnlessAsked() {
        Properties plain = new Properties();
        plain.setProperty("java.version", "25");
        AppProbe probe = AppProbe.forRun(List.of("notes.ipynb"), plain);
        assertSame(AppProbe.NONE, probe, "a plain start must not load the harness");
        assertEquals(List.of("notes.ipynb"), probe.notebooksToOpen(List.of("notes.ipynb")));
    }

    @Test
    void aMeasurePropertyOrFlagLoadsTheHarness() {
        Properties asked = new Properties();
        asked.setProperty("pageframe.measure.exitAfter", "20");
        assertInstanceOf(Measure.class, AppProbe.forRun(List.of(), asked));
        assertInstanceOf(Measure.class, AppProbe.forRun(List.of("--measure", "x.ipynb"), new Properties()));
    }

    @Test
    void theHarnessTakesItsFlagAndKeepsTheNotebooks() {
        String before = System.getProperty("pageframe.measure");
        try {
            assertEquals(List.of("x.ipynb"), new Measure().notebooksToOpen(List.of("--measure", "x.ipynb")));
            assertTrue(Measure.enabled());
        } finally {
            if (before == null) {
                System.clearProperty("pageframe.measure");
            } else {
                System.setProperty("pageframe.measure", before);
            }
        }
    }
}
