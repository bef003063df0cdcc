package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.display.Palette;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.Output;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A notebook with every chart kind (one of them a cell's final value rather than a display), run by {@code pageframe
 * run}, is converted to HTML by Debian's nbconvert 6.5 and by a current nbconvert 7, and every chart must be visible
 * in both pages: an {@code <img>} whose {@code data:image/png} is the stored PNG, at its stored size, and, in headless
 * Chromium's screenshot of the page, the chart's colours on screen. With {@code -Dnbconvert.screenshots=DIR} the
 * screenshots are also copied to DIR (docs/screenshots). The tools are skipped with a message when missing.
 */
@Timeout(value = 1500, unit = TimeUnit.SECONDS)
class ChartsInNbconvertTest {
    private static final Path WORK = Path.of("target", "nbconvert-charts").toAbsolutePath();
    private static final Pattern PNG_IMG = Pattern.compile("<img[^>]*src=\"data:image/png;base64,\\s*([A-Za-z0-9+/=\\s]+)\"([^>]*)>");
    private static final Pattern SVG_ELEMENT = Pattern.compile("<svg\\b[^>]*>(.*?)</svg>", Pattern.DOTALL);

    /** One cell per chart kind, as a reader would write it; the buddy info first, so the screenshot shows it. */
    static final List<String> CHART_CELLS = List.of(
            """
            // The machine after some churn: free blocks per order, per zone (log scale, as the app starts it)
            random_churn(20_000, 500, 1);
            display(buddyinfo());""",
            // A cell whose final expression is a chart shows it as its value (an execute_result), as display would.
            "frameMap()",
            """
            long[] free = new long[40];
            for (int i = 0; i < free.length; i++) {
                __get_free_pages(GFP_KERNEL, 4);
                free[i] = nr_free_pages();
            }
            display(Charts.line("Free pages while taking order-4 blocks").x("allocation").y("free", Unit.PAGES)
                    .series("free pages", free).build());""",
            """
            display(Charts.stackedArea("Memory by use").x("second").y("memory", Unit.BYTES)
                    .series("anon", new double[] {10e6, 14e6, 20e6, 22e6})
                    .series("page cache", new double[] {40e6, 38e6, 30e6, 35e6}).build());""",
            """
            display(Charts.bar("Bytes wasted per kmalloc class").categories("8", "16", "32", "64", "96")
                    .y("wasted", Unit.BYTES).series("waste", 120, 340, 90, 610, 200).build());""",
            """
            display(Charts.stacked("Pages by zone").categories("DMA", "DMA32", "Normal")
                    .series("free", 3979, 216596, 45282).series("used", 117, 45548, 200000).build());""",
            """
            long[] sizes = new long[500];
            for (int i = 0; i < sizes.length; i++) sizes[i] = 8 + (i * 37L) % 900;
            display(Charts.histogram("kmalloc request sizes").x("size", Unit.BYTES).values(sizes).bins(20).build());""");
    /** A table stays text/html: nbconvert shows it as a table. */
    static final String TABLE_CELL = """
            display(Charts.table("Slab caches").columns("cache", "objects").row("kmalloc-64", 512).row("kmalloc-128", 96).build());""";

    private static Path notebook;
    private static List<MimeBundle> charts;
    private static List<Integer> cssWidths;
    private static int valueCharts;

    @BeforeAll
    static void runTheNotebook() throws Exception {
        Files.createDirectories(WORK);
        List<Cell> cells = new ArrayList<>(List.of(Cell.markdown("# Charts in nbconvert\n\nEvery chart kind, as"
                + " `pageframe run` stores it.").withId("intro")));
        for (int i = 0; i < CHART_CELLS.size(); i++) {
            cells.add(Cell.code(CHART_CELLS.get(i)).withId("chart-" + i));
        }
        cells.add(Cell.code(TABLE_CELL).withId("table"));
        notebook = WORK.resolve("charts.ipynb");
        new NotebookFiles().save(notebook, Notebook.newEmpty().withCells(cells));
        Cli.Result r = new Cli().runners(NotebookRunner::installed).run("run", notebook.toString());
        assertEquals(0, r.exit(), r.err());
        charts = new ArrayList<>();
        cssWidths = new ArrayList<>();
        for (Cell c : new NotebookFiles().load(notebook).notebook().cells()) {
            for (Output o : c.outputs()) {
                if (o instanceof Output.DisplayData d && d.data().has("image/png")) {
                    charts.add(d.data());
                    cssWidths.add(d.metadata().path("image/png").path("width").asInt());
                } else if (o instanceof Output.ExecuteResult value && value.data().has("image/png")) {
                    charts.add(value.data());
                    cssWidths.add(value.metadata().path("image/png").path("width").asInt());
                    valueCharts++;
                }
            }
        }
        assertEquals(CHART_CELLS.size(), charts.size(), "one stored PNG per chart cell");
        assertEquals(1, valueCharts, "the frame map cell's value is its chart");
    }

    @Test
    void debianNbconvert65ShowsEveryChart() throws Exception {
        Path page = ExternalTools.toHtml(ExternalTools.debianNbconvert(), notebook, WORK, "nbconvert65");
        assertChartsVisible(page, "nbconvert65-chart.png");
    }

    @Test
    void currentNbconvert7ShowsEveryChart() throws Exception {
        Path nbconvert = ExternalTools.currentNbconvert();
        assertTrue(ExternalTools.version(nbconvert).startsWith("7."), ExternalTools.version(nbconvert));
        Path page = ExternalTools.toHtml(nbconvert, notebook, WORK, "nbconvert7");
        assertChartsVisible(page, "nbconvert7-chart.png");
    }

    @Test
    void anSvgChartIsAnEmptyBoxInDebiansNbconvert65WhichIsWhyPngIsTheDefault() throws Exception {
        Path nbconvert = ExternalTools.debianNbconvert();
        Path svgNotebook = WORK.resolve("charts-svg.ipynb");
        Files.copy(notebook, svgNotebook, StandardCopyOption.REPLACE_EXISTING);
        Cli.Result r = new Cli().runners(NotebookRunner::installed).run("run", svgNotebook.toString(), "--charts=svg");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(ExternalTools.toHtml(nbconvert, svgNotebook, WORK, "nbconvert65-svg"));
        Matcher svg = SVG_ELEMENT.matcher(html);
        int svgs = 0;
        while (svg.find()) {
            svgs++;
            assertFalse(svg.group(1).contains("<"),
                    "nbconvert 6.5's cleaner keeps no child element of an SVG output, only its loose text");
        }
        assertEquals(CHART_CELLS.size(), svgs);
        assertFalse(PNG_IMG.matcher(html).find(), "with --charts=svg no PNG is stored to fall back on");
    }

    private static void assertChartsVisible(Path page, String screenshotName) throws Exception {
        String html = Files.readString(page);
        Matcher img = PNG_IMG.matcher(html);
        int shown = 0;
        while (img.find()) {
            String base64 = img.group(1).replaceAll("\\s", "");
            assertTrue(shown < charts.size(), "more PNG images than charts in " + page);
            assertEquals(charts.get(shown).text("image/png").orElseThrow().replaceAll("\\s", ""), base64,
                    "chart " + shown + " is the stored PNG");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
            assertEquals(2 * cssWidths.get(shown), image.getWidth(), "chart " + shown + " at twice its CSS width");
            assertTrue(img.group(2).contains("width=" + cssWidths.get(shown))
                    || img.group(2).contains("width=\"" + cssWidths.get(shown) + "\""),
                    "the page gives the image its CSS width, so it is not drawn twice as large: " + img.group(2));
            shown++;
        }
        assertEquals(charts.size(), shown, "every chart is an <img> in " + page);
        assertTrue(html.contains("<table") && html.contains("kmalloc-64"), "the table is shown as a table");

        Path shot;
        try {
            ExternalTools.chromium();
            shot = ExternalTools.screenshot(page, WORK.resolve(screenshotName), 1000, 1100);
        } catch (org.opentest4j.TestAbortedException noChromium) {
            return; // the HTML checks above stand; the picture needs Chromium
        }
        BufferedImage screen = ImageIO.read(shot.toFile());
        long seriesPixels = count(screen, Color.decode(Palette.series(0))) + count(screen, Color.decode(Palette.series(1)))
                + count(screen, Color.decode(Palette.series(2)));
        assertTrue(seriesPixels > 5_000, "the first chart's bars are on screen: " + seriesPixels + " pixels");
        String copyTo = System.getProperty("nbconvert.screenshots");
        if (copyTo != null && !copyTo.isBlank()) {
            Path dir = Path.of(copyTo);
            Files.createDirectories(dir);
            Files.copy(shot, dir.resolve(screenshotName), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long count(BufferedImage image, Color colour) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) < 12 && Math.abs(c.getGreen() - colour.getGreen()) < 12
                        && Math.abs(c.getBlue() - colour.getBlue()) < 12) {
                    n++;
                }
            }
        }
        return n;
    }
}
