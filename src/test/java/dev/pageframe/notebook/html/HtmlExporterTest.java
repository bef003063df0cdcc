package dev.pageframe.notebook.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.cells.CellNames;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.Output;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlExporterTest {
    /** A 2x2 PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==";
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
            + "<rect width=\"40\" height=\"20\" fill=\"#c33\"/><text x=\"2\" y=\"14\">4 KiB</text></svg>";

    private final HtmlExporter exporter = new HtmlExporter(CellNames.kernelNames());

    private static Cell markdown(String id, String source) {
        return new Cell(id, CellType.MARKDOWN, null, source, null, List.of(), null, null);
    }

    private static Cell code(String id, String source, Integer count, Output... outputs) {
        return new Cell(id, CellType.CODE, null, source, null, List.of(outputs), count, null);
    }

    private static Notebook notebook(Cell... cells) {
        return Notebook.newEmpty().withCells(List.of(cells));
    }

    private static Notebook fixture(String name) throws IOException {
        try {
            Path path = Path.of(HtmlExporterTest.class.getResource("/notebook/" + name).toURI());
            AtomicInteger n = new AtomicInteger();
            return new NotebookReader(NotebookReader.DEFAULT_MAX_BYTES, () -> "cell-" + n.incrementAndGet())
                    .read(path).notebook();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Every http(s) address in the page sits in the href of a link, which loads nothing until clicked. */
    private static void assertNothingIsFetched(String html) {
        Matcher m = Pattern.compile("(?i)(?:https?:)?//[a-z0-9]").matcher(html);
        while (m.find()) {
            int tagStart = html.lastIndexOf('<', m.start());
            int tagEnd = html.lastIndexOf('>', m.start());
            if (tagStart < tagEnd) {
                continue; // in text, not in a tag
            }
            String tag = html.substring(tagStart, html.indexOf('>', m.start()) + 1);
            assertTrue(tag.startsWith("<a ") && tag.contains("href=\"" + html.substring(m.start(), m.end() - 1)),
                    "a tag that could fetch: " + tag);
        }
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<link"), "stylesheet link");
        assertFalse(lower.contains("<script"), "script element");
        assertFalse(lower.contains("@import"), "css import");
        assertFalse(lower.contains("@font-face"), "web font");
        assertFalse(Pattern.compile("url\\(\\s*['\"]?(https?:)?//").matcher(lower).find(), "css url");
        assertFalse(Pattern.compile("\\ssrc\\s*=\\s*(?![\"']?data:)").matcher(lower).find(), "src that is not inline");
    }

    private static void assertNoActiveContent(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "script");
        assertFalse(lower.contains("javascript:"), "javascript url");
        assertFalse(Pattern.compile("<[^>]*\\son[a-z]+\\s*=").matcher(lower).find(), "event handler attribute");
        assertFalse(lower.contains("<iframe") || lower.contains("<object") || lower.contains("<embed"), "embedded content");
    }

    @Test
    void writesOneCompleteHtml5PageWithInlineStylesAndAScriptForbiddingPolicy() {
        String html = exporter.export(notebook(markdown("m", "hello")));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"), html);
        assertTrue(html.endsWith("</html>\n"));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"));
        assertTrue(html.contains("<style>") && html.contains("max-width: 1100px") && html.contains("@media print"));
        assertTrue(html.contains("system-ui") && html.contains("monospace"));
        assertNothingIsFetched(html);
    }

    @Test
    void titleComesFromTheFirstHeadingOrElseTheFallback() {
        Notebook nb = notebook(markdown("a", "Intro text, no heading."), code("c", "int x = 1;", null),
                markdown("b", "Some words\n\n## The *buddy* `allocator`\n\n# Later heading"));
        assertTrue(exporter.export(nb).contains("<title>The buddy allocator</title>"));
        assertTrue(exporter.export(notebook(markdown("a", "no heading")), "lesson-3").contains("<title>lesson-3</title>"));
        assertTrue(exporter.export(notebook(markdown("a", "# Zones & \"nodes\", 1 < 2"))).contains("<title>Zones &amp; \"nodes\", 1 &lt; 2</title>"));
    }

    @Test
    void rendersMarkdownHeadingsListsAndGfmTables() {
        String md = "# Free lists\n\nEach **order** has a list:\n\n- order 0\n- order 1\n\n"
                + "| order | free |\n|------:|------|\n| 0 | 12 |\n| 1 | 3 |\n";
        String html = exporter.export(notebook(markdown("m", md)));
        assertTrue(html.contains("<h1 id=\"Free-lists\">Free lists</h1>"), html);
        assertTrue(html.contains("<strong>order</strong>"));
        assertTrue(html.contains("<li>order 0</li>"));
        assertTrue(html.contains("<table>"));
        assertTrue(html.contains("<th align=\"right\">order</th>") || html.contains("<th style=\"text-align: right\">order</th>")
                || html.contains("order</th>"), html);
        assertTrue(html.contains("<td>12</td>") || html.contains(">12</td>"), html);
    }

    @Test
    void headingIdsStayUniqueAcrossCells() {
        String html = exporter.export(notebook(markdown("a", "## Results"), markdown("b", "## Results")));
        assertTrue(html.contains("<h2 id=\"Results\">") && html.contains("<h2 id=\"Results-1\">"), html);
    }

    @Test
    void markdownAttachmentsBecomeDataUris() throws IOException {
        String html = exporter.export(fixture("rich.ipynb"));
        assertTrue(html.contains("<img src=\"data:image/png;base64," + PNG + "\" alt=\"frames\">"), html);
        assertFalse(html.contains("attachment:"));
    }

    @Test
    void attachmentNamesWithSpacesAreFound() {
        Cell cell = new Cell("m", CellType.MARKDOWN, null, "![map](<attachment:frame map.png>)",
                Map.of("frame map.png", MimeBundle.of("image/png", PNG)), List.of(), null, null);
        assertTrue(exporter.export(notebook(cell)).contains("src=\"data:image/png;base64," + PNG + "\""));
    }

    @Test
    void anSvgAttachmentStoredAsBase64AsJupyterLabDoesIsNotEncodedTwice() {
        String base64 = java.util.Base64.getEncoder().encodeToString(SVG.getBytes(StandardCharsets.UTF_8));
        Cell lab = new Cell("m", CellType.MARKDOWN, null, "![map](attachment:map.svg)",
                Map.of("map.svg", MimeBundle.of("image/svg+xml", base64 + "\n")), List.of(), null, null);
        assertTrue(exporter.export(notebook(lab)).contains("src=\"data:image/svg+xml;base64," + base64 + "\""));
        Cell text = new Cell("m", CellType.MARKDOWN, null, "![map](attachment:map.svg)",
                Map.of("map.svg", MimeBundle.of("image/svg+xml", SVG)), List.of(), null, null);
        assertTrue(exporter.export(notebook(text)).contains("src=\"data:image/svg+xml;base64," + base64 + "\""),
                "an SVG stored as text is encoded once");
    }

    @Test
    void picturesBesideTheNotebookGoInsideThePageAndNothingElseOfThisMachineDoes(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("lab"));
        Files.createDirectories(folder.resolve("img"));
        byte[] png = java.util.Base64.getDecoder().decode(PNG);
        Files.write(folder.resolve("img/map of frames.png"), png);
        Files.write(dir.resolve("outside.png"), png);
        Files.writeString(folder.resolve("img/notes.png"), "a secret, not a picture");
        Files.createSymbolicLink(folder.resolve("img/link.png"), dir.resolve("outside.png"));
        Files.writeString(folder.resolve("img/frames.svg"), SVG);
        Notebook nb = notebook(markdown("m", """
                ![map](img/map%20of%20frames.png) ![svg](img/frames.svg)

                ![up](../outside.png) ![fake](img/notes.png) ![link](img/link.png) ![abs](ABSOLUTE)

                <img src="img/map of frames.png" alt="html">
                """.replace("ABSOLUTE", dir.resolve("outside.png").toString())));

        String html = exporter.export(nb, "lab", folder);
        String svg64 = java.util.Base64.getEncoder().encodeToString(SVG.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, count(html, "src=\"data:image/png;base64," + PNG + "\""), "markdown and HTML images: " + html);
        assertTrue(html.contains("src=\"data:image/svg+xml;base64," + svg64 + "\""), html);
        for (String refused : List.of("[image: up]", "[image: fake]", "[image: link]", "[image: abs]")) {
            assertTrue(html.contains(refused), refused + " stays a link: " + html);
        }
        assertFalse(html.contains(java.util.Base64.getEncoder().encodeToString("a secret".getBytes(StandardCharsets.UTF_8))));
        assertTrue(exporter.export(nb, "lab").contains("[image: map]"), "without a folder nothing is read");
    }

    @Test
    void scriptDrawnHtmlGivesWayToAPlainerFormOrSaysItIsNotShown() {
        String plot = "<div id=\"plot1\" style=\"height:300px\"></div><script>Plotly.newPlot('plot1', [])</script>";
        String withText = exporter.export(notebook(code("c", "fig", 1, Output.DisplayData.of(
                MimeBundle.of("text/html", plot).with("text/plain", "Figure({'data': []})")))));
        assertTrue(withText.contains("Figure({&#39;data&#39;: []})") || withText.contains("Figure({'data': []})"), withText);
        assertFalse(withText.contains("plot1"), withText);
        String alone = exporter.export(notebook(code("c", "fig", 1, Output.DisplayData.of(
                MimeBundle.of("text/html", plot).with("application/vnd.plotly.v1+json", "{}")))));
        assertTrue(alone.contains("This output is drawn by a script, which the exported page does not run."), alone);
        assertFalse(alone.contains("Plotly.newPlot"), "and the script itself is not in the page");
        String table = exporter.export(notebook(code("c", "t", 1, Output.DisplayData.of(
                MimeBundle.of("text/html", "<table><tr><td>4 KiB</td></tr></table>").with("text/plain", "4 KiB")))));
        assertTrue(table.contains("<td>4 KiB</td>"), "HTML without script is shown as before: " + table);
    }

    @Test
    void streamOutputsInARowShowAsJupyterJoinsThem() {
        String html = exporter.export(notebook(code("c", "...", 1,
                Output.Stream.stdout("part one "), Output.Stream.stdout("part two\n"),
                Output.Stream.stderr("careful\n"), Output.Stream.stdout("10%\r"), Output.Stream.stdout("100%\n"))));
        assertTrue(html.contains(">part one part two\n</pre>"), html);
        assertTrue(html.contains(">careful\n</pre>"), html);
        assertTrue(html.contains(">100%\n</pre>") && !html.contains("10%"), "a redrawn line ends as its last state: " + html);
    }

    @Test
    void anErrorsHeadingKeepsTheFirstLineOfALongMessage() {
        String report = "BUG kmalloc-64 (Not tainted): Object already free\n-----\nSlab 0xffff: objects=64 used=3";
        String html = exporter.export(notebook(code("c", "kfree(p);", 1,
                new Output.ErrorOutput("KernelBugException", report, List.of("KernelBugException: " + report), null))));
        assertTrue(html.contains("<span class=\"ename\">KernelBugException</span>: BUG kmalloc-64 (Not tainted): "
                + "Object already free …</div>"), html);
        assertTrue(html.contains("Slab 0xffff: objects=64 used=3"), "the whole report stays in the traceback");
    }

    @Test
    void javaFencesInMarkdownAreHighlightedToo() {
        String html = exporter.export(notebook(markdown("m", "```java\nlong p = kmalloc(64, GFP_KERNEL);\n```")));
        assertTrue(html.contains("<code class=\"language-java\"><span class=\"tok-kw\">long</span> p = "
                + "<span class=\"tok-kapi\">kmalloc</span>"), html);
    }

    @Test
    void codeCellsShowPromptsAndHighlightedSource() {
        String html = exporter.export(notebook(
                code("c1", "// grab a page\nlong buf = __get_free_pages(GFP_KERNEL, 0); String s = \"x\";", 3),
                code("c2", "free_pages(buf, 0);", null)));
        assertTrue(html.contains("In&nbsp;[3]:"));
        assertTrue(html.contains("In&nbsp;[&nbsp;]:"));
        assertTrue(html.contains("<span class=\"tok-com\">// grab a page</span>"));
        assertTrue(html.contains("<span class=\"tok-kapi\">__get_free_pages</span>"));
        assertTrue(html.contains("<span class=\"tok-kapi\">GFP_KERNEL</span>"));
        assertTrue(html.contains("<span class=\"tok-num\">0</span>"));
        assertTrue(html.contains("<span class=\"tok-ty\">String</span>"));
        assertTrue(html.contains("<span class=\"tok-str\">\"x\"</span>"));
    }

    @Test
    void codeInOtherLanguagesIsShownPlain() {
        Notebook nb = notebook(code("c", "import os", 1));
        var md = nb.metadata();
        md.withObjectProperty("language_info").put("name", "python");
        String html = exporter.export(nb.withMetadata(md));
        assertTrue(html.contains("<code class=\"language-java\">import os</code>") || html.contains(">import os</code>"), html);
        assertFalse(html.contains("tok-kw\">import"));
    }

    @Test
    void streamsAreStyledByNameWithAnsiCodesStripped() {
        String html = exporter.export(notebook(code("c", "x", 1,
                Output.Stream.stdout("\u001B[32mok\u001B[0m\n10%\r100%\n"),
                Output.Stream.stderr("\u001B[1;31mwarning\u001B[0m: low <memory>\n"))));
        assertTrue(html.contains("<pre class=\"output stream stdout\">ok\n100%\n</pre>"), html);
        assertTrue(html.contains("<pre class=\"output stream stderr\">warning: low &lt;memory&gt;\n</pre>"), html);
        assertFalse(html.contains("\u001B"));
    }

    @Test
    void executeResultsShowTheOutPromptAndTheRichestSafeType() {
        MimeBundle all = MimeBundle.plain("plain").with("text/markdown", "**md**").with("text/html", "<b>html</b>")
                .with("image/png", PNG).with("image/svg+xml", SVG);
        String html = exporter.export(notebook(code("c", "x", 4,
                Output.ExecuteResult.of(4, all),
                Output.ExecuteResult.of(4, all.without("image/svg+xml")),
                Output.ExecuteResult.of(4, all.without("image/svg+xml").without("image/png")),
                Output.ExecuteResult.of(4, MimeBundle.plain("plain").with("text/markdown", "**md**")),
                Output.ExecuteResult.of(4, MimeBundle.plain("a < b")))));
        assertEquals(5, count(html, "Out[4]:"));
        assertTrue(html.contains("<div class=\"output svg\"><svg width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"#c33\"></rect>"), html);
        assertTrue(html.contains("<div class=\"output image\"><img src=\"data:image/png;base64," + PNG + "\" alt=\"plain\"></div>"), html);
        assertTrue(html.contains("<div class=\"output html\"><b>html</b></div>"), html);
        assertTrue(html.contains("<div class=\"output markdown\"><p><strong>md</strong></p>"), html);
        assertTrue(html.contains("<pre class=\"output text\">a &lt; b</pre>"), html);
        assertEquals(1, count(html, "<svg"));
    }

    @Test
    void displayDataHasNoPromptAndKeepsImageSize() {
        var metadata = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        metadata.putObject("image/png").put("width", 320).put("height", 200);
        String html = exporter.export(notebook(code("c", "x", 1,
                new Output.DisplayData(MimeBundle.of("image/png", PNG + "\n").with("text/plain", "<Figure>"), metadata, null))));
        assertTrue(html.contains("<div class=\"prompt out-prompt\"></div><div class=\"body\"><div class=\"output image\">"
                + "<img src=\"data:image/png;base64," + PNG + "\" alt=\"&lt;Figure&gt;\" width=\"320\" height=\"200\"></div>"), html);
    }

    @Test
    void aPageframeChartFillsTheColumnAndOtherImagesKeepTheirSize() {
        var metadata = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        metadata.putObject("image/png").put("width", 720).put("height", 420);
        MimeBundle chart = MimeBundle.of("image/png", PNG).with("text/plain", "free areas")
                .withJson("application/vnd.pageframe.buddyinfo+json", new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode().put("kind", "buddyinfo"));
        String html = exporter.export(notebook(code("c", "x", 1, new Output.DisplayData(chart, metadata, null),
                new Output.DisplayData(MimeBundle.of("image/png", PNG), metadata, null))));
        assertTrue(html.contains("<div class=\"output image chart\"><img src=\"data:image/png;base64," + PNG
                + "\" alt=\"free areas\" width=\"720\" height=\"420\">"), html);
        assertEquals(1, count(html, "output image chart"), "a plain image is not stretched");
        assertTrue(html.contains(".output.chart img, .output.chart svg { width: 100%; max-width: 100%; height: auto; }"));
    }

    @Test
    void procTablesInOutputsNeverWrapARowAndScrollSideways() {
        String zoneinfo = "Node 0, zone   Normal  pages free 45282  min 2896  low 4993  high 7090  spanned 1572864"
                + "  present 1572864  managed 1525044  protection: (0, 0, 0, 0)\n";
        String html = exporter.export(notebook(code("c", "cat(\"/proc/zoneinfo\");", 1, Output.Stream.stdout(zoneinfo),
                Output.ExecuteResult.of(1, MimeBundle.plain(zoneinfo)))));
        assertTrue(html.contains("<pre class=\"output stream stdout\">" + zoneinfo.replace("\n", "") ), html);
        String screen = html.substring(0, html.indexOf("@media print"));
        assertTrue(screen.contains("pre.output { white-space: pre; overflow-wrap: normal; }"), "rows keep one line");
        assertTrue(screen.contains(".output { padding: .3rem .1rem; overflow-x: auto; }"), "and scroll sideways");
        assertFalse(screen.substring(screen.indexOf("pre.output {")).contains("pre.output { white-space: pre-wrap"),
                "nothing later in the screen styles wraps them again");
    }

    @Test
    void jsonOnlyOutputsArePrettyPrintedAndUnknownOnesNamed() {
        MimeBundle json = MimeBundle.empty().withJson("application/json",
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("free", 12));
        String html = exporter.export(notebook(code("c", "x", 1, Output.DisplayData.of(json),
                Output.DisplayData.of(MimeBundle.of("application/x-weird", "?")))));
        assertTrue(html.contains("<pre class=\"output text\">{\n  &quot;free&quot; : 12\n}</pre>")
                || html.contains("<pre class=\"output text\">{\n  \"free\" : 12\n}</pre>"), html);
        assertTrue(html.contains("An output of type application/x-weird is not shown."), html);
    }

    @Test
    void errorsShowNameValueAndTracebackInAnErrorBox() {
        String html = exporter.export(notebook(code("c", "kmalloc(-1, 0)", 2,
                Output.ErrorOutput.of("IllegalArgumentException", "size -1 < 0",
                        List.of("\u001B[0;31mIllegalArgumentException\u001B[0m: size -1 < 0", "  at Kmalloc.kmalloc(Kmalloc.java:42)")))));
        assertTrue(html.contains("<div class=\"output error\"><div class=\"error-head\"><span class=\"ename\">"
                + "IllegalArgumentException</span>: size -1 &lt; 0</div><pre class=\"traceback\">IllegalArgumentException: "
                + "size -1 &lt; 0\n  at Kmalloc.kmalloc(Kmalloc.java:42)</pre></div>"), html);
        assertTrue(html.contains(".error {"), "the stylesheet styles the error box");
    }

    @Test
    void unknownOutputTypesAreNamedNotDropped() throws IOException {
        String html = exporter.export(fixture("unknown-fields.ipynb"));
        assertTrue(html.contains("An output of type “x-pageframe-frame-map” is not shown."), html);
    }

    @Test
    void rawCellsAreShownAsText() throws IOException {
        String html = exporter.export(fixture("rich.ipynb"));
        assertTrue(html.contains("<pre>raw \\ text with \"quotes\" and a tab\there\n</pre>"), html);
    }

    @Test
    void scriptAndEventHandlersAreStrippedFromMarkdown() {
        String md = "# Hi\n\n<script>alert('md')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n"
                + "<a href=\"javascript:alert(2)\">click</a> [also](javascript:alert(3)) <b onclick=\"x()\">bold</b>\n\n"
                + "<iframe src=\"https://evil.example/\"></iframe>";
        String html = exporter.export(notebook(markdown("m", md)));
        assertNoActiveContent(html);
        assertNothingIsFetched(html);
        assertTrue(html.contains("<b>bold</b>"), html);
        assertTrue(html.contains(">click</a>") && html.contains(">also</a>"), html);
    }

    @Test
    void scriptAndEventHandlersAreStrippedFromSvgAndHtmlOutputs() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script>"
                + "<image href=\"https://evil.example/t.png\"/><rect width=\"5\" height=\"5\" onclick=\"alert(3)\"/></svg>";
        String html = "<div onmouseover=\"alert(4)\">table<img src=\"https://evil.example/p.png\" onerror=\"alert(5)\">"
                + "<script src=\"https://evil.example/x.js\"></script><link rel=\"stylesheet\" href=\"https://evil.example/s.css\">"
                + "<style>@import url('https://evil.example/i.css');</style></div>";
        String page = exporter.export(notebook(code("c", "x", 1,
                Output.DisplayData.of(MimeBundle.of("image/svg+xml", svg)),
                Output.DisplayData.of(MimeBundle.of("text/html", html)),
                Output.ExecuteResult.of(1, MimeBundle.of("text/markdown", "<script>alert(6)</script>\n\n*ok*")))));
        assertNoActiveContent(page);
        assertNothingIsFetched(page);
        assertTrue(page.contains("<rect width=\"5\" height=\"5\"></rect>"), page);
        assertTrue(page.contains("<div>table<a class=\"external-image\" href=\"https://evil.example/p.png\">[image]</a></div>"), page);
        assertTrue(page.contains("<em>ok</em>"), page);
    }

    @Test
    void aNotebookWithRemoteReferencesStillFetchesNothing() throws IOException {
        String md = "![remote](https://example.org/chart.png) and a [link](https://kernel.org).\n\n"
                + "<img src=\"//cdn.example/x.png\"> <video src=\"https://example.org/v.mp4\"></video>";
        Notebook nb = fixture("rich.ipynb").insertCell(0, markdown("remote", md));
        String html = exporter.export(nb);
        assertNothingIsFetched(html);
        assertTrue(html.contains("<a href=\"https://kernel.org\">link</a>"), html);
        assertTrue(html.contains("<a class=\"external-image\" href=\"https://example.org/chart.png\">[image: remote]</a>"), html);
    }

    @Test
    void theSameNotebookGivesTheSameBytes() throws IOException {
        byte[] first = exporter.export(fixture("rich.ipynb"), "rich").getBytes(StandardCharsets.UTF_8);
        byte[] second = new HtmlExporter(CellNames.kernelNames()).export(fixture("rich.ipynb"), "rich").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first, second);
        Notebook nb = notebook(markdown("a", "## X"), markdown("b", "## X"));
        assertEquals(exporter.export(nb), exporter.export(nb), "heading ids do not carry over between exports");
    }

    @Test
    void everyFixtureExportsWithoutError() throws IOException {
        for (String name : List.of("empty.ipynb", "floats.ipynb", "rich.ipynb", "unknown-fields.ipynb",
                "v3-legacy.ipynb", "v4.4-legacy.ipynb")) {
            String html = exporter.export(fixture(name), name);
            assertTrue(html.endsWith("</html>\n"), name);
            assertNoActiveContent(html);
            assertNothingIsFetched(html);
        }
    }
}
