package dev.pageframe.ui.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pageframe.execution.display.BarChart;
import dev.pageframe.execution.display.BuddyInfo;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.Histogram;
import dev.pageframe.execution.display.LineChart;
import dev.pageframe.execution.display.StackedBarChart;
import dev.pageframe.execution.display.Table;
import dev.pageframe.execution.display.VndJson;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Output;
import dev.pageframe.ui.markdown.MarkdownView;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.Node;

/**
 * The views of cell outputs. {@link #render} picks, for a rich output, the richest MIME type it
 * has a renderer for (see {@link #REGISTRY}); streams and errors have views of their own.
 *
 * <pre>{@code
 * for (Output o : cell.outputs()) {
 *     outputsBox.getChildren().add(OutputViews.render(o, context));
 * }
 * }</pre>
 *
 * <p>Every returned node has style class {@code output} plus one naming its kind
 * ({@code output-stream}, {@code output-error}, {@code output-chart}, {@code output-framemap},
 * {@code output-buddyinfo}, {@code output-table}, {@code output-image}, {@code output-html},
 * {@code output-markdown}, {@code output-json}, {@code output-plain}, {@code output-notice}) —
 * for charts, maps and big images that class is on the content a {@link Lazy} builds when it is
 * first shown. The node already carries {@link #STYLESHEET}.
 */
public final class OutputViews {

    /** Stylesheet of outputs and Markdown ({@code /dev/pageframe/ui/outputs/outputs.css}); added by every view. */
    public static final String STYLESHEET = MarkdownView.STYLESHEET;

    /** Key in a rendered node's {@link Node#getProperties()} of the MIME type it shows. */
    public static final String MIME_TYPE_PROPERTY = "pageframe.output.mimeType";

    private static final Logger LOG = Logger.getLogger(OutputViews.class.getName());

    /** A renderer and the MIME types it shows. */
    record Registration(Predicate<String> accepts, String describe, MimeRenderer renderer) {
        static Registration of(String mimeType, MimeRenderer renderer) {
            return new Registration(mimeType::equals, mimeType, renderer);
        }
    }

    /**
     * Renderers, richest first. The first one whose MIME type is in a bundle, and that does not
     * decline it, shows the output. To show a new kind of output, write one renderer class and add
     * one line here.
     */
    static final List<Registration> REGISTRY = List.of(
            Registration.of(VndJson.mimeType(FrameMap.KIND), FrameMapView::render),
            Registration.of(VndJson.mimeType(BuddyInfo.KIND), BuddyInfoView::render),
            Registration.of(VndJson.mimeType(LineChart.KIND), ChartOutputView::render),
            Registration.of(VndJson.mimeType(dev.pageframe.execution.display.AreaChart.KIND), ChartOutputView::render),
            Registration.of(VndJson.mimeType(BarChart.KIND), ChartOutputView::render),
            Registration.of(VndJson.mimeType(StackedBarChart.KIND), ChartOutputView::render),
            Registration.of(VndJson.mimeType(Histogram.KIND), ChartOutputView::render),
            Registration.of(VndJson.mimeType(Table.KIND), TableOutputView::render),
            Registration.of("image/png", ImageOutputView::render),
            Registration.of("image/jpeg", ImageOutputView::render),
            Registration.of("image/gif", ImageOutputView::render),
            Registration.of("text/html", HtmlFallbackView::render),
            Registration.of("text/markdown", MarkdownOutputView::render),
            Registration.of("application/json", JsonOutputView::render),
            Registration.of("text/plain", TextOutputView::render),
            Registration.of("image/svg+xml", NoticeView::svg));

    private OutputViews() {}

    /** The view of one output. Call on the FX thread; it returns at once, heavy views build when first shown. */
    public static Node render(Output output, OutputContext ctx) {
        OutputContext context = ctx == null ? OutputContext.NONE : ctx;
        Node view = switch (output) {
            case Output.Stream s -> new StreamOutputView(s);
            case Output.ErrorOutput e -> new ErrorOutputView(e, context);
            case Output.DisplayData d -> renderBundle(d.data(), d.metadata(), context);
            case Output.ExecuteResult r -> renderBundle(r.data(), r.metadata(), context);
            case Output.Unknown u -> new NoticeView("This notebook has an output of type '" + u.outputType()
                    + "', which Pageframe does not know how to show.");
        };
        return decorate(view, null);
    }

    /** The view of a MIME bundle: the first registered renderer that accepts one of its types. */
    static Node renderBundle(MimeBundle data, JsonNode metadata, OutputContext ctx) {
        for (Registration r : REGISTRY) {
            for (String mime : data.mimeTypes()) {
                if (!r.accepts().test(mime)) {
                    continue;
                }
                try {
                    Node view = r.renderer().render(new MimeRequest(data, mime, metadata, ctx));
                    if (view != null) {
                        return decorate(view, mime);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "cannot show " + mime + ", trying the next type", e);
                }
            }
        }
        if (data.isEmpty()) {
            return decorate(new NoticeView("(empty output)"), null);
        }
        return decorate(new NoticeView("No way to show this output here (it holds " + String.join(", ", data.mimeTypes())
                + ")."), null);
    }

    private static Node decorate(Node view, String mime) {
        if (!view.getStyleClass().contains("output")) {
            view.getStyleClass().add("output");
        }
        if (mime != null) {
            view.getProperties().putIfAbsent(MIME_TYPE_PROPERTY, mime);
        }
        if (view instanceof javafx.scene.Parent p && !p.getStylesheets().contains(STYLESHEET)) {
            p.getStylesheets().add(STYLESHEET);
        }
        return view;
    }
}
