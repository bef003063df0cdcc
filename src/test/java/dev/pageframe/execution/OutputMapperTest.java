package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.Charts;
import dev.pageframe.execution.display.MimeBundles;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Output;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class OutputMapperTest {

    private static final Chart BUDDY = Charts.buddyInfo("free areas").zone("Normal", 1200, 300, 12, 1).build();

    @Test
    void aChartIsStoredAsPngWithItsCssSizeAndNoSvg() throws Exception {
        Output.DisplayData out = (Output.DisplayData) OutputMapper.toNotebook(new DisplayData(MimeBundles.of(BUDDY), Map.of()));
        MimeBundle data = out.data();
        assertFalse(data.has("image/svg+xml"), "nbconvert 6.5 would show an SVG as an empty box");
        assertEquals(List.of("text/plain", "image/png", "application/vnd.pageframe.buddyinfo+json"),
                List.copyOf(data.mimeTypes()));
        int width = out.metadata().path("image/png").path("width").asInt();
        int height = out.metadata().path("image/png").path("height").asInt();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.text("image/png").orElseThrow())));
        assertEquals(2 * width, png.getWidth());
        assertEquals(2 * height, png.getHeight());
        assertTrue(width >= 640 && width <= 800, "shown at about a page column's width: " + width);
    }

    @Test
    void theSvgOptionKeepsTheSvgAndDrawsNoPng() {
        Output.DisplayData out = (Output.DisplayData) OutputMapper.toNotebook(
                new DisplayData(MimeBundles.of(BUDDY), Map.of()), ChartFormat.SVG);
        assertTrue(out.data().has("image/svg+xml"));
        assertFalse(out.data().has("image/png"));
        assertTrue(out.metadata().isEmpty());
    }

    @Test
    void aResultThatIsAChartIsStoredAsPngToo() {
        Output.ExecuteResult out = (Output.ExecuteResult) OutputMapper.toNotebook(
                new ExecuteResult(4, MimeBundles.of(BUDDY), Map.of()));
        assertTrue(out.data().has("image/png"));
        assertFalse(out.data().has("image/svg+xml"));
        assertEquals(4, out.executionCount());
    }

    @Test
    void anSvgThatIsNotOneOfOurChartsIsLeftAlone() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>";
        Output.DisplayData out = (Output.DisplayData) OutputMapper.toNotebook(
                new DisplayData(Map.of("image/svg+xml", svg), Map.of()));
        assertEquals(svg, out.data().text("image/svg+xml").orElseThrow());
        assertFalse(out.data().has("image/png"));
    }

    @Test
    void tablesStayHtml() {
        Chart table = Charts.table("slabs").columns("cache", "objects").row("kmalloc-64", 12).build();
        Output.DisplayData out = (Output.DisplayData) OutputMapper.toNotebook(new DisplayData(MimeBundles.of(table), Map.of()));
        assertTrue(out.data().has("text/html"));
        assertFalse(out.data().has("image/png"));
    }
}
