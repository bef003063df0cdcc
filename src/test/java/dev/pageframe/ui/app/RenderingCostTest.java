package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.ui.common.Viewports;
import dev.pageframe.ui.outputs.FxTest;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * What keeps the software renderer's frames short while a notebook opens and scrolls (BENCHMARKS.md): the scroll
 * panes draw their content directly, not through a bitmap cache, and a card is one fill plus strokes, which the
 * renderer draws directly, not from a cached image stretched in nine slices.
 */
class RenderingCostTest extends WindowTest {
    @Test
    void theNotebookAndDocsViewportsAreNotCached() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("viewports.ipynb", List.of(Cell.code("int a = 1;"))));
        ui.waitUntil("the cell is built", () -> tab.view().viewOf(ui.cell(tab, 0)) != null);
        List<ScrollPane> panes = ui.fx(() -> {
            List<ScrollPane> found = new java.util.ArrayList<>(FxTest.all(tab.view(), ScrollPane.class));
            found.addAll(FxTest.all(ui.window.docs(), ScrollPane.class, ScrollPane::isVisible));
            return found;
        });
        assertEquals(2, panes.size(), "the notebook page and the docs page: " + panes);
        for (ScrollPane pane : panes) {
            assertFalse(ui.fx(() -> Viewports.of(pane).isCache()), pane.getStyleClass() + " caches its viewport");
        }
    }

    @Test
    void aCardIsOneFillWithItsShadowAsStrokesAndTheEditingBorderOnTheCardEdge() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("cards.ipynb", List.of(Cell.code("int a = 1;"), Cell.code("int b = 2;"))));
        ui.clickIntoEditor(tab, 1);
        List<Region> bodies = ui.fx(() -> FxTest.all(tab.view(), Region.class).stream()
                .filter(r -> r.getStyleClass().contains("cell-body")).toList());
        assertEquals(2, bodies.size());
        for (Region body : bodies) {
            assertEquals(1, ui.fx(() -> body.getBackground().getFills().size()), "one fill: drawn directly");
            List<BorderStroke> strokes = ui.fx(() -> body.getBorder().getStrokes());
            assertEquals(3, strokes.size(), "two shadow strokes below the card's own border");
            BorderStroke edge = strokes.getLast();
            assertEquals(0, edge.getInsets().getBottom(), "the card's own border is at its edge");
            assertTrue(((Color) strokes.getFirst().getBottomStroke()).getOpacity() < 0.1, "the shadow is faint");
        }
        Color editing = ui.fx(() -> (Color) bodies.get(1).getBorder().getStrokes().getLast().getTopStroke());
        Color resting = ui.fx(() -> (Color) bodies.get(0).getBorder().getStrokes().getLast().getTopStroke());
        assertFalse(editing.equals(resting), "the edited card's border takes the accent colour");
    }
}
