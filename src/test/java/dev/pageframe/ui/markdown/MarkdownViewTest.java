package dev.pageframe.ui.markdown;

import static dev.pageframe.ui.outputs.FxTest.all;
import static dev.pageframe.ui.outputs.FxTest.first;
import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.show;
import static dev.pageframe.ui.outputs.FxTest.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.ui.outputs.FxTest;
import dev.pageframe.ui.outputs.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    private Node render(String md) {
        return show(stage, () -> MarkdownView.render(md, Map.of(), MarkdownLinks.NONE), 700, 600);
    }

    @Test
    void headingsBecomeTextFlowsWithOneStyleClassPerLevel() {
        Node view = render("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n");
        for (int level = 1; level <= 6; level++) {
            Node h = styled(view, "md-h" + level);
            assertTrue(h instanceof TextFlow, "md-h" + level + " is a TextFlow");
            assertTrue(h.getStyleClass().contains("md-heading"));
        }
        double h1 = fx(() -> styled(view, "md-h1").getLayoutBounds().getHeight());
        double h4 = fx(() -> styled(view, "md-h4").getLayoutBounds().getHeight());
        assertTrue(h1 > h4, "h1 is bigger than h4: " + h1 + " vs " + h4);
        assertEquals(6, MarkdownView.headingNodes(view).size());
    }

    @Test
    void headingsListTheOutlineWithoutMarkdownSyntax() {
        List<Heading> outline = MarkdownView.headings("""
                # The *buddy* allocator

                text

                Setext heading
                --------------

                ### `kmalloc` and [slabs](https://x.org)
                """);
        assertEquals(List.of(new Heading(1, "The buddy allocator"), new Heading(2, "Setext heading"),
                new Heading(3, "kmalloc and slabs")), outline);
        assertEquals("The buddy allocator", MarkdownView.headingText("# The *buddy* allocator\n\n## more"));
        assertEquals(null, MarkdownView.headingText("no heading here"));
        assertEquals("free-lists", MarkdownView.anchorOf("Free lists"));
    }

    @Test
    void paragraphWrapsToTheAvailableWidth() {
        String words = "The buddy allocator splits a larger block whenever no block of the requested order is free. "
                .repeat(6);
        Node view = show(stage, () -> MarkdownView.render(words, Map.of(), MarkdownLinks.NONE), 320, 600);
        TextFlow p = (TextFlow) styled(view, "md-paragraph");
        double width = fx(() -> p.getWidth());
        double height = fx(() -> p.getHeight());
        double oneLine = fx(() -> ((Text) p.getChildren().getFirst()).getFont().getSize() * 1.6);
        assertTrue(width <= 320, "paragraph fits the window: " + width);
        assertTrue(height > 5 * oneLine, "paragraph wraps onto many lines: " + height);
    }

    @Test
    void struckTextAndTexShowAsJupyterLabShowsThem() {
        Node view = render("Use ~~bootmem~~ memblock; the index is $1 - \\frac{a_1}{b_2} * 2$.");
        Text struck = (Text) styled(view, "md-strike");
        assertEquals("bootmem", struck.getText());
        assertTrue(fx(struck::isStrikethrough), "drawn struck through");
        String text = fx(() -> view.lookupAll(".md-text").stream().map(n -> ((Text) n).getText())
                .collect(java.util.stream.Collectors.joining()));
        assertTrue(text.contains("$1 - \\frac{a_1}{b_2} * 2$"), "the TeX as written: " + text);
    }

    @Test
    void emphasisStrongAndInlineCodeAreStyled() {
        Node view = render("Plain *soft* **hard** and `kmalloc()` done.");
        assertEquals("soft", ((Text) styled(view, "md-em")).getText());
        assertEquals("hard", ((Text) styled(view, "md-strong")).getText());
        Label code = (Label) styled(view, "md-code-inline");
        assertEquals("kmalloc()", code.getText());
        assertTrue(fx(() -> code.getFont().getFamily().toLowerCase().contains("mono")), "code is monospace");
    }

    @Test
    void linkClickCallsMarkdownLinks(FxRobot robot) {
        List<String> opened = new ArrayList<>();
        Node view = show(stage, () -> MarkdownView.render("See [the docs](https://docs.kernel.org/mm/) now.", Map.of(),
                opened::add), 600, 200);
        Hyperlink link = first(view, Hyperlink.class);
        assertEquals("the docs", link.getText());
        robot.clickOn(link);
        FxTest.settle();
        assertEquals(List.of("https://docs.kernel.org/mm/"), opened);
    }

    @Test
    void fencedJavaCodeIsMonospaceAndHighlighted() {
        Node view = render("""
                ```java
                long addr = k.__get_free_pages(Gfp.GFP_KERNEL, 4); // 16 pages
                String s = "order";
                ```
                """);
        Node block = styled(view, "md-code-block");
        List<Text> keywords = all(block, Text.class, t -> t.getStyleClass().contains("md-code-keyword"));
        assertTrue(keywords.stream().anyMatch(t -> t.getText().equals("long")), "long is a keyword");
        assertTrue(all(block, Text.class, t -> t.getStyleClass().contains("md-code-comment")).stream()
                .anyMatch(t -> t.getText().equals("// 16 pages")));
        assertTrue(all(block, Text.class, t -> t.getStyleClass().contains("md-code-string")).stream()
                .anyMatch(t -> t.getText().equals("\"order\"")));
        assertTrue(all(block, Text.class, t -> t.getStyleClass().contains("md-code-number")).stream()
                .anyMatch(t -> t.getText().equals("4")));
        assertTrue(fx(() -> keywords.getFirst().getFont().getFamily().toLowerCase().contains("mono")));
        assertEquals("java", ((Label) styled(block, "md-code-lang")).getText());
    }

    @Test
    void indentedCodeBlockIsACodeBlock() {
        Node view = render("Code:\n\n    free_pages(addr, 4);\n");
        assertTrue(FxTest.text(styled(view, "md-code-block")).contains("free_pages(addr, 4);"));
    }

    @Test
    void nestedListsKeepTheirMarkersAndNumbers() {
        Node view = render("""
                3. third
                4. fourth
                   - inner a
                   - inner b
                """);
        GridPane ordered = (GridPane) styled(view, "md-ordered-list");
        List<String> numbers = all(ordered, Label.class, l -> l.getStyleClass().contains("md-list-number"))
                .stream().map(Label::getText).toList();
        assertEquals(List.of("3.", "4."), numbers);
        GridPane bullets = (GridPane) styled(ordered, "md-bullet-list");
        assertEquals(2, all(bullets, Label.class, l -> l.getStyleClass().contains("md-list-bullet")).size());
        assertTrue(FxTest.text(bullets).contains("inner b"));
    }

    @Test
    void blockQuoteAndRuleAreStyled() {
        Node view = render("> quoted text\n\n---\n\nafter");
        Node quote = styled(view, "md-blockquote");
        assertTrue(FxTest.text(quote).contains("quoted text"));
        Node hr = styled(view, "md-hr");
        assertTrue(fx(() -> hr.getLayoutBounds().getWidth()) > 100, "the rule spans the width");
    }

    @Test
    void markdownTableBecomesGrid() {
        Node view = render("""
                | order | size |
                |------:|:-----|
                | 0 | 4 KiB |
                | 9 | 2 MiB |
                """);
        GridPane grid = (GridPane) styled(view, "md-table");
        List<TextFlow> cells = all(grid, TextFlow.class, t -> t.getStyleClass().contains("md-table-cell"));
        assertEquals(6, cells.size());
        List<TextFlow> header = all(grid, TextFlow.class, t -> t.getStyleClass().contains("md-th"));
        assertEquals(2, header.size());
        assertEquals("order", FxTest.text(header.getFirst()));
        TextFlow nine = cells.stream().filter(c -> FxTest.text(c).equals("9")).findFirst().orElseThrow();
        assertEquals(TextAlignment.RIGHT, fx(nine::getTextAlignment));
        assertEquals(Integer.valueOf(2), fx(() -> GridPane.getRowIndex(nine)));
        assertEquals(HPos.LEFT, fx(() -> grid.getColumnConstraints().get(1).getHalignment()));
    }

    @Test
    void aSqueezedTableCellIsNeverNarrowerThanALinkOrCodeSpanThatCannotBreakAtAnyZoom() {
        String md = """
                | page | what it covers |
                |---|---|
                | [The buddy allocator](buddy.md) | orders, splitting and merging, `free_area`, `/proc/buddyinfo` |
                | [GFP flags](gfp.md) | what each flag means |
                """;
        for (String size : List.of("14px", "22px")) {
            Node view = show(stage, () -> {
                Node md0 = MarkdownView.render(md, Map.of(), MarkdownLinks.NONE);
                javafx.scene.layout.VBox narrow = new javafx.scene.layout.VBox(md0);
                narrow.setStyle("-fx-font-size: " + size + ";");
                return narrow;
            }, 260, 600);
            GridPane grid = (GridPane) styled(view, "md-table");
            List<TextFlow> cells = all(grid, TextFlow.class, t -> t.getStyleClass().contains("md-table-cell"));
            for (TextFlow cell : cells) {
                for (Node piece : fx(() -> List.copyOf(cell.getChildren()))) {
                    if (piece instanceof javafx.scene.control.Labeled labeled) {
                        double right = fx(() -> piece.getBoundsInParent().getMaxX());
                        double room = fx(() -> cell.getWidth() - cell.snappedRightInset());
                        assertTrue(right <= room + 0.5, "at " + size + ", \"" + fx(labeled::getText) + "\" ends at "
                                + right + " in a cell with room to " + room);
                    }
                }
            }
            assertTrue(fx(() -> grid.getWidth()) > 0);
        }
    }

    @Test
    void aTableCellsMinimumWidthIsItsWidestWordInItsOwnFont() {
        String md = """
                | order | meaning |
                |---|---|
                | 3 | eight contiguous pages, split from a larger block when none is free |
                """;
        Node view = show(stage, () -> {
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(MarkdownView.render(md, Map.of(), MarkdownLinks.NONE));
            box.setStyle("-fx-font-size: 19px;");
            return box;
        }, 600, 300);
        GridPane grid = (GridPane) styled(view, "md-table");
        TextFlow cell = all(grid, TextFlow.class, t -> FxTest.text(t).startsWith("eight")).getFirst();
        double expected = fx(() -> {
            javafx.scene.text.Font font = ((javafx.scene.text.Text) cell.getChildren().getFirst()).getFont();
            double widest = 0;
            for (String word : FxTest.text(cell).split(" ")) {
                javafx.scene.text.Text alone = new javafx.scene.text.Text(word);
                alone.setFont(font);
                widest = Math.max(widest, alone.getLayoutBounds().getWidth());
            }
            return Math.ceil(widest) + cell.snappedLeftInset() + cell.snappedRightInset();
        });
        assertEquals(expected, fx(() -> cell.minWidth(-1)), 0.5, "the widest word, 'contiguous', in 19 px type");
    }

    @Test
    void attachmentImageIsShown() {
        Map<String, MimeBundle> attachments = Map.of("diagram.png", MimeBundle.of("image/png", Samples.pngBase64(120, 40)));
        Node view = show(stage, () -> MarkdownView.render("![the buddies](attachment:diagram.png)", attachments,
                MarkdownLinks.NONE), 600, 300);
        FittedImage img = first(view, FittedImage.class);
        assertEquals(120, fx(() -> img.getImage().getWidth()));
        assertEquals(120, fx(img::getWidth), 0.5);
        assertFalse(FxTest.hasStyled(view, "md-image-missing"));
    }

    @Test
    void wideImageShrinksToTheWidth() {
        Map<String, MimeBundle> attachments = Map.of("wide.png", MimeBundle.of("image/png", Samples.pngBase64(900, 100)));
        Node view = show(stage, () -> MarkdownView.render("![wide](attachment:wide.png)", attachments,
                MarkdownLinks.NONE), 400, 300);
        FittedImage img = first(view, FittedImage.class);
        double w = fx(img::getWidth);
        double h = fx(img::getHeight);
        assertTrue(w <= 400, "image fits: " + w);
        assertEquals(w / 9, h, 1.5, "aspect ratio kept");
    }

    @Test
    void dataUriImageIsShown() {
        String uri = "data:image/png;base64," + Samples.pngBase64(30, 20).replaceAll("\\s", "");
        Node view = render("Inline ![dot](" + uri + ") image");
        assertEquals(30, fx(() -> first(view, FittedImage.class).getImage().getWidth()));
    }

    @Test
    void relativeImagePathResolvesAgainstTheNotebookFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("img"));
        Files.write(dir.resolve("img/zones.png"), Base64.getMimeDecoder().decode(Samples.pngBase64(50, 25)));
        Node view = show(stage, () -> MarkdownView.render("![zones](img/zones.png)", Map.of(), MarkdownLinks.NONE, dir),
                600, 300);
        assertEquals(50, fx(() -> first(view, FittedImage.class).getImage().getWidth()));
        Node unresolved = show(stage, () -> MarkdownView.render("![zones](img/zones.png)", Map.of(), MarkdownLinks.NONE),
                600, 300);
        assertTrue(FxTest.hasStyled(unresolved, "md-image-missing"), "without a folder the path cannot be resolved");
    }

    @Test
    void relativeImagePathsMayClimbOutOfTheNotebookFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("figures"));
        Files.createDirectories(dir.resolve("notebooks"));
        Files.write(dir.resolve("figures/map.png"), Base64.getMimeDecoder().decode(Samples.pngBase64(40, 20)));
        Node view = show(stage, () -> MarkdownView.render("![map](../figures/map.png)", Map.of(), MarkdownLinks.NONE,
                dir.resolve("notebooks")), 600, 300);
        assertEquals(40, fx(() -> first(view, FittedImage.class).getImage().getWidth()));
    }

    @Test
    void aMissingLocalImageSaysSoInPlaceAndNamesItsPath(@TempDir Path dir) {
        Node view = show(stage, () -> MarkdownView.render("Before ![zone map](figures/nowhere.png) after", Map.of(),
                MarkdownLinks.NONE, dir), 600, 300);
        Label missing = (Label) styled(view, "md-image-missing");
        String text = fx(missing::getText);
        assertTrue(text.startsWith("zone map"), text);
        assertTrue(text.contains("figures/nowhere.png"), "the placeholder names the path: " + text);
        assertTrue(all(view, FittedImage.class).isEmpty());
    }

    @Test
    void aFileThatIsNotAnImageShowsAPlaceholderInsteadOfFailing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.png"), "not a png at all");
        Node view = show(stage, () -> MarkdownView.render("![broken](broken.png)", Map.of(), MarkdownLinks.NONE, dir),
                600, 300);
        String text = fx(((Label) styled(view, "md-image-missing"))::getText);
        assertTrue(text.contains("broken.png") && text.contains("could not be decoded"), text);
    }

    @Test
    void absoluteImagePathsAndFileUrlsAreNotRead(@TempDir Path dir) throws Exception {
        Path outside = dir.resolve("secret.png");
        Files.write(outside, Base64.getMimeDecoder().decode(Samples.pngBase64(10, 10)));
        Path notebookDir = Files.createDirectories(dir.resolve("nb"));
        for (String dest : List.of(outside.toString(), outside.toUri().toString())) {
            Node view = show(stage, () -> MarkdownView.render("![s](" + dest + ")", Map.of(), MarkdownLinks.NONE,
                    notebookDir), 600, 300);
            assertTrue(all(view, FittedImage.class).isEmpty(), dest);
            String text = fx(((Label) styled(view, "md-image-missing"))::getText);
            assertTrue(text.contains("absolute image paths are not shown"), text);
        }
    }

    @Test
    void webImagesAreNotFetchedAndShowTheirAltText() {
        Node view = render("![zone diagram](https://example.com/zones.png)");
        Label alt = (Label) styled(view, "md-image-missing");
        assertEquals("zone diagram", alt.getText());
        assertTrue(all(view, FittedImage.class).isEmpty());
        assertNotNull(fx(() -> alt.getProperties().get("javafx.scene.control.Tooltip")), "the reason is in a tooltip");
    }

    @Test
    void superscriptExponentsAreRaisedNotRunTogether() {
        Node view = render("asks for 2<sup>3</sup> = 8 pages");
        Text exp = (Text) styled(view, "md-sup");
        assertEquals("3", exp.getText());
        assertTrue(fx(() -> exp.getTranslateY()) < 0, "the exponent sits above the baseline");
    }

    @Test
    void inlineHtmlBoldAndLineBreaksWork() {
        Node view = render("a <b>bold</b> word<br>next line");
        assertEquals("bold", ((Text) styled(view, "md-strong")).getText());
        assertTrue(FxTest.text(view).contains("word\nnext line"), FxTest.text(view));
    }

    @Test
    void htmlBlockShowsItsTextWithoutTags() {
        Node view = render("<div class=\"alert\">\n<p>Remember: <em>GFP_ATOMIC</em> never sleeps &amp; never reclaims.</p>\n</div>\n");
        String text = FxTest.text(view);
        assertTrue(text.contains("Remember: GFP_ATOMIC never sleeps & never reclaims."), text);
        assertFalse(text.contains("<"), text);
    }

    @Test
    void emptyMarkdownRendersNothing() {
        Node view = render("");
        assertTrue(view.getStyleClass().contains("markdown"));
        assertTrue(all(view, TextFlow.class).isEmpty());
        assertTrue(fx(() -> ((javafx.scene.Parent) view).getStylesheets().contains(MarkdownView.STYLESHEET)));
    }

    @Test
    void wrappedListItemsPushWhatFollowsDown() {
        Node view = show(stage, () -> MarkdownView.render("""
                1. Repeat until the order is satisfied or the largest order is reached, splitting as you go.
                2. Done.

                > a quote after the list
                """, Map.of(), MarkdownLinks.NONE), 260, 600);
        Node list = styled(view, "md-list");
        Node quote = styled(view, "md-blockquote");
        double listBottom = fx(() -> list.localToScene(list.getLayoutBounds()).getMaxY());
        double quoteTop = fx(() -> quote.localToScene(quote.getLayoutBounds()).getMinY());
        assertTrue(quoteTop >= listBottom, "quote at " + quoteTop + " overlaps the list ending at " + listBottom);
        TextFlow item = (TextFlow) styled(list, "md-paragraph");
        double itemBottom = fx(() -> item.localToScene(item.getLayoutBounds()).getMaxY());
        assertTrue(itemBottom <= listBottom + 0.5, "the wrapped item stays inside its list");
    }

    @Test
    void aTaskListShowsItsBoxesTickedOrNotInPlaceOfTheBullets() {
        Node view = render("- [x] free the pages\n- [ ] merge the buddies\n- plain");
        List<javafx.scene.control.CheckBox> boxes = fx(() -> view.lookupAll(".md-task-box").stream()
                .map(n -> (javafx.scene.control.CheckBox) n).toList());
        assertEquals(List.of(true, false), fx(() -> boxes.stream().map(javafx.scene.control.CheckBox::isSelected).toList()));
        assertTrue(fx(() -> boxes.stream().allMatch(b -> b.isMouseTransparent() && !b.isFocusTraversable())),
                "a click on the page does not tick a box: the file would not change");
        List<String> markers = fx(() -> view.lookupAll(".md-list-marker").stream().map(n -> ((Label) n).getText()).toList());
        assertEquals(3, markers.size());
        assertEquals(List.of("", ""), markers.subList(0, 2), "no bullet beside a box");
        assertFalse(markers.get(2).isEmpty(), "an ordinary item keeps its bullet");
        String text = fx(() -> view.lookupAll(".md-text").stream().map(n -> ((Text) n).getText())
                .collect(java.util.stream.Collectors.joining("|")));
        assertFalse(text.contains("[x]") || text.contains("[ ]"), "the brackets are not shown as text: " + text);
    }
}
