package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.markdown.FittedImage;
import dev.pageframe.ui.markdown.MarkdownView;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.outputs.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code #heading} links in notebooks and docs pages, and images beside a notebook or a docs page. */
class LinksAndImagesTest extends WindowTest {
    @BeforeAll
    static void writePagesWithHeadingsAndImages() throws Exception {
        StringBuilder buddy = new StringBuilder("# Buddy allocator\n\n[Jump to splitting](#splitting-blocks-expand) ·"
                + " [Jupyter style](#Splitting-blocks:-expand())\n\n");
        filler(buddy, 30);
        buddy.append("## Free lists\n\nOne list per order.\n\n");
        filler(buddy, 30);
        buddy.append("## Splitting blocks: expand()\n\nA bigger block is halved until it fits.\n\n");
        filler(buddy, 30);
        Files.writeString(ui.contentDir.resolve("buddy.md"), buddy.toString());
        Files.writeString(ui.contentDir.resolve("guide.md"), "# Guide\n\nSee the [free lists](buddy.md#free-lists).\n\n"
                + "![zone map](figures/zones.png)\n\n![gone](figures/gone.png)\n");
        Files.createDirectories(ui.contentDir.resolve("figures"));
        Files.write(ui.contentDir.resolve("figures/zones.png"), Base64.getMimeDecoder().decode(Samples.pngBase64(64, 32)));
        ui.fxRun(() -> ui.window.docs().libraryProperty().set(DocsLibrary.fromDirectory(ui.contentDir)));
    }

    private static void filler(StringBuilder b, int paragraphs) {
        for (int i = 0; i < paragraphs; i++) {
            b.append("Paragraph ").append(i).append(" about free areas, orders and the buddy of every block.\n\n");
        }
    }

    // ---- notebooks ----

    @Test
    void aHeadingLinkInAMarkdownCellScrollsTheNotebookToThatHeading() throws Exception {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.markdown("# Contents\n\n[Free lists](#buddy-allocator-free-lists) · "
                + "[Jupyter style](#Buddy-allocator:-free-lists) · [Zones](#zones)"));
        String tall = "int a = 1;\n".repeat(20);
        for (int i = 0; i < 12; i++) {
            cells.add(Cell.code(tall));
        }
        cells.add(Cell.markdown("## Zones\n\n" + "Zones split memory by what devices can reach.\n\n".repeat(8)
                + "## Buddy allocator: free lists\n\nOne free list per order."));
        for (int i = 0; i < 6; i++) {
            cells.add(Cell.code(tall));
        }
        var tab = ui.open(ui.writeTrustedNotebook("anchors.ipynb", cells));
        int target = cells.size() - 7;
        ui.waitUntil("the first cell is built", () -> tab.view().viewOf(tab.document().cells().getFirst()) != null);

        for (String link : List.of("Free lists", "Jupyter style")) {
            ui.fxRun(() -> tab.view().scrollBy(-1e6));
            ui.robot.clickOn(ui.fx(() -> linkIn(tab.view().viewOf(tab.document().cells().getFirst()), link)));
            ui.waitUntil("\"" + link + "\" scrolls its heading to the top",
                    () -> headingIsAtTop(tab.view(), tab.view().viewOf(tab.document().cells().get(target)), 1));
            assertEquals(ui.cell(tab, target), ui.fx(() -> tab.view().selected()), "the heading's cell is selected");
        }

        ui.fxRun(() -> tab.view().scrollBy(-1e6));
        ui.robot.clickOn(ui.fx(() -> linkIn(tab.view().viewOf(tab.document().cells().getFirst()), "Zones")));
        ui.waitUntil("the first heading of the cell is at the top",
                () -> headingIsAtTop(tab.view(), tab.view().viewOf(tab.document().cells().get(target)), 0));
    }

    @Test
    void aHeadingLinkToAFoldedSectionUnfoldsIt() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("folded.ipynb", List.of(
                Cell.markdown("# Part one\n\n[See the details](#details)"), Cell.code("int a = 1;"),
                Cell.markdown("## Details\n\nHidden until the link is followed."))));
        ui.fxRun(() -> tab.document().cells().getFirst().sectionCollapsedProperty().set(true));
        assertTrue(ui.fx(() -> ui.cell(tab, 2).hiddenProperty().get()), "folding hides the heading's cell");

        assertTrue(ui.fx(() -> tab.view().scrollToHeading("#details")));

        assertTrue(!ui.fx(() -> ui.cell(tab, 2).hiddenProperty().get()), "following the link unfolds the section");
        assertEquals(ui.cell(tab, 2), ui.fx(() -> tab.view().selected()));
        assertTrue(!ui.fx(() -> tab.view().scrollToHeading("#no-such-heading")));
    }

    @Test
    void aLinkFromANotebookToADocsPageHeadingOpensThePageThere() throws Exception {
        var tab = ui.open(ui.writeTrustedNotebook("todocs.ipynb", List.of(
                Cell.markdown("Read about [free lists](buddy.md#free-lists)."))));
        ui.fxRun(() -> ui.window.docsShownProperty().set(false));

        ui.robot.clickOn(ui.fx(() -> linkIn(tab.view().viewOf(tab.document().cells().getFirst()), "free lists")));

        ui.waitUntil("the buddy page is on show", () -> "buddy.md".equals(ui.window.docs().currentPathProperty().get()));
        ui.waitUntil("scrolled to Free lists", () -> docsHeadingAtTop("Free lists"));
    }

    @Test
    void aLinkToAHeadingInAnotherNotebookOpensItThere() throws Exception {
        Path dir = Files.createDirectories(ui.root.resolve("linked"));
        List<Cell> target = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            target.add(Cell.code("int a" + i + " = " + i + ";\n".repeat(12)));
        }
        target.add(Cell.markdown("## Free lists\n\nOne list per order."));
        for (int i = 0; i < 6; i++) {
            target.add(Cell.code("int b" + i + " = " + i + ";\n".repeat(12)));
        }
        Files.move(ui.writeTrustedNotebook("orders.ipynb", target), dir.resolve("orders.ipynb"));
        Path from = dir.resolve("from.ipynb");
        Files.move(ui.writeTrustedNotebook("from.ipynb", List.of(Cell.markdown(
                "See [the free lists](orders.ipynb#free-lists) and [a missing part](orders.ipynb#nowhere)."))), from);
        var tab = ui.open(from);

        ui.robot.clickOn(ui.fx(() -> linkIn(tab.view().viewOf(tab.document().cells().getFirst()), "the free lists")));
        ui.waitUntil("orders.ipynb opens", () -> ui.window.current() != null
                && "orders.ipynb".equals(ui.window.current().getText()));
        NotebookTab orders = ui.fx(() -> ui.window.current());
        CellModel heading = ui.cell(orders, 12);
        ui.waitUntil("the heading's cell is selected", () -> orders.view().selected() == heading);
        ui.waitUntil("the heading is at the top", () -> headingIsAtTop(orders.view(), orders.view().viewOf(heading), 0));

        ui.fxRun(() -> ui.window.tabs().getSelectionModel().select(tab));
        ui.robot.clickOn(ui.fx(() -> linkIn(tab.view().viewOf(tab.document().cells().getFirst()), "a missing part")));
        ui.waitUntil("the status bar says the heading is not there",
                () -> ui.textUnder(ui.window.status()).contains("No heading #nowhere in orders.ipynb"));
    }

    // ---- docs ----

    @Test
    void docsLinksToHeadingsScrollThereOnTheSameAndOtherPages() {
        ui.fxRun(() -> ui.window.docs().show("guide.md"));
        // A page fills in over a few frames, as the reader sees it.
        ui.waitUntil("the guide is filled in", () -> !ui.window.docs().pageFilling());
        ui.robot.clickOn(ui.fx(() -> linkIn(ui.window.docs(), "free lists")));
        ui.waitUntil("the buddy page opens", () -> "buddy.md".equals(ui.window.docs().currentPathProperty().get()));
        ui.waitUntil("scrolled to Free lists", () -> docsHeadingAtTop("Free lists"));

        for (String link : List.of("Jump to splitting", "Jupyter style")) {
            ui.fxRun(() -> docsScroll().setVvalue(0));
            ui.waitUntil("the top of the page shows", () -> isOnScreen(docsScroll(), linkIn(ui.window.docs(), link)));
            ui.robot.clickOn(ui.fx(() -> linkIn(ui.window.docs(), link)));
            ui.waitUntil("\"" + link + "\" scrolls to Splitting blocks", () -> docsHeadingAtTop("Splitting blocks: expand()"));
            assertEquals("buddy.md", ui.fx(() -> ui.window.docs().currentPathProperty().get()), "same page");
        }
    }

    @Test
    void docsPageImagesLoadRelativeToThePageAndMissingOnesNameTheirPath() {
        ui.fxRun(() -> ui.window.docs().show("guide.md"));
        Node page = ui.fx(() -> ui.window.docs().lookup(".docs-page"));
        ui.waitUntil("the zone map is shown", () -> page.lookupAll(".md-image").stream()
                .anyMatch(n -> ((FittedImage) n).getImage().getWidth() == 64));
        String missing = ui.fx(() -> ((Label) page.lookup(".md-image-missing")).getText());
        assertTrue(missing.contains("figures/gone.png"), missing);
    }

    // ---- images in notebooks ----

    @Test
    void relativeImagesInAMarkdownCellLoadFromTheNotebooksFolder() throws Exception {
        Path dir = Files.createDirectories(ui.root.resolve("course"));
        Files.createDirectories(dir.resolve("figures"));
        Files.write(dir.resolve("figures/map.png"), Base64.getMimeDecoder().decode(Samples.pngBase64(48, 24)));
        Path nb = dir.resolve("nb.ipynb");
        Files.move(ui.writeTrustedNotebook("nb.ipynb", List.of(Cell.markdown(
                "![memory map](figures/map.png)\n\n![not drawn yet](figures/later.png)"))), nb);
        var tab = ui.open(nb);
        Node cell = ui.view(tab, 0);

        ui.waitUntil("the map is shown", () -> cell.lookupAll(".md-image").stream()
                .anyMatch(n -> ((FittedImage) n).getImage().getWidth() == 48));
        String missing = ui.fx(() -> ((Label) cell.lookup(".md-image-missing")).getText());
        assertTrue(missing.startsWith("not drawn yet") && missing.contains("figures/later.png"), missing);
    }

    @Test
    void aLargeImageFileThatIsNotAnImageSaysSoInItsPlace() throws Exception {
        Path dir = Files.createDirectories(ui.root.resolve("broken"));
        // Over 1 MB, so it loads in the background and fails only after the cell is shown.
        byte[] junk = new byte[(1 << 20) + 4096];
        java.util.Arrays.fill(junk, (byte) 'x');
        Files.write(dir.resolve("scan.png"), junk);
        Path nb = dir.resolve("nb.ipynb");
        Files.move(ui.writeTrustedNotebook("nb.ipynb", List.of(Cell.markdown("![zone scan](scan.png)"))), nb);
        var tab = ui.open(nb);
        Node cell = ui.view(tab, 0);

        ui.waitUntil("the broken image is named in its place", () -> cell.lookup(".md-image-missing") != null);
        String missing = ui.fx(() -> ((Label) cell.lookup(".md-image-missing")).getText());
        assertTrue(missing.startsWith("zone scan") && missing.contains("scan.png could not be decoded"), missing);
        assertTrue(ui.fx(() -> cell.lookup(".md-image") == null), "no empty image is left behind");
    }

    // ---- helpers ----

    private static Hyperlink linkIn(Node root, String text) {
        return root.lookupAll(".hyperlink").stream().map(Hyperlink.class::cast).filter(h -> text.equals(h.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no link " + text));
    }

    /** True when the {@code index}-th heading of a rendered cell is near the top of the notebook's view. */
    private static boolean headingIsAtTop(Node notebook, Node cellView, int index) {
        if (cellView == null || notebook.getScene() == null) {
            return false;
        }
        List<Node> headings = MarkdownView.headingNodes(cellView);
        double dy = headings.get(index).localToScene(0, 0).getY() - notebook.localToScene(0, 0).getY();
        return dy >= 0 && dy < 60;
    }

    private static boolean isOnScreen(Node viewport, Node node) {
        return viewport.localToScene(viewport.getLayoutBounds()).contains(node.localToScene(node.getLayoutBounds()));
    }

    private static ScrollPane docsScroll() {
        return (ScrollPane) ui.window.docs().lookup(".docs-scroll");
    }

    private static boolean docsHeadingAtTop(String text) {
        ScrollPane scroll = docsScroll();
        Node heading = MarkdownView.headingNodes(scroll.getContent()).stream()
                .filter(n -> text.equals(n.getAccessibleText())).findFirst().orElse(null);
        if (heading == null || scroll.getVvalue() <= 0) {
            return false;
        }
        double dy = heading.localToScene(0, 0).getY() - scroll.localToScene(0, 0).getY();
        return dy >= -1 && dy < 40;
    }
}
