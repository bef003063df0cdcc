package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.notebook.CellEditor;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The documentation pane: F1 and hover on API names in code, search, links between pages. */
class DocumentationTest extends WindowTest {
    private static String pageTitle() {
        return ui.fx(() -> ((Label) ui.robot.lookup("#docs-page-title").query()).getText());
    }

    @Test
    void f1WithTheCaretOnKmallocOpensTheKmallocPage() {
        var tab = ui.newNotebook();
        CellEditor editor = ui.clickIntoEditor(tab, 0);
        ui.robot.write("long p = kmalloc(64, GFP_KERNEL);");
        ui.fxRun(() -> editor.moveTo(editor.getText().indexOf("kmalloc") + 3));
        ui.fxRun(() -> ui.window.docsShownProperty().set(false));

        ui.robot.push(KeyCode.F1);

        ui.waitUntil("the kmalloc API page is on show", () -> "api/kmalloc.md".equals(ui.window.docs().currentPathProperty().get()));
        assertTrue(ui.fx(() -> ui.window.docsShownProperty().get()), "F1 opens the documentation pane");
        assertEquals("kmalloc", pageTitle());
        assertTrue(ui.textUnder(ui.window.docs()).contains("kmalloc"));
        assertTrue(ui.textUnder(ui.window.docs()).contains("physically contiguous kernel memory"));
    }

    @Test
    void restingTheMouseOnAnApiNameShowsItsOneSentenceSummary() {
        var tab = ui.newNotebook();
        CellEditor editor = ui.clickIntoEditor(tab, 0);
        ui.robot.write("long p = kmalloc(64, GFP_KERNEL);");
        int at = ui.fx(() -> editor.getText().indexOf("kmalloc") + 2);
        ui.waitUntil("the text is laid out", () -> editor.getCharacterBoundsOnScreen(at, at + 1).isPresent());
        Bounds b = ui.fx(() -> editor.getCharacterBoundsOnScreen(at, at + 1).orElseThrow());

        ui.robot.moveTo(new Point2D(b.getCenterX(), b.getCenterY()));

        ui.waitUntil("the summary popup shows", () -> ui.robot.lookup(".api-hover-text").tryQuery().isPresent());
        String summary = ui.fx(() -> ((Label) ui.robot.lookup(".api-hover-text").query()).getText());
        assertEquals("Allocates at least size bytes of physically contiguous kernel memory from the slab size classes.", summary);
        ui.robot.moveTo(ui.window.status());
    }

    @Test
    void aChartBuilderHasHoverHelpAndF1UnderItsQualifiedName() {
        var tab = ui.newNotebook();
        CellEditor editor = ui.clickIntoEditor(tab, 0);
        ui.robot.write("display(Charts.line(\"free\").build());");
        int at = ui.fx(() -> editor.getText().indexOf("line") + 2);
        ui.waitUntil("the text is laid out", () -> editor.getCharacterBoundsOnScreen(at, at + 1).isPresent());
        Bounds b = ui.fx(() -> editor.getCharacterBoundsOnScreen(at, at + 1).orElseThrow());

        ui.robot.moveTo(new Point2D(b.getCenterX(), b.getCenterY()));

        ui.waitUntil("the summary popup shows", () -> ui.robot.lookup(".api-hover-text").tryQuery().isPresent());
        assertEquals("Charts.line", ui.fx(() -> ((Label) ui.robot.lookup(".api-hover-name").query()).getText()));
        assertEquals("Starts a line chart: one or more series of values over x, each drawn as a line.",
                ui.fx(() -> ((Label) ui.robot.lookup(".api-hover-text").query()).getText()));
        ui.robot.moveTo(ui.window.status());

        ui.fxRun(() -> editor.moveTo(at));
        ui.fxRun(() -> ui.window.docsShownProperty().set(false));
        ui.robot.push(KeyCode.F1);
        ui.waitUntil("the Charts.line page is on show",
                () -> "api/Charts.line.md".equals(ui.window.docs().currentPathProperty().get()));
    }

    @Test
    void searchFindsPagesByTheirTextAndLinksBetweenPagesWork() {
        ui.robot.clickOn("#docs-search");
        ui.robot.write("size classes");

        ui.waitUntil("results are listed", () -> !((ListView<?>) ui.robot.lookup("#docs-list").query()).getItems().isEmpty());
        ListView<?> list = ui.robot.lookup("#docs-list").query();
        var items = ui.fx(() -> list.getItems().stream().map(o -> ((DocsLibrary.Hit) o).page().path()).toList());
        assertTrue(items.contains("kmalloc.md") && items.contains("api/kmalloc.md"), items.toString());
        assertTrue(!items.contains("gfp-flags.md"), "every word must match: " + items);

        ui.robot.push(KeyCode.ENTER);
        ui.waitUntil("the best hit opens", () -> items.getFirst().equals(ui.window.docs().currentPathProperty().get()));

        ui.fxRun(() -> ui.window.docs().show("api/kmalloc.md"));
        ui.fxRun(() -> ui.window.docs().follow("api/kmalloc.md", "kfree.md"));
        assertEquals("api/kfree.md", ui.fx(() -> ui.window.docs().currentPathProperty().get()));
        ui.fxRun(() -> ui.window.docs().follow("api/kfree.md", "../kmalloc.md#size-classes"));
        assertEquals("kmalloc.md", ui.fx(() -> ui.window.docs().currentPathProperty().get()));

        ui.fxRun(() -> ui.window.docs().back());
        assertEquals("api/kfree.md", ui.fx(() -> ui.window.docs().currentPathProperty().get()));

        ui.robot.clickOn("#docs-pages-button");
        ui.waitUntil("the page list shows every page", () -> list.isVisible() && list.getItems().size() == 7);
    }
}
