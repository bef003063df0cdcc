package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.KernelState;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Output;
import dev.pageframe.ui.notebook.CellModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Opening files: cells and stored outputs appear as they were, nothing runs, long notebooks open fast. */
class OpeningNotebooksTest extends WindowTest {
    @Test
    void openingAFileShowsItsCellsAndStoredOutputsWithoutRunningAnything() throws Exception {
        Path file = ui.writeTrustedNotebook("stored.ipynb", List.of(
                Cell.markdown("# Allocations\n\nSome prose."),
                Cell.code("long buf = __get_free_pages(GFP_KERNEL, 3);\nSystem.out.println(buf);")
                        .withExecutionCount(7).withOutputs(List.of(Output.Stream.stdout("18446612682070130688\n")))));

        NotebookTab tab = ui.open(file);

        assertEquals("stored.ipynb", ui.fx(tab::getText));
        assertEquals(2, ui.fx(() -> tab.document().cells().size()));
        assertEquals("[7]", ui.prompt(tab, 1));
        assertTrue(ui.outputText(tab, 1).contains("18446612682070130688"), ui.outputText(tab, 1));
        assertTrue(ui.fx(() -> ui.editor(tab, 1).getText()).startsWith("long buf"));
        assertEquals(KernelState.NOT_STARTED, ui.fx(() -> tab.document().kernelState()));
        assertNull(ui.fx(() -> tab.document().sessionIfStarted()), "opening must not start a kernel");
        assertTrue(ui.fx(() -> ui.window.status().kernelText()).contains("not started"));
        assertTrue(ui.textUnder(ui.window.status()).contains("x86_64"));

        // Under the pointer the cell offers its run button beside the count, which stays in sight.
        javafx.scene.Node cellView = ui.fx(() -> tab.view().lookupAll(".code-cell").iterator().next());
        ui.robot.moveTo(cellView);
        javafx.scene.Node run = ui.fx(() -> cellView.lookup(".cell-run-button"));
        ui.waitUntil("the run button shows", run::isVisible);
        assertTrue(ui.fx(() -> cellView.lookup(".cell-prompt").isVisible()), "the count shows beside it");
        assertEquals("[7]", ui.prompt(tab, 1));
    }

    @Test
    void aHundredCellNotebookShowsItsFirstPageAtOnceAndBuildsTheRestWhenScrolledTo() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cells.add(Cell.markdown("## Step " + i + "\n\nProse for step " + i + "."));
            cells.add(Cell.code("long b" + i + " = kmalloc(" + (i + 1) * 8 + ", GFP_KERNEL);")
                    .withExecutionCount(i + 1).withOutputs(List.of(Output.Stream.stdout("ok " + i + "\n"))));
        }
        Path file = ui.writeTrustedNotebook("hundred.ipynb", cells);
        AtomicBoolean firstPage = new AtomicBoolean();
        ui.fxRun(() -> ui.window.setOnFirstPage(t -> firstPage.set(true)));

        NotebookTab tab = ui.open(file);
        // How fast is a benchmark's question (scripts/measure-app.sh, BENCHMARKS.md); this test asks what is built.
        ui.waitUntil("the first page is built", 10, firstPage::get);

        int built = ui.fx(() -> (int) tab.document().cells().stream().filter(c -> tab.view().viewOf(c) != null).count());
        assertTrue(built > 0 && built < 60, "only cells near the viewport are built, but " + built + " were");
        CellModel last = ui.fx(() -> tab.document().cells().getLast());
        assertNull(ui.fx(() -> tab.view().viewOf(last)));

        ui.fxRun(() -> tab.view().scrollToCell(last));
        ui.waitUntil("the last cell is built after scrolling to it", () -> tab.view().viewOf(last) != null);
        ui.fxRun(() -> ui.window.setOnFirstPage(t -> { }));
    }

    @Test
    void theOutlineListsHeadingsJumpsToThemAndFoldsTheirSections() throws Exception {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.markdown("# Tour"));
        for (int s = 1; s <= 3; s++) {
            cells.add(Cell.markdown("## Section " + s));
            for (int i = 0; i < 6; i++) {
                cells.add(Cell.code("int s" + s + "_" + i + " = " + i + ";"));
            }
        }
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("outline.ipynb", cells));

        List<OutlinePane.Entry> entries = ui.fx(() -> ui.window.outline().entries());
        assertEquals(List.of("Tour", "Section 1", "Section 2", "Section 3"),
                entries.stream().map(OutlinePane.Entry::text).toList());

        CellModel section3 = ui.cell(tab, 15);
        ui.robot.clickOn("Section 3");
        ui.waitUntil("section 3 is selected", () -> tab.view().selected() == section3);
        assertTrue(ui.fx(() -> tab.view().scrollOffset()) > 0, "the page scrolled to section 3");
        // The outline marks the section the page is in as it scrolls, whichever way the page got there.
        ui.waitUntil("the outline marks section 3", () -> currentHeading().equals("Section 3"));
        ui.fxRun(() -> tab.view().scrollToCell(ui.cell(tab, 4)));
        ui.waitUntil("scrolled into section 1's cells, the outline marks section 1",
                () -> currentHeading().equals("Section 1"));
        ui.fxRun(() -> ui.window.outline().show(tab.document(), tab.view()));
        assertEquals("Section 1", currentHeading(), "shown again (another tab and back), it marks the section at once");
        ui.fxRun(() -> tab.view().scrollBy(-100_000));
        ui.waitUntil("at the top, the outline marks the title", () -> currentHeading().equals("Tour"));
        ui.robot.clickOn("Section 3");
        ui.waitUntil("section 3 is selected again", () -> tab.view().selected() == section3);

        CellModel section1 = ui.cell(tab, 1);
        ui.fxRun(() -> tab.view().scrollToCell(section1));
        ui.robot.clickOn(foldButtonOf("Section 1"));
        ui.waitUntil("section 1 is folded", () -> section1.sectionCollapsedProperty().get());
        for (int i = 2; i <= 7; i++) {
            int index = i;
            assertTrue(ui.fx(() -> tab.document().cells().get(index).hiddenProperty().get()), "cell " + i + " hidden");
        }
        assertFalse(ui.fx(() -> tab.document().cells().get(8).hiddenProperty().get()), "section 2 still shows");
        assertNotNull(ui.fx(() -> ui.robot.lookup(".folded-note").tryQuery().orElse(null)));
        // The arrows fold the notebook, not the outline: one shows under the pointer and on a folded section only.
        ui.robot.moveTo("Section 3");
        ui.waitUntil("the arrows away from the pointer fade", () -> foldButtonOf("Section 2").getOpacity() == 0);
        assertEquals(1.0, ui.fx(() -> foldButtonOf("Section 1").getOpacity()), "a folded section keeps its arrow");
        assertEquals(1.0, ui.fx(() -> foldButtonOf("Section 3").getOpacity()), "the row under the pointer shows its arrow");

        ui.robot.clickOn(foldButtonOf("Section 1"));
        ui.waitUntil("section 1 unfolds", () -> !tab.document().cells().get(2).hiddenProperty().get());
    }

    private static String currentHeading() {
        return ui.fx(() -> {
            OutlinePane.Entry e = ui.window.outline().current();
            return e == null ? "" : e.text();
        });
    }

    /** The fold arrow on the outline row of a heading. */
    private static javafx.scene.Node foldButtonOf(String heading) {
        return ui.fx(() -> ui.robot.lookup(".outline-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.isVisible() && c.getItem() instanceof OutlinePane.Entry e && e.text().equals(heading))
                .findFirst().orElseThrow().lookup(".outline-fold"));
    }

    @Test
    void twoNotebooksOpenedAtOnceBothShowAndTheOutlineFollowsTheOneOnShow() throws Exception {
        Path first = ui.writeTrustedNotebook("first.ipynb", List.of(Cell.markdown("# First notebook"), Cell.code("int a = 1;")));
        Path second = ui.writeTrustedNotebook("second.ipynb", List.of(Cell.markdown("# Second notebook"), Cell.code("int b = 2;")));
        var opening = ui.fx(() -> List.of(ui.window.open(first), ui.window.open(second)));
        for (var tab : opening) {
            tab.get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        // The outline and the docs page waited for the notebook on show, not for the one behind it.
        ui.waitUntil("the window settles", 20, () -> ui.window.settled());
        NotebookTab shown = ui.fx(() -> ui.window.current());
        String expected = ui.fx(() -> shown.document().file().getFileName().toString()).startsWith("first")
                ? "First notebook" : "Second notebook";
        assertEquals(List.of(expected), ui.fx(() -> ui.window.outline().entries().stream().map(OutlinePane.Entry::text).toList()));
        assertEquals(2, (int) ui.fx(() -> ui.window.tabs().getTabs().size()));
    }

    @Test
    void theBundledTourOpensAsAnUntitledCopy() throws Exception {
        NotebookTab tab = ui.fx(() -> ui.window.openTour()).get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertNull(ui.fx(() -> tab.document().file()), "saving must ask where");
        assertTrue(ui.fx(() -> tab.document().cells().size()) > 0);
        assertTrue(ui.fx(() -> tab.document().isTrusted()));
    }

    @Test
    void cardsScrolledToWaitWhileOtherDeferredWorkHasUsedUpTheFrame() throws Exception {
        List<Cell> cells = kmallocCells(40);
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("budget.ipynb", cells));
        CellModel last = ui.cell(tab, cells.size() - 1);
        assertNull(ui.fx(() -> tab.view().viewOf(last)), "the last card waits until it is scrolled to");
        // Started before scrolling starts the card builder, so it runs first in each frame and spends the budget.
        dev.pageframe.ui.common.FrameHog hog = new dev.pageframe.ui.common.FrameHog();
        ui.fxRun(() -> {
            hog.start();
            tab.view().scrollToCell(last);
        });
        try {
            ui.waitUntil("five frames spent by other work", () -> hog.frames() >= 5);
            assertNull(ui.fx(() -> tab.view().viewOf(last)), "no card is built in a frame whose budget is spent");
            ui.fxRun(hog::release);
            ui.waitUntil("the card scrolled to is built", () -> tab.view().viewOf(last) != null);
        } finally {
            ui.fxRun(hog::stop);
        }
    }

    @Test
    void theNotebookSettlesOnlyOnceItHasStoppedMakingCards() throws Exception {
        List<Cell> cells = kmallocCells(40);
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("settle.ipynb", cells));
        ui.waitUntil("the first page settles", () -> !tab.view().settling());
        CellModel last = ui.cell(tab, cells.size() - 1);
        assertNull(ui.fx(() -> tab.view().viewOf(last)), "the last card waits until it is scrolled to");
        // The docs page beside the notebook waits while this is true (MainWindow).
        assertTrue(ui.fx(() -> {
            tab.view().scrollToCell(last);
            return tab.view().settling();
        }), "scrolling to cards not made yet unsettles the page");
        ui.waitUntil("the page settles again once its cards are made", () -> !tab.view().settling());
        assertNotNull(ui.fx(() -> tab.view().viewOf(last)));
    }

    @Test
    void theOutlineFillsInOnlyWhileTheNotebookIsNotMakingCards() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cells.add(Cell.markdown("## Part " + i + "\n\nSome prose about order " + i % 4 + "."));
            cells.add(Cell.code("long b" + i + " = __get_free_pages(GFP_KERNEL, " + i % 4 + ");"));
        }
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("outline-waits.ipynb", cells));
        OutlinePane outline = ui.window.outline();
        dev.pageframe.ui.common.FrameHog frames = new dev.pageframe.ui.common.FrameHog(0);
        ui.fxRun(() -> {
            outline.show(null, null);
            // Scrolled to cards not made yet, which wait: the page is still making cards when the outline,
            // empty, is asked to fill in over the next frames.
            tab.view().holdBuilds();
            tab.view().scrollBy(1e6);
            outline.show(tab.document(), tab.view());
            frames.start();
        });
        try {
            ui.waitUntil("ten frames", () -> frames.frames() >= 10);
            assertTrue(ui.fx(() -> tab.view().settling()));
            assertTrue(ui.fx(() -> outline.filling() && outline.entries().isEmpty()),
                    "no outline row comes in while the notebook's cards wait to be made");
            ui.fxRun(() -> tab.view().resumeBuilds());
            ui.waitUntil("the outline fills in", () -> outline.entries().size() == 40);
        } finally {
            ui.fxRun(frames::stop);
        }
    }

    @Test
    void theOutlineSaysThereAreNoHeadingsOnlyWhenThereAreNone() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            cells.add(Cell.markdown("## Section " + i));
            cells.add(Cell.code("long b" + i + " = " + i + ";"));
        }
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("eight-headings.ipynb", cells));
        OutlinePane outline = ui.fx(() -> ui.window.outline());
        // Shown afresh, the rows come in over the next frames; meanwhile the list must not claim there are none.
        boolean[] during = ui.fx(() -> {
            outline.show(null, null);
            boolean hintWithNoNotebook = outline.sayingNoHeadings();
            outline.show(tab.document(), tab.view());
            return new boolean[] {hintWithNoNotebook, outline.filling(), outline.sayingNoHeadings()};
        });
        assertTrue(during[0], "with no notebook the empty outline says where headings come from");
        assertTrue(during[1], "the rows are still coming in");
        assertFalse(during[2], "no 'no headings' hint while the rows are still coming in");
        ui.waitUntil("the outline fills", () -> !outline.filling());
        assertEquals(8, ui.fx(() -> outline.entries().size()));

        NotebookTab plain = ui.open(ui.writeTrustedNotebook("no-headings.ipynb", List.of(Cell.code("long x = 1;"))));
        ui.waitUntil("the outline follows the new tab", () -> outline.entries().isEmpty());
        assertTrue(ui.fx(outline::sayingNoHeadings), "a notebook without headings gets the hint");
        ui.fxRun(() -> {
            ui.window.closeTab(plain);
            ui.window.closeTab(tab);
        });
    }

    @Test
    void theTourOpenedBeforeTheWindowShowsHasItsFirstScreenBuiltAndTheDeferredPartsComeOnceShown() throws Exception {
        record Start(MainWindow window, javafx.stage.Stage stage, NotebookTab tab, boolean firstShown, boolean lastBuilt,
                     boolean docsRead, int outlineRows) { }
        // All in one FX call, as PageframeApp makes the window: no pulse comes between the tour's opening and the checks.
        Start s = ui.fx(() -> {
            MainWindow w = new MainWindow(ui.env);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            javafx.scene.Scene scene = new javafx.scene.Scene(w, 1240, 780);
            scene.getStylesheets().add(dev.pageframe.ui.PageframeApp.stylesheet());
            stage.setScene(scene);
            w.attach(stage);
            NotebookTab t = w.openTourNow(w.readTour(), java.time.Duration.ofSeconds(20)).getNow(null);
            List<CellModel> cells = t.document().cells();
            return new Start(w, stage, t, t.view().isShown(cells.getFirst()), t.view().viewOf(cells.getLast()) != null,
                    w.docsLoaded().isDone(), w.outline().entries().size());
        });
        try {
            assertEquals("tour.ipynb", ui.fx(s.tab()::getText));
            assertTrue(s.firstShown(), "the tour's first card is built before the window shows");
            assertFalse(s.lastBuilt(), "cards below the first screen are left to the builder");
            assertFalse(s.docsRead(), "the documentation is read once the window shows");
            assertEquals(0, s.outlineRows());
            assertFalse(ui.textUnder(s.window().docs()).contains("No documentation pages"),
                    "unread documentation is not reported missing");
            assertFalse(ui.textUnder(s.window().outline()).contains("Headings in Markdown"),
                    "the outline of the notebook on show is not yet made, not empty");

            ui.fxRun(s.stage()::show);
            s.window().docsLoaded().get(20, java.util.concurrent.TimeUnit.SECONDS);
            ui.waitUntil("the outline and the docs page fill in", 20, () -> s.window().settled());
            assertTrue(ui.fx(() -> s.window().outline().entries().stream()
                    .anyMatch(e -> e.text().equals("Welcome to Pageframe"))));
            assertNotNull(ui.fx(() -> s.window().docs().currentPathProperty().get()), "the docs home page is shown");
            CellModel code = ui.fx(() -> s.tab().document().cells().stream()
                    .filter(c -> c.type() == dev.pageframe.notebook.CellType.CODE).findFirst().orElseThrow());
            ui.fxRun(() -> s.tab().view().edit(code, false));
            ui.waitUntil("the code cell's editor takes the typing", () -> s.tab().view().editModeProperty().get()
                    && s.tab().view().editorOf(code).isFocused());
        } finally {
            ui.fxRun(() -> {
                s.window().closeTab(s.tab());
                s.stage().close();
            });
        }
    }

    @Test
    void aClosedTabsCardBuilderStopsInsteadOfRunningEveryFrame() throws Exception {
        List<Cell> cells = kmallocCells(40);
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("closed.ipynb", cells));
        assertTrue(ui.fx(() -> {
            tab.view().holdBuilds();
            tab.view().scrollBy(1e6);
            return tab.view().building();
        }), "scrolled to cards not made yet, the builder runs");
        ui.fxRun(() -> ui.window.closeTab(tab));
        ui.waitUntil("the closed tab's builder stops", () -> !tab.view().building());
        dev.pageframe.ui.common.FrameHog frames = new dev.pageframe.ui.common.FrameHog(0);
        ui.fxRun(frames::start);
        try {
            ui.waitUntil("five more frames", () -> frames.frames() >= 5);
            assertFalse(ui.fx(() -> tab.view().building()), "nothing starts it again while it is out of the scene");
        } finally {
            ui.fxRun(frames::stop);
        }
    }

    /** {@code n} one-line code cells, each a kmalloc of its own size: a page longer than the window. */
    private static List<Cell> kmallocCells(int n) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add(Cell.code("long b" + i + " = kmalloc(" + (i + 1) * 8 + ", GFP_KERNEL);"));
        }
        return cells;
    }
}
