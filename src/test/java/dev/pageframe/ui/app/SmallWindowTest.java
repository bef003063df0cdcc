package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import java.util.List;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In a small window, or at a large zoom, the outline and the documentation give way before the notebook does. The
 * window never grows past the headless screen (1280 px): Monocle cannot draw a larger one.
 */
class SmallWindowTest extends WindowTest {

    @AfterEach
    void windowBack() {
        ui.fxRun(() -> {
            ui.window.zoom(0);
            ui.stage.setWidth(1240);
        });
    }

    @Test
    void aSmallWindowNarrowsTheSidePanesAndKeepsTheNotebookReadable() throws Exception {
        ui.open(ui.writeTrustedNotebook("small.ipynb", List.of(Cell.markdown("# A heading"), Cell.code("int a = 1;"))));
        ui.fxRun(() -> ui.stage.setWidth(800));
        ui.waitUntil("the notebook keeps most of an 800 px window", () -> ui.window.getWidth() <= 800
                && widths()[1] >= 400);
        double[] w = ui.fx(SmallWindowTest::widths);
        assertTrue(w[0] >= SidePanes.OUTLINE_FLOOR - 1 && w[2] >= SidePanes.DOCS_FLOOR - 1,
                "each side pane stays usable: " + java.util.Arrays.toString(w));
        assertTrue(w[1] > w[0] && w[1] > w[2], "the notebook is the widest: " + java.util.Arrays.toString(w));

        // Wider again (never past the headless screen's 1280 px), at a zoom where the panes fit whole.
        ui.fxRun(() -> {
            ui.window.zoom(-1);
            ui.stage.setWidth(1240);
        });
        ui.waitUntil("a large window gives the side panes their own widths back",
                () -> Math.abs(widths()[0] - 230) < 2 && Math.abs(widths()[2] - 400) < 2);
    }

    @Test
    void zoomingInWidensTheNotebookAtTheSidePanesExpense() throws Exception {
        ui.open(ui.writeTrustedNotebook("zoom.ipynb", List.of(Cell.code("int a = 1;"))));
        ui.waitUntil("laid out", () -> widths()[1] > 0);
        double before = ui.fx(() -> widths()[1]);
        ui.fxRun(() -> {
            ui.window.zoom(+1);
            ui.window.zoom(+1);
            ui.window.zoom(+1);
        });
        double z = ui.fx(() -> ui.window.zoom());
        assertTrue(z >= 1.3, "zoomed in: " + z);
        // At this zoom the panes cannot give the notebook all it would like: they stop at their (zoomed) floors.
        double total = ui.fx(() -> ((SplitPane) ui.window.lookup(".main-split")).getWidth());
        double expected = Math.min(SidePanes.NOTEBOOK_ROOM * z, total - (SidePanes.OUTLINE_FLOOR + SidePanes.DOCS_FLOOR) * z);
        ui.waitUntil("the notebook has room for its larger type", () -> widths()[1] >= expected - 20);
        assertTrue(ui.fx(() -> widths()[1]) > before + 50, before + " -> " + ui.fx(() -> widths()[1]));
        assertEquals(3, ui.fx(() -> ((SplitPane) ui.window.lookup(".main-split")).getItems().size()), "both panes stay shown");
    }

    /** Outline, notebook and documentation widths, as laid out. */
    private static double[] widths() {
        SplitPane split = (SplitPane) ui.window.lookup(".main-split");
        return split.getItems().stream().mapToDouble(n -> ((Region) n).getWidth()).toArray();
    }
}
