package dev.pageframe.ui.outputs;

import dev.pageframe.ui.markdown.MarkdownLinks;
import dev.pageframe.ui.markdown.MarkdownView;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    @Test
    void writesGalleryInLightAndDarkThemes() throws Exception {
        Map<String, Supplier<Node>> samples = new LinkedHashMap<>();
        samples.put("markdown", () -> MarkdownView.render(Samples.MARKDOWN, Samples.attachments(), MarkdownLinks.NONE));
        Samples.outputs().forEach((name, output) -> samples.put(name, () -> OutputViews.render(output, new OutputContext() {})));
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

    private static void snapshot(String name, Supplier<Node> sample) throws Exception {
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            VBox root = new VBox(sample.get());
            root.setPadding(new Insets(16));
            root.setStyle("-fx-background-color: -color-bg-default;");
            Stage s = new Stage();
            s.setScene(new Scene(root, 900, 700));
            s.show();
            stage[0] = s;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage[0].getScene();
            VBox root = (VBox) scene.getRoot();
            double h = Math.max(120, Math.ceil(root.prefHeight(900)));
            stage[0].setHeight(Math.min(h, 2400));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage[0].getScene();
            VBox root = (VBox) scene.getRoot();
            double h = Math.max(120, Math.ceil(root.prefHeight(900)));
            stage[0].setHeight(Math.min(h, 2400));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> stage[0].getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        FxSnapshots.writePng(image, dir.resolve(name + ".png"));
        WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get(10, TimeUnit.SECONDS);
    }
}
