package dev.pageframe.ui.outputs;

import dev.pageframe.ui.markdown.MarkdownLinks;
import dev.pageframe.ui.markdown.MarkdownView;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders a gallery of Markdown and outputs in PrimerLight and PrimerDark and writes one PNG per
 * sample, to look at. Skipped unless {@code -Dui.samples=DIR} names the directory for the PNGs.
 */
class GallerySnapshotTest {

    private static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        String where = System.getProperty("ui.samples");
        Assumptions.assumeTrue(where != null && !where.isBlank(), "set -Dui.samples=DIR to write the gallery");
        dir = Path.of(where);
        // Monocle's headless screen is 1280x800 unless told otherwise; tall samples need more.
        System.setProperty("headless.geometry", "1600x2600-32");
        FxToolkit.registerPrimaryStage();
    }

    /** One picture: what to show, how wide, and what to do to it (hover, say) before the snapshot. */
    private record Sample(Supplier<Node> node, double width, Consumer<Node> interact) {
        Sample(Supplier<Node> node) {
            this(node, 900, n -> {});
        }
    }

    @Test
    void writesGalleryInLightAndDarkThemes() throws Exception {
        Map<String, Sample> samples = new LinkedHashMap<>();
        samples.put("markdown", new Sample(() -> MarkdownView.render(Samples.MARKDOWN, Samples.attachments(), MarkdownLinks.NONE)));
        samples.put("markdown-narrow", new Sample(() -> MarkdownView.render(Samples.MARKDOWN, Samples.attachments(),
                MarkdownLinks.NONE), 420, n -> {}));
        Map<String, dev.pageframe.notebook.Output> outputs = Samples.outputs();
        outputs.forEach((name, output) -> samples.put(name, new Sample(() -> OutputViews.render(output, OutputContext.NONE))));
        samples.put("line-readout", new Sample(() -> OutputViews.render(outputs.get("line"), OutputContext.NONE), 900,
                GallerySnapshotTest::hoverPlot));
        samples.put("line-zoomed", new Sample(() -> OutputViews.render(outputs.get("line"), OutputContext.NONE), 900,
                n -> FxTest.first(n, ChartOutputView.class).controls().zoomTo(1200, 2600)));
        samples.put("framemap-hover", new Sample(() -> OutputViews.render(outputs.get("framemap-small"), OutputContext.NONE),
                900, n -> hoverFrame(n, 0x84)));
        samples.put("framemap-narrow", new Sample(() -> OutputViews.render(outputs.get("framemap"), OutputContext.NONE),
                480, n -> {}));
        samples.put("buddyinfo-narrow", new Sample(() -> OutputViews.render(outputs.get("buddyinfo"), OutputContext.NONE),
                480, n -> {}));
        samples.put("bar-narrow", new Sample(() -> OutputViews.render(outputs.get("bar"), OutputContext.NONE), 480, n -> {}));
        for (String theme : new String[] {"light", "dark"}) {
            String ua = theme.equals("light")
                    ? new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()
                    : new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet();
            WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(ua)).get(10, TimeUnit.SECONDS);
            for (var e : samples.entrySet()) {
                snapshot(e.getKey() + "-" + theme, e.getValue());
            }
        }
    }

    private static void hoverPlot(Node n) {
        ChartOutputView view = FxTest.first(n, ChartOutputView.class);
        javafx.scene.layout.Region plot = (javafx.scene.layout.Region) view.chart().lookup(".chart-plot-background");
        javafx.geometry.Point2D p = plot.localToScene(plot.getWidth() * 0.62, plot.getHeight() * 0.5);
        fireMove(view.chart(), p);
    }

    private static void hoverFrame(Node n, long pfn) {
        FrameMapView view = FxTest.first(n, FrameMapView.class);
        javafx.geometry.Point2D p = view.canvas().localToScene(view.canvas().pointOf(pfn));
        fireMove(view.canvas().canvas(), p);
    }

    private static void fireMove(Node target, javafx.geometry.Point2D scenePoint) {
        // A MouseEvent is made with scene coordinates; delivery converts them to the target's.
        javafx.geometry.Point2D screen = target.getScene().getRoot().localToScreen(
                target.getScene().getRoot().sceneToLocal(scenePoint));
        javafx.event.Event.fireEvent(target, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                scenePoint.getX(), scenePoint.getY(), screen.getX(), screen.getY(), javafx.scene.input.MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null));
    }

    private static void snapshot(String name, Sample sample) throws Exception {
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            VBox root = new VBox(sample.node().get());
            root.setPadding(new Insets(16));
            root.setStyle("-fx-background-color: -color-bg-default;");
            Stage s = new Stage();
            s.setScene(new Scene(root, sample.width(), 700));
            s.show();
            stage[0] = s;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage[0].getScene();
            VBox root = (VBox) scene.getRoot();
            double h = Math.max(120, Math.ceil(root.prefHeight(sample.width())));
            stage[0].setHeight(Math.min(h, 2400));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage[0].getScene();
            VBox root = (VBox) scene.getRoot();
            double h = Math.max(120, Math.ceil(root.prefHeight(sample.width())));
            stage[0].setHeight(Math.min(h, 2400));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> sample.interact().accept(((VBox) stage[0].getScene().getRoot()).getChildren().getFirst()))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> stage[0].getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        FxSnapshots.writePng(image, dir.resolve(name + ".png"));
        WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get(10, TimeUnit.SECONDS);
    }
}
