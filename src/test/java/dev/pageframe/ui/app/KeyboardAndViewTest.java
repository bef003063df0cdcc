package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.notebook.CellModel;
import java.nio.file.Path;
import java.util.List;
import dev.pageframe.ui.notebook.CellEditor;
import javafx.application.Application;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jupyter's command-mode keys, one scrollbar for the page, theme and zoom. */
class KeyboardAndViewTest extends WindowTest {
    @AfterEach
    void resetZoomAndTheme() {
        ui.fxRun(() -> {
            ui.window.darkProperty().set(false);
            ui.window.zoom(0);
        });
        // A change of look applies a frame later and ends when its picture goes: not in the next test.
        ui.waitUntil("the light theme at 100%", () -> !ui.window.lookCovered() && ui.window.getStyle().contains("14.00px")
                && new PrimerLight().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
    }

    @Test
    void theThemeAndTheZoomAUserChoseAreThereAtTheNextStart() throws Exception {
        Path kept = ui.env.trust().configDir().resolve(ViewSettings.FILE_NAME);
        ui.fxRun(() -> ui.window.runCommand(ui.window.commandTable().find("view.darkTheme").orElseThrow()));
        ui.fxRun(() -> ui.window.runCommand(ui.window.commandTable().find("view.zoomIn").orElseThrow()));
        ui.waitUntil("the look is kept", () -> java.nio.file.Files.isRegularFile(kept)
                && java.nio.file.Files.readString(kept).contains("theme=dark") && java.nio.file.Files.readString(kept).contains("zoom=1.10"));

        // The next start: a new window reads it.
        MainWindow next = ui.fx(() -> new MainWindow(ui.env));
        try {
            assertTrue(ui.fx(() -> next.darkProperty().get()), "dark, as chosen");
            assertEquals(1.1, ui.fx(next::zoom), 1e-9);
        } finally {
            // That window set the app's stylesheet too: the window under test applies its own again below.
            ui.fxRun(() -> next.darkProperty().set(false));
        }
    }

    @Test
    void commandModeKeysInsertDeleteUndoRetypeAndMoveTheSelection() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("keys.ipynb", List.of(Cell.code("int a = 1;"), Cell.code("int b = 2;"))));
        CellModel a = ui.cell(tab, 0);
        CellModel b = ui.cell(tab, 1);
        ui.clickIntoEditor(tab, 0);
        assertTrue(ui.fx(() -> tab.view().editModeProperty().get()));

        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil("command mode", () -> !tab.view().editModeProperty().get());

        ui.robot.push(KeyCode.B);
        assertEquals(3, ui.fx(() -> tab.document().cells().size()));
        CellModel inserted = ui.cell(tab, 1);
        assertEquals(inserted, ui.fx(() -> tab.view().selected()));

        ui.robot.push(KeyCode.M);
        assertEquals(CellType.MARKDOWN, ui.fx(inserted::type));
        ui.robot.push(KeyCode.Y);
        assertEquals(CellType.CODE, ui.fx(inserted::type));

        ui.robot.push(KeyCode.D).push(KeyCode.D);
        assertEquals(List.of(a, b), ui.fx(() -> List.copyOf(tab.document().cells())));
        assertEquals(b, ui.fx(() -> tab.view().selected()), "the next cell is selected after a delete");

        ui.robot.push(KeyCode.Z);
        assertEquals(List.of(a, inserted, b), ui.fx(() -> List.copyOf(tab.document().cells())), "Z undoes the delete");

        ui.robot.push(KeyCode.K);
        assertEquals(a, ui.fx(() -> tab.view().selected()));
        ui.robot.push(KeyCode.J).push(KeyCode.DOWN);
        assertEquals(b, ui.fx(() -> tab.view().selected()));
        ui.robot.push(KeyCode.UP);
        assertEquals(inserted, ui.fx(() -> tab.view().selected()));

        ui.robot.push(KeyCode.A);
        assertEquals(4, ui.fx(() -> tab.document().cells().size()));
        assertEquals(1, ui.fx(() -> tab.document().cells().indexOf(tab.view().selected())), "A inserts above");
        ui.robot.push(KeyCode.J).push(KeyCode.J).push(KeyCode.K);
        // After inserts, a delete, an undo and moves, the selected cell alone is marked, so D, D's target is plain.
        assertEquals(1, ui.fx(() -> tab.view().lookupAll(".cell-slot.selected").size()), "one cell looks selected");
        ui.robot.push(KeyCode.K);

        ui.robot.push(KeyCode.ENTER);
        ui.waitUntil("Enter edits the selected cell", () -> tab.view().editModeProperty().get());
        ui.robot.write("x");
        assertEquals("x", ui.fx(() -> ui.cell(tab, 1).source()));
        assertTrue(ui.fx(() -> tab.getText().endsWith("\u2022")));
    }

    @Test
    void aMarkdownCellRendersAndEditsWithDoubleClickAndShiftEnter() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("md.ipynb", List.of(Cell.markdown("# Title\n\nSome *prose*."), Cell.code(""))));
        CellModel md = ui.cell(tab, 0);
        var view = ui.view(tab, 0);
        assertFalse(ui.fx(() -> md.editingProperty().get()));

        ui.robot.doubleClickOn(ui.fx(() -> view.lookup(".markdown-rendered")));
        ui.waitUntil("the source is being edited", () -> md.editingProperty().get() && tab.view().editModeProperty().get());
        ui.robot.write(" More.");
        ui.robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        ui.waitUntil("Shift+Enter renders it", () -> !md.editingProperty().get());
        assertTrue(ui.fx(md::source).endsWith("More."));
        assertEquals(ui.cell(tab, 1), ui.fx(() -> tab.view().selected()));
    }

    @Test
    void theWheelScrollsThePageEvenOverACodeEditor() throws Exception {
        StringBuilder longCell = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            longCell.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        var tab = ui.open(ui.writeTrustedNotebook("wheel.ipynb", List.of(
                Cell.code(longCell.toString()), Cell.code(longCell.toString()), Cell.code("int end = 0;"))));
        var editor = ui.editor(tab, 0);
        ui.waitUntil("the editor is as tall as its text", () -> editor.getHeight() > 40 * 14);
        assertTrue(ui.fx(() -> editor.lookupAll(".scroll-bar").stream().noneMatch(n -> n.isVisible())),
                "editors have no scroll bars of their own");
        ui.fxRun(() -> tab.view().scrollBy(200));
        double before = ui.fx(() -> tab.view().scrollOffset());
        assertEquals(200, before, 1);

        // A wheel notch over the editor, as a desktop sends it: the page moves, the editor does not.
        ui.fxRun(() -> {
            var text = editor.lookup(".paragraph-text");
            var b = text.localToScene(text.getLayoutBounds());
            javafx.event.Event.fireEvent(text, new ScrollEvent(ScrollEvent.SCROLL, b.getCenterX(), b.getCenterY(),
                    b.getCenterX(), b.getCenterY(), false, false, false, false, false, false, 0, -120, 0, -120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        assertEquals(before + 120, ui.fx(() -> tab.view().scrollOffset()), 1);

        // A mouse wheel's notch, as GTK's glass sends it (40 px, multiplier 40, no text units), moves as far as a GTK
        // view moves: pow(page height, 2/3).
        double height = ui.fx(() -> tab.view().lookup(".notebook-scroller").getLayoutBounds().getHeight());
        double atNotch = ui.fx(() -> tab.view().scrollOffset());
        ui.fxRun(() -> {
            var text = editor.lookup(".paragraph-text");
            var b = text.localToScene(text.getLayoutBounds());
            javafx.event.Event.fireEvent(text, new ScrollEvent(ScrollEvent.SCROLL, b.getCenterX(),
                    b.getCenterY(), b.getCenterX(), b.getCenterY(), false, false, false, false, false, false, 0, -40, 0, -40,
                    40, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                    null));
        });
        double step = ui.fx(() -> tab.view().scrollOffset()) - atNotch;
        assertTrue(step > 60, "a notch moves more than 40 px: " + step);
        assertEquals(Math.pow(height, 2.0 / 3.0), step, 3, "page " + height);

        // And through the robot's wheel (its step size depends on the platform).
        ui.robot.moveTo(editor, javafx.geometry.Pos.TOP_CENTER, new javafx.geometry.Point2D(0, 300), org.testfx.robot.Motion.DIRECT);
        double mid = ui.fx(() -> tab.view().scrollOffset());
        ui.robot.scroll(5, javafx.geometry.VerticalDirection.DOWN);
        ui.waitUntil("the page moved under the wheel", () -> Math.abs(tab.view().scrollOffset() - mid) >= 4);
        assertEquals(0.0, ui.fx(() -> editor.getEstimatedScrollY()), 0.5, "the editor itself did not scroll");
    }

    @Test
    void ctrlWheelOverAChartInANotebookZoomsTheChartNotThePage() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("chartwheel.ipynb", List.of(Cell.code("display(chart);")
                .withExecutionCount(1).withOutputs(List.of(dev.pageframe.ui.outputs.Samples.display(
                        dev.pageframe.ui.outputs.Samples.freePagesOverTime(5000)))))));
        ui.waitUntil("the chart is drawn", () -> tab.view().lookup(".chart-plot-background") != null);
        var xAxis = ui.fx(() -> (javafx.scene.chart.NumberAxis) tab.view().lookup(".chart").lookup(".axis"));
        double pageBefore = ui.fx(() -> tab.view().scrollOffset());
        ui.fxRun(() -> {
            var plot = tab.view().lookup(".chart-plot-background");
            var b = plot.localToScene(plot.getLayoutBounds());
            javafx.event.Event.fireEvent(plot, new ScrollEvent(ScrollEvent.SCROLL, b.getCenterX(), b.getCenterY(),
                    b.getCenterX(), b.getCenterY(), false, true, false, false, false, false, 0, 120, 0, 120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        double span = ui.fx(() -> xAxis.getUpperBound() - xAxis.getLowerBound());
        assertTrue(span < 5000, "Ctrl+wheel zoomed the chart's x axis in (span " + span + ")");
        assertEquals(pageBefore, ui.fx(() -> tab.view().scrollOffset()), 0.5, "the page stayed where it was");
    }

    @Test
    void switchingModesNeitherResizesThePageNorReMeasuresEveryCell() throws Exception {
        List<Cell> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cells.add(Cell.markdown("Step " + i + ": allocate an order-" + (i % 4) + " block and free it again with the "
                    + "same order, then look at the free lists once more."));
            cells.add(Cell.code("long p" + i + " = __get_free_pages(GFP_KERNEL, " + (i % 4) + ");"));
        }
        var tab = ui.open(ui.writeTrustedNotebook("modes.ipynb", cells));
        ui.fxRun(() -> tab.view().scrollToCell(tab.document().cells().getLast()));
        ui.waitUntil("every cell is built", () -> tab.document().cells().stream().allMatch(c -> tab.view().viewOf(c) != null));
        ui.fxRun(() -> tab.view().scrollToCell(tab.document().cells().getFirst()));
        javafx.scene.Node page = ui.fx(() -> tab.view().lookup(".notebook-page"));

        ui.fxRun(() -> tab.view().requestFocus());
        ui.waitUntil("command mode", () -> tab.view().isFocused());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double commandWidth = ui.fx(() -> ((javafx.scene.layout.Region) page).getWidth());
        long before = ui.fx(() -> tab.view().cellMeasurements());

        ui.clickIntoEditor(tab, 1);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(commandWidth, ui.fx(() -> ((javafx.scene.layout.Region) page).getWidth()), 0.01,
                "the page is as wide in edit mode as in command mode");
        long measured = ui.fx(() -> tab.view().cellMeasurements()) - before;
        assertTrue(measured < cells.size(), "entering edit mode re-measured " + measured + " of " + cells.size()
                + " cells; only the edited one changed");
    }

    @Test
    void aSelectedCodeCellGetsItsEditorReadyBeforeEnter() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("ready.ipynb", List.of(
                Cell.code("int a = 1;"), Cell.code("long p = kmalloc(64, GFP_KERNEL);"))));
        CellModel second = ui.cell(tab, 1);
        ui.waitUntil("the cards are built", () -> tab.view().viewOf(second) != null);
        // The real editor is a RichTextFX area; the preview only looks like one.
        assertTrue(ui.fx(() -> tab.view().viewOf(second).lookup(".styled-text-area") == null),
                "a card shows a light preview of its source until it is needed");

        ui.fxRun(() -> {
            tab.view().requestFocus();
            tab.view().select(second);
        });
        // Made off the FX thread once the selection rests, so Enter only has to show it.
        ui.waitUntil("the selected cell's editor is ready",
                () -> tab.view().viewOf(second).lookup(".styled-text-area") != null);
        assertFalse(ui.fx(() -> tab.view().editModeProperty().get()), "still in command mode");
        ui.robot.push(KeyCode.ENTER);
        ui.waitUntil("edit mode in the selected cell", () -> tab.view().editModeProperty().get()
                && tab.view().selected() == second);
    }

    @Test
    void anEditorMadeAheadIsSwappedInOnlyInAFrameNothingElseUsed() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("swap.ipynb", List.of(
                Cell.code("int a = 1;"), Cell.code("long p = kmalloc(64, GFP_KERNEL);"))));
        CellModel second = ui.cell(tab, 1);
        ui.waitUntil("the cards are built", () -> tab.view().viewOf(second) != null);
        // Other deferred work in every frame: 2 ms of it, well inside the budget, as a card being built.
        dev.pageframe.ui.common.FrameHog cards = new dev.pageframe.ui.common.FrameHog(2_000_000L);
        ui.fxRun(() -> {
            cards.start();
            tab.view().select(second);
        });
        try {
            ui.waitUntil("the editor is made and waits", () -> tab.view().editorSwapPending());
            int seen = ui.fx(cards::frames);
            ui.waitUntil("five more frames", () -> cards.frames() >= seen + 5);
            assertTrue(ui.fx(() -> tab.view().viewOf(second).lookup(".styled-text-area") == null),
                    "not swapped in while other work uses every frame");

            ui.fxRun(cards::release);
            ui.waitUntil("swapped in once a frame is free",
                    () -> tab.view().viewOf(second).lookup(".styled-text-area") != null);
            assertFalse(ui.fx(() -> tab.view().editorSwapPending()));
        } finally {
            ui.fxRun(cards::stop);
        }
    }

    @Test
    void zoomScalesTheWholeWindowAndTheDarkThemeSwitches() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("look.ipynb", List.of(Cell.code("int zoom = 1;"))));
        var editor = ui.editor(tab, 0);
        ui.waitUntil("the code is laid out", () -> !editor.lookupAll(".text").isEmpty());
        double before = ui.fx(() -> ((Text) editor.lookupAll(".text").iterator().next()).getFont().getSize());

        ui.fxRun(() -> tab.view().requestFocus());
        ui.robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        ui.robot.push(KeyCode.CONTROL, KeyCode.EQUALS);

        ui.waitUntil("the code font grew", () -> ((Text) editor.lookupAll(".text").iterator().next()).getFont().getSize() > before * 1.2);
        assertTrue(ui.fx(() -> ui.window.getStyle()).contains("17.50px"), ui.fx(() -> ui.window.getStyle()));
        ui.robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        ui.waitUntil("back to 100%", () -> ui.window.zoom() == 1.0);

        ui.fxRun(() -> ui.window.darkProperty().set(true));
        ui.waitUntil("the dark theme", () -> new PrimerDark().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        ui.fxRun(() -> ui.window.darkProperty().set(false));
        ui.waitUntil("the light theme", () -> new PrimerLight().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
    }
    @Test
    void anEmptyOutlineTakesItsRowsOverTheNextFramesInOrder() throws Exception {
        List<Cell> cells = new java.util.ArrayList<>();
        List<String> headings = List.of("Zones", "DMA", "DMA32", "Normal", "Movable", "Device");
        for (int i = 0; i < headings.size(); i++) {
            cells.add(Cell.markdown((i == 0 ? "# " : "## ") + headings.get(i)));
        }
        var tab = ui.open(ui.writeTrustedNotebook("zones.ipynb", cells));
        ui.waitUntil("the outline lists the zones", () -> ui.window.outline().entries().size() == headings.size());
        // An empty outline (no notebook), then the notebook's again: its rows are dear the first time.
        ui.fxRun(() -> ui.window.outline().show(null, null));
        dev.pageframe.ui.outputs.FxTest.settle();
        // Asked and looked at in one go on the FX thread: a pulse in between may already have made every row.
        boolean[] fillingAtOnce = new boolean[1];
        int atOnce = ui.fx(() -> {
            ui.window.outline().show(tab.document(), tab.view());
            fillingAtOnce[0] = ui.window.outline().filling();
            return ui.window.outline().entries().size();
        });
        assertEquals(0, atOnce, "no row is made in the frame that asked");
        assertTrue(fillingAtOnce[0], "the rows are still to come");
        ui.waitUntil("every row is in", () -> !ui.window.outline().filling());
        assertEquals(headings, ui.fx(() -> ui.window.outline().entries().stream().map(OutlinePane.Entry::text).toList()));
    }

    @Test
    void aChangeOfLookRestylesUnderAPictureOfTheOldLookWithThePageOutOfTheScene() throws Exception {
        List<Cell> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cells.add(i % 10 == 0 ? Cell.markdown("# Part " + i + "\n\nAllocating pages with the buddy allocator.")
                    : Cell.code("long p" + i + " = __get_free_pages(GFP_KERNEL, " + (i % 4) + ");"));
        }
        var tab = ui.open(ui.writeTrustedNotebook("park.ipynb", cells));
        ui.fxRun(() -> ui.window.docs().showApi("kmalloc"));
        ui.waitUntil("the docs page is filled in", () -> !ui.window.docs().pageFilling()
                && ui.window.docs().lookup(".docs-page .text") != null);
        ui.waitUntil("the outline lists the parts", () -> ui.window.outline().entries().size() == 3);
        ui.fxRun(() -> tab.view().scrollToCell(tab.document().cells().getLast()));
        ui.waitUntil("every card is built", () -> tab.document().cells().stream().allMatch(c -> tab.view().viewOf(c) != null));
        CellModel first = ui.cell(tab, 1);
        CellModel middle = ui.cell(tab, 15);
        CellModel last = ui.cell(tab, cells.size() - 1);
        ui.fxRun(() -> tab.view().select(middle));
        // As the wheel does: the selection stays where it is.
        ui.fxRun(() -> tab.view().scrollBy(-1e6));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Node firstCard = ui.fx(() -> tab.view().viewOf(first));
        Node lastCard = ui.fx(() -> tab.view().viewOf(last));
        Node outlineList = ui.fx(() -> ui.window.outline().lookup("#outline-list"));
        Node docsText = ui.fx(() -> ui.window.docs().lookup(".docs-page .text"));
        javafx.scene.Scene scene = ui.fx(ui.window::getScene);
        javafx.scene.image.WritableImage before = ui.fx(() -> scene.snapshot(null));

        // What is in the scene in the pulse that restyles it, just before its CSS pass.
        java.util.concurrent.atomic.AtomicReference<String> restyled = new java.util.concurrent.atomic.AtomicReference<>();
        String darkTheme = new PrimerDark().getUserAgentStylesheet();
        Runnable probe = () -> {
            if (restyled.get() == null && darkTheme.equals(Application.getUserAgentStylesheet())) {
                restyled.set("card in view " + (firstCard.getScene() != null) + ", card off screen " + (lastCard.getScene() != null)
                        + ", outline " + (outlineList.getScene() != null) + ", docs page " + (docsText.getScene() != null));
            }
        };
        ui.fxRun(() -> scene.addPreLayoutPulseListener(probe));
        double differing = ui.fx(() -> {
            ui.window.darkProperty().set(true);
            return differingPixels(before, scene.snapshot(null));
        });
        assertTrue(ui.fx(ui.window::lookCovered));
        assertTrue(differing < 0.001, "the picture covers the page exactly where it was: " + differing * 100 + "% of pixels differ");

        ui.waitUntil("the dark theme has restyled the window", () -> restyled.get() != null);
        ui.fxRun(() -> scene.removePreLayoutPulseListener(probe));
        assertEquals("card in view false, card off screen false, outline false, docs page false", restyled.get(),
                "the pulse that restyles has only the window's chrome in it");

        ui.waitUntil("the picture is gone", () -> !ui.window.lookCovered());
        assertTrue(ui.fx(() -> tab.view().isShown(first)), "the card in view is back");
        assertTrue(ui.fx(() -> tab.view().viewOf(first)) == firstCard, "the same card, with its state, not a new one");
        assertTrue(ui.fx(() -> outlineList.getScene() != null && docsText.getScene() != null), "outline and docs page back");
        assertFalse(ui.fx(() -> tab.view().isShown(last)), "a card off screen comes back when it nears the view");

        ui.fxRun(() -> tab.view().scrollToCell(last));
        ui.waitUntil("the card scrolled to is back", () -> tab.view().isShown(last));
        assertTrue(ui.fx(() -> tab.view().viewOf(last)) == lastCard, "the same card, with its state, not a new one");
    }

    @Test
    void zoomingWhileEditingKeepsTheFocusTheCaretAndTheCardInTheScene() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("typing.ipynb", List.of(Cell.markdown("# Zoom while typing"),
                Cell.code("long a = __get_free_pages(GFP_KERNEL, 2);\nfree_pages(a, 2);"))));
        CellEditor editor = ui.clickIntoEditor(tab, 1);
        ui.fxRun(() -> editor.moveTo(1, 4));
        java.util.concurrent.atomic.AtomicBoolean leftScene = new java.util.concurrent.atomic.AtomicBoolean();
        javafx.scene.Scene scene = ui.fx(ui.window::getScene);
        Runnable probe = () -> leftScene.compareAndSet(false, editor.getScene() == null);
        ui.fxRun(() -> scene.addPreLayoutPulseListener(probe));

        ui.robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        ui.waitUntil("zoomed and settled", () -> ui.window.getStyle().contains("15.40px") && !ui.window.lookCovered());
        ui.fxRun(() -> scene.removePreLayoutPulseListener(probe));

        assertFalse(leftScene.get(), "the card being edited never left the scene");
        assertTrue(ui.fx(editor::isFocused));
        assertTrue(ui.fx(() -> tab.view().editModeProperty().get()));
        assertEquals(1, ui.fx(editor::getCurrentParagraph));
        assertEquals(4, ui.fx(editor::getCaretColumn));
        ui.robot.write("x");
        assertEquals("freex_pages(a, 2);", ui.fx(() -> editor.getParagraph(1).getText()));
    }

    @Test
    void quickChangesOfLookEndInTheLastOneAsked() throws Exception {
        ui.open(ui.writeTrustedNotebook("quick.ipynb", List.of(Cell.code("int quick = 1;"))));
        ui.fxRun(() -> {
            ui.window.zoom(1);
            ui.window.zoom(1);
            ui.window.darkProperty().set(true);
            ui.window.zoom(1);
            ui.window.darkProperty().set(false);
            ui.window.darkProperty().set(true);
        });
        ui.waitUntil("settled", () -> !ui.window.lookCovered());
        assertTrue(ui.fx(ui.window::getStyle).contains("21.00px"), ui.fx(ui.window::getStyle));
        assertEquals(new PrimerDark().getUserAgentStylesheet(), ui.fx(Application::getUserAgentStylesheet));
        assertEquals("150%", ui.fx(() -> ((Labeled) ui.window.lookup(".status-zoom")).getText()));
    }

    /** The share of pixels that differ between two pictures of the same size (by more than a rounding step). */
    private static double differingPixels(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        assertEquals(w, (int) b.getWidth());
        assertEquals(h, (int) b.getHeight());
        var ra = a.getPixelReader();
        var rb = b.getPixelReader();
        int differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = ra.getArgb(x, y);
                int q = rb.getArgb(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    if (Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)) > 8) {
                        differ++;
                        break;
                    }
                }
            }
        }
        return differ / (double) (w * h);
    }

    @Test
    void menusContextMenusTooltipsPopupsAndDialogsFollowTheZoom() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("zoompop.ipynb", List.of(
                Cell.markdown("Some code:\n\n```java\nint x = 1;\n```\n"), Cell.code("long p = kmalloc(64, GFP_KERNEL);"))));
        var md = ui.view(tab, 0);
        ui.fxRun(() -> tab.view().requestFocus());
        ui.robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        ui.robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        ui.waitUntil("125% zoom", () -> ui.window.zoom() == 1.25);
        double zoomed = 14 * 1.25;

        // A menu of the menu bar.
        ui.robot.clickOn(ui.robot.lookup(".menu-bar .menu").<Node>query());
        ui.waitUntil("the File menu shows", () -> popupLabel("Save") != null);
        assertEquals(zoomed, ui.fx(() -> popupLabel("Save").getFont().getSize()), 0.01, "File menu");
        // Closed by a click elsewhere: after Escape the menu bar would keep the keyboard for itself.
        ui.robot.clickOn(ui.window.status());
        ui.waitUntil("the File menu closes", () -> popupLabel("Save") == null);

        // A context menu (the platform's request for one, as a right click sends it).
        Node block = ui.fx(() -> md.lookup(".md-code-block"));
        ui.fxRun(() -> {
            Bounds local = block.getLayoutBounds();
            Bounds screen = block.localToScreen(local);
            Event.fireEvent(block, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getCenterX(),
                    local.getCenterY(), screen.getCenterX(), screen.getCenterY(), false, null));
        });
        ui.waitUntil("the code block's menu shows", () -> popupLabel("Copy code") != null);
        assertEquals(zoomed, ui.fx(() -> popupLabel("Copy code").getFont().getSize()), 0.01, "context menu");
        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil("the code block's menu closes", () -> popupLabel("Copy code") == null);

        // A tooltip: the theme gives tooltips a fixed pixel size of their own.
        ui.robot.moveTo("#tool-run");
        ui.waitUntil("the Run button's tooltip shows", () -> showing(Tooltip.class) != null);
        assertEquals(zoomed, ui.fx(() -> showing(Tooltip.class).getFont().getSize()), 0.01, "tooltip");

        // The API summary popup of the code editor.
        CellEditor editor = ui.editor(tab, 1);
        int at = ui.fx(() -> editor.getText().indexOf("kmalloc") + 2);
        ui.waitUntil("the code is laid out", () -> editor.getCharacterBoundsOnScreen(at, at + 1).isPresent());
        Bounds kmalloc = ui.fx(() -> editor.getCharacterBoundsOnScreen(at, at + 1).orElseThrow());
        ui.robot.moveTo(new Point2D(kmalloc.getCenterX(), kmalloc.getCenterY()));
        ui.waitUntil("the summary popup shows", () -> ui.robot.lookup(".api-hover-text").tryQuery().isPresent());
        assertEquals(zoomed, ui.fx(() -> ((Label) ui.robot.lookup(".api-hover-text").query()).getFont().getSize()), 0.01,
                "API summary popup");
        ui.robot.moveTo(ui.window.status());
        ui.waitUntil("the summary popup hides", () -> ui.robot.lookup(".api-hover-text").tryQuery().isEmpty());

        // A dialog, then a zoom while it is open: it follows that too.
        ui.fxRun(() -> ShortcutsSheet.show(ui.window.getScene().getWindow(), ui.window.commandTable()));
        ui.waitUntil("the shortcuts dialog shows", () -> popupLabel("Keyboard shortcuts (as in Jupyter)") != null);
        assertEquals(zoomed, ui.fx(() -> popupLabel("Keyboard shortcuts (as in Jupyter)").getFont().getSize()), 0.01,
                "dialog");
        ui.fxRun(() -> ui.window.zoom(0));
        ui.waitUntil("the dialog is back to 100%",
                () -> popupLabel("Keyboard shortcuts (as in Jupyter)").getFont().getSize() == 14);
    }

    /** A label showing {@code text} (mnemonic marks ignored) in any window but the main one, or null. */
    private static Labeled popupLabel(String text) {
        for (Window w : Window.getWindows()) {
            if (w != ui.stage && w.isShowing() && w.getScene() != null) {
                for (Node n : w.getScene().getRoot().lookupAll(".label")) {
                    if (n instanceof Labeled l && l.getText() != null && text.equals(l.getText().replace("_", ""))) {
                        return l;
                    }
                }
            }
        }
        return null;
    }

    private static <T extends Window> T showing(Class<T> type) {
        return Window.getWindows().stream().filter(type::isInstance).filter(Window::isShowing).map(type::cast)
                .findFirst().orElse(null);
    }
}
