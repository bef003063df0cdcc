package dev.pageframe.execution.display;

import dev.pageframe.execution.png.ChartPng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes every sample chart's SVG, PNG and text to a folder for a person to look at; off unless asked for. */
class SampleGalleryTest {

    @Test
    @EnabledIfSystemProperty(named = "display.samples", matches = ".+")
    void writesSamplesForVisualReview() throws IOException {
        Path dir = Path.of(System.getProperty("display.samples"));
        Files.createDirectories(dir);
        for (SampleCharts.Named sample : SampleCharts.all()) {
            Map<String, Object> bundle = sample.chart().mimeBundle();
            Files.writeString(dir.resolve(sample.name() + ".txt"), (String) bundle.get(MimeBundles.TEXT_PLAIN));
            if (bundle.get(MimeBundles.IMAGE_SVG) instanceof String svg) {
                Files.writeString(dir.resolve(sample.name() + ".svg"), svg);
                Files.write(dir.resolve(sample.name() + ".png"), ChartPng.fromSvg(svg).bytes());
            }
            if (bundle.get(MimeBundles.TEXT_HTML) instanceof String html) {
                Files.writeString(dir.resolve(sample.name() + ".html"), html);
            }
            Files.writeString(dir.resolve(sample.name() + ".json"), VndJson.toJsonString(sample.chart()));
        }
    }
}
