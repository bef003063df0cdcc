package dev.pageframe.ui.outputs;

import static dev.pageframe.ui.outputs.FxTest.first;
import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.show;
import static dev.pageframe.ui.outputs.FxTest.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Output;
import dev.pageframe.ui.markdown.FittedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Which renderer the registry picks for a bundle, and the simple renderers. */
@ExtendWith(ApplicationExtension.class)
class OutputViewsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    private Node render(Output output) {
        return show(stage, () -> OutputViews.render(output, OutputContext.NONE), 800, 600);
    }

    private static String chosenMime(Node view) {
        return (String) fx(() -> view.getProperties().get(OutputViews.MIME_TYPE_PROPERTY));
    }

    @Test
    void chartBundleUsesTheInteractiveViewNotSvgOrText() {
        Node view = render(Samples.display(Samples.kmallocWaste()));
        assertEquals("application/vnd.pageframe.bar+json", chosenMime(view));
        assertInstanceOf(ChartOutputView.class, first(view, ChartOutputView.class));
        assertTrue(view.getStyleClass().contains("output"));
    }

    @Test
    void everyRenderedViewCarriesTheStylesheet() {
        for (Output o : List.of(Output.Stream.stdout("x\n"), Samples.plainError(),
                Output.DisplayData.of(MimeBundle.plain("42")))) {
            Node view = fx(() -> OutputViews.render(o, OutputContext.NONE));
            assertTrue(((Parent) view).getStylesheets().contains(OutputViews.STYLESHEET), o.outputType());
        }
    }

    @Test
    void svgOnlyOutputFallsBackToText() {
        Node view = render(Output.DisplayData.of(MimeBundle.of("image/svg+xml", "<svg/>").with("text/plain", "Zone chart")));
        assertEquals("text/plain", chosenMime(view));
        assertEquals("Zone chart", first(view, TextOutputView.class).text());
    }

    @Test
    void svgAloneSaysHowToViewIt() {
        Node view = render(Output.DisplayData.of(MimeBundle.of("image/svg+xml", "<svg/>")));
        NoticeView notice = first(view, NoticeView.class);
        assertEquals("SVG output (open in Jupyter or export to HTML to view)", notice.getText());
    }

    @Test
    void pngIsPreferredOverHtmlAndText() {
        Node view = render(Output.DisplayData.of(MimeBundle.of("text/plain", "<Figure>")
                .with("text/html", "<b>figure</b>").with("image/png", Samples.pngBase64(80, 40))));
        assertEquals("image/png", chosenMime(view));
        assertEquals(80, fx(() -> first(view, ImageOutputView.class).image().getWidth()));
    }

    @Test
    void jupyterImageWidthMetadataIsHonoured() {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.putObject("image/png").put("width", 50);
        Node view = render(new Output.DisplayData(MimeBundle.of("image/png", Samples.pngBase64(200, 100)), meta, null));
        FittedImage img = first(view, FittedImage.class);
        assertEquals(50, fx(img::getWidth), 0.5);
        assertEquals(25, fx(img::getHeight), 0.5);
    }

    @Test
    void brokenImageFallsBackToText() {
        Node view = render(Output.DisplayData.of(MimeBundle.of("image/png", "bm90IGEgcG5n").with("text/plain", "a plot")));
        assertEquals("text/plain", chosenMime(view));
    }

    @Test
    void htmlTableBecomesATableView() {
        Node view = render(Samples.outputs().get("html-table"));
        assertEquals("text/html", chosenMime(view));
        TableView<?> table = first(view, TableView.class);
        assertEquals(List.of("zone", "free", "min"), fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()));
        assertEquals(3, fx(() -> table.getItems().size()));
    }

    @Test
    void htmlProseShowsItsTextWithoutTags() {
        Node view = render(Output.DisplayData.of(MimeBundle.of("text/html", "<p>Zone <b>Normal</b> is low &amp; kswapd runs.</p>")));
        String text = FxTest.text(view);
        assertEquals("Zone Normal is low & kswapd runs.", text);
        assertTrue(view.getStyleClass().contains("output-html"));
    }

    @Test
    void htmlWithoutTextLeavesItToPlainText() {
        Node view = render(Output.DisplayData.of(MimeBundle.of("text/html", "<script>widget()</script>")
                .with("text/plain", "IntSlider(value=3)")));
        assertEquals("text/plain", chosenMime(view));
    }

    @Test
    void markdownOutputIsRenderedAndItsLinksGoToTheContext(FxRobot robot) {
        List<String> links = new ArrayList<>();
        OutputContext ctx = new OutputContext() {
            @Override
            public void openLink(String href) {
                links.add(href);
            }
        };
        Node view = show(stage, () -> OutputViews.render(Samples.outputs().get("markdown-output"), ctx), 800, 300);
        assertEquals("text/markdown", chosenMime(view));
        assertTrue(FxTest.hasStyled(view, "markdown"));
        robot.clickOn(first(view, Hyperlink.class));
        FxTest.settle();
        assertEquals(List.of("https://docs.kernel.org/mm/physical_memory.html"), links);
    }

    @Test
    void jsonIsPrettyPrinted() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("zone", "Normal").put("free", 1024);
        Node view = render(Output.DisplayData.of(MimeBundle.empty().withJson("application/json", json)
                .with("text/plain", "{...}")));
        assertEquals("application/json", chosenMime(view));
        assertTrue(FxTest.text(view).contains("\"zone\" : \"Normal\",\n"), FxTest.text(view));
    }

    @Test
    void brokenChartDataFallsBackToTheNextType() {
        var bogus = JsonNodeFactory.instance.arrayNode().add("not a chart document");
        Node view = render(Output.DisplayData.of(MimeBundle.of("text/plain", "free pages: 1024")
                .withJson("application/vnd.pageframe.line+json", bogus)));
        assertTrue(FxTest.text(view).contains("free pages: 1024"), FxTest.text(view));
    }

    @Test
    void unknownVndKindsFallBackToText() {
        Node view = render(Output.DisplayData.of(MimeBundle.of("text/plain", "slabinfo")
                .withJson("application/vnd.pageframe.slabinfo+json", JsonNodeFactory.instance.objectNode())));
        assertEquals("text/plain", chosenMime(view));
    }

    @Test
    void unknownOutputTypesAndEmptyBundlesSayWhy() {
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("output_type", "widget_state");
        assertTrue(FxTest.text(render(new Output.Unknown(raw))).contains("'widget_state'"));
        assertEquals("(empty output)", FxTest.text(render(Output.DisplayData.of(MimeBundle.empty()))));
        String other = FxTest.text(render(Output.DisplayData.of(MimeBundle.of("application/x-custom", "?"))));
        assertTrue(other.contains("application/x-custom"), other);
    }

    @Test
    void executeResultPlainTextIsMonospace() {
        Node view = render(Samples.outputs().get("plain"));
        assertTrue(view.getStyleClass().contains("output-plain"));
        javafx.scene.text.Text t = (javafx.scene.text.Text) styled(view, "output-mono");
        assertTrue(fx(() -> t.getFont().getFamily().toLowerCase().contains("mono")), fx(() -> t.getFont().getFamily()));
        assertFalse(FxTest.hasStyled(view, "output-show-more"));
    }
}
