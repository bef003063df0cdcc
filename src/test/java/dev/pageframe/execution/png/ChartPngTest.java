package dev.pageframe.execution.png;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.Charts;
import dev.pageframe.execution.display.FrameMapKind;
import dev.pageframe.execution.display.MimeBundles;
import dev.pageframe.execution.display.Palette;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartPngTest {

    static Stream<Chart> everyKind() {
        return Stream.of(
                Charts.line("free pages").x("tick").y("free").series("Normal", new double[] {5, 3, 4, 1}).build(),
                Charts.area("use").series("anon", new double[] {1, 2, 3}).build(),
                Charts.stackedArea("use").series("anon", new double[] {1, 2, 3}).series("cache", new double[] {2, 2, 2}).build(),
                Charts.bar("waste").categories("64", "96", "128").series("bytes", 10, 20, 5).build(),
                Charts.stacked("zones").categories("DMA", "Normal").series("free", 3, 9).series("used", 1, 4).build(),
                Charts.histogram("latency").values(1, 2, 2, 3, 3, 3, 4, 9).bins(4).build(),
                Charts.frameMap("map").zone("DMA", 0, 64).run(0, 8, FrameMapKind.KERNEL, "DMA").build(),
                Charts.buddyInfo("buddy").zone("Normal", 1200, 300, 12, 1).build());
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyChartKindIsAPngTwiceTheSizeOfItsSvg(Chart chart) throws Exception {
        PngImage png = ChartPng.render(chart);
        Element svg = svg(MimeBundles.svg(chart)).getDocumentElement();
        assertEquals(Math.round(Double.parseDouble(svg.getAttribute("width"))), png.width());
        assertEquals(Math.round(Double.parseDouble(svg.getAttribute("height"))), png.height());
        BufferedImage image = decode(png.bytes());
        assertEquals(2 * png.width(), image.getWidth());
        assertEquals(2 * png.height(), image.getHeight());
        assertTrue(png.bytes().length < 400_000, "a chart stays a modest file: " + png.bytes().length + " bytes");
    }

    @Test
    void barsAreWhereTheSvgPutsThemInTheSeriesColour() throws Exception {
        Chart chart = Charts.bar("waste").categories("64", "96", "128").series("bytes", 10, 20, 5).build();
        String svg = MimeBundles.svg(chart);
        BufferedImage image = decode(ChartPng.fromSvg(svg).bytes());
        NodeList rects = svg(svg).getElementsByTagName("rect");
        int bars = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (!r.getAttribute("class").equals("bar")) {
                continue;
            }
            bars++;
            double cx = Double.parseDouble(r.getAttribute("x")) + Double.parseDouble(r.getAttribute("width")) / 2;
            double cy = Double.parseDouble(r.getAttribute("y")) + Double.parseDouble(r.getAttribute("height")) / 2;
            assertEquals(Color.decode(Palette.series(0)), new Color(image.getRGB((int) (cx * 2), (int) (cy * 2))),
                    "the middle of bar " + bars);
        }
        assertEquals(3, bars);
    }

    @Test
    void titlesAndLabelsAreDrawnAsText() throws Exception {
        Chart chart = Charts.bar("A title in bold").categories("x").series("s", 1).build();
        BufferedImage image = decode(ChartPng.render(chart).bytes());
        Color text = Color.decode(Palette.TEXT);
        int dark = 0;
        // The title's band, above the legend and plot.
        for (int y = 0; y < 2 * 36; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(new Color(image.getRGB(x, y)), text, 40)) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 300, "the title's glyphs: " + dark + " dark pixels");
    }

    @Test
    void holesAreHatchedAsInTheSvg() throws Exception {
        Chart chart = Charts.frameMap("holes").zone("DMA", 0, 256).run(0, 256, FrameMapKind.HOLE, "DMA").build();
        BufferedImage image = decode(ChartPng.render(chart).bytes());
        Color hatch = Color.decode(Palette.HOLE_HATCH);
        long hatched = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(new Color(image.getRGB(x, y)), hatch, 24)) {
                    hatched++;
                }
            }
        }
        assertTrue(hatched > 2_000, "hatching over the hole: " + hatched + " pixels");
    }

    @Test
    void tablesHaveNoPicture() {
        assertThrows(IllegalArgumentException.class,
                () -> ChartPng.render(Charts.table("t").columns("a").row(List.of(1)).build()));
    }

    @Test
    void markupOutsideTheRenderersSubsetIsRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> ChartPng.fromSvg("<svg width=\"10\" height=\"10\">"
                + "<path d=\"M0 0Q1 1 2 2\" stroke=\"#000000\"/></svg>"));
        assertThrows(IllegalArgumentException.class, () -> ChartPng.fromSvg("<!DOCTYPE svg [<!ENTITY a \"b\">]>"
                + "<svg width=\"10\" height=\"10\"/>"));
        assertThrows(IllegalArgumentException.class, () -> ChartPng.fromSvg("<svg/>"));
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "a PNG ImageIO can read");
        return image;
    }

    private static Document svg(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }
}
