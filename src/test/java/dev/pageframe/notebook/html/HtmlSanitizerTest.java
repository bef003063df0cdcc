package dev.pageframe.notebook.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private static void assertNoActiveContent(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        assertFalse(lower.contains("javascript:"), html);
        assertFalse(lower.matches("(?s).*\\son[a-z]+\\s*=.*"), html);
        assertFalse(lower.contains("<iframe"), html);
        assertFalse(lower.contains("<style"), html);
    }

    @Test
    void keepsOrdinaryMarkupAsItWas() {
        String html = "<p>Free <b>pages</b> in <code>zone</code>:</p>\n<table><tr><th>order</th><td>12</td></tr></table>";
        assertEquals(html, HtmlSanitizer.sanitize(html));
    }

    @Test
    void dropsScriptElementsWithTheirContent() {
        String out = HtmlSanitizer.sanitize("<p>a</p><script>alert('<p>x</p>')</script><SCRIPT src=x></SCRIPT>b");
        assertEquals("<p>a</p>b", out);
    }

    @Test
    void dropsEventHandlerAttributes() {
        String out = HtmlSanitizer.sanitize("<img src=x onerror=alert(1)><div onclick=\"go()\" class=\"k\">t</div>");
        assertNoActiveContent(out);
        assertTrue(out.contains("<div class=\"k\">t</div>"), out);
    }

    @Test
    void dropsJavascriptUrlsEvenWhenDisguised() {
        for (String href : List.of("javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                "&#106;avascript:alert(1)", "&#x6A;avascript&colon;alert(1)", "vbscript:x", "data:text/html,<script>")) {
            String out = HtmlSanitizer.sanitize("<a href=\"" + href + "\">link</a>");
            assertEquals("<a>link</a>", out, href);
        }
    }

    @Test
    void keepsWebAndRelativeLinks() {
        assertEquals("<a href=\"https://kernel.org/doc\">k</a>", HtmlSanitizer.sanitize("<a href='https://kernel.org/doc'>k</a>"));
        assertEquals("<a href=\"#free-lists\">f</a>", HtmlSanitizer.sanitize("<a href=#free-lists>f</a>"));
        assertEquals("<a href=\"mailto:me@example.org\">m</a>", HtmlSanitizer.sanitize("<a href=\"mailto:me@example.org\">m</a>"));
    }

    @Test
    void remoteImagesBecomeLinksSoNothingIsFetched() {
        String out = HtmlSanitizer.sanitize("<img src=\"https://example.org/x.png\" alt=\"a chart\">");
        assertEquals("<a class=\"external-image\" href=\"https://example.org/x.png\">[image: a chart]</a>", out);
        assertFalse(out.contains("src="));
    }

    @Test
    void inlineImagesStayAndAttachmentsAreResolved() {
        String data = "data:image/png;base64,iVBORw0KGgo=";
        assertEquals("<img src=\"" + data + "\" alt=\"x\">", HtmlSanitizer.sanitize("<img src=\"" + data + "\" alt=\"x\">"));
        String out = HtmlSanitizer.sanitize("<img src=\"attachment:a.png\">",
                src -> src.equals("attachment:a.png") ? data : null);
        assertEquals("<img src=\"" + data + "\">", out);
    }

    @Test
    void dropsFramesObjectsFormsAndStyleSheets() {
        String out = HtmlSanitizer.sanitize("<iframe src=\"https://evil\"></iframe><object data=x><p>in</p></object>"
                + "<style>@import url(https://evil/x.css)</style><link rel=stylesheet href=https://evil/y.css>"
                + "<form action=https://evil><input name=q></form><base href=https://evil/>ok");
        assertEquals("ok", out);
    }

    @Test
    void unknownElementsLoseTheirTagsButKeepTheirText() {
        assertEquals("<p>hello world</p>", HtmlSanitizer.sanitize("<p><blink>hello</blink> <font color=red>world</font></p>"));
    }

    @Test
    void balancesTagsSoAFragmentCannotSwallowThePage() {
        assertEquals("<div><b>x</b></div>", HtmlSanitizer.sanitize("<div><b>x"));
        assertEquals("<p>a</p>", HtmlSanitizer.sanitize("<p>a</p></div></main></body>"));
        assertEquals("<div><span>a</span></div>", HtmlSanitizer.sanitize("<div><span>a</div></span>"));
    }

    @Test
    void escapesStrayBracketsAndAmpersandsButKeepsEntities() {
        // Character references keep their meaning: jsoup writes the characters they name (the page is UTF-8).
        assertEquals("a &lt; b &amp;&amp; c &gt; d &amp; \u00e9 \u00a9", HtmlSanitizer.sanitize("a < b && c > d & &eacute; &#169;"));
    }

    @Test
    void dropsCommentsDoctypesAndProcessingInstructions() {
        assertEquals("<p>x</p>", HtmlSanitizer.sanitize("<!DOCTYPE html><?xml version=\"1.0\"?><!-- <script>x</script> --><p>x</p>"));
    }

    @Test
    void stylesAttributesKeepOnlySafeDeclarations() {
        String out = HtmlSanitizer.sanitize("<span style=\"color: red; background: url(https://evil/x.png); "
                + "position: fixed; width: expression(alert(1)); font-weight: bold\">t</span>");
        assertEquals("<span style=\"color: red; font-weight: bold\">t</span>", out);
    }

    @Test
    void stylesCannotFetchThroughImageSetsOrBareAddresses() {
        String out = HtmlSanitizer.sanitize("<div style=\"background-image: image-set('https://evil/a.png' 1x); "
                + "border-image: -webkit-image-set(&quot;//evil/b.png&quot; 1x); margin: 0\">t</div>");
        assertEquals("<div style=\"margin: 0\">t</div>", out);
    }

    @Test
    void svgKeepsShapesAndCaseButLosesScriptHandlersAndExternalReferences() {
        String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "viewBox=\"0 0 10 10\" onload=\"alert(1)\">"
                + "<script>alert(2)</script>"
                + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs>"
                + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\" onmouseover=\"alert(3)\"/>"
                + "<use xlink:href=\"#g\"/><use href=\"https://evil/sprite.svg#a\"/>"
                + "<image href=\"https://evil/track.png\"/><image href=\"data:image/png;base64,AAAA\"/>"
                + "<a href=\"javascript:alert(4)\"><text>hi</text></a>"
                + "<foreignObject><div>html</div></foreignObject>"
                + "<animate attributeName=\"href\" to=\"javascript:alert(5)\"/>"
                + "<style>rect { fill: url(https://evil/x) }</style>"
                + "</svg>";
        String out = HtmlSanitizer.sanitize(svg);
        assertNoActiveContent(out);
        assertFalse(out.contains("http"), out);
        assertTrue(out.strip().startsWith("<svg viewBox=\"0 0 10 10\">"), out);
        assertTrue(out.contains("<linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"></stop></linearGradient>"), out);
        assertTrue(out.contains("<rect width=\"10\" height=\"10\" fill=\"url(#g)\"></rect>"), out);
        assertTrue(out.contains("<use xlink:href=\"#g\"></use><use></use>"), out);
        assertTrue(out.contains("<image></image><image href=\"data:image/png;base64,AAAA\"></image>"), out);
        assertTrue(out.contains("<a><text>hi</text></a>"), out);
        assertFalse(out.contains("foreignObject") || out.contains("animate") || out.contains("html"), out);
        assertTrue(out.endsWith("</svg>"), out);
    }

    @Test
    void svgTitleIsATooltipButAnHtmlTitleIsDropped() {
        assertEquals("<svg><title>free: 12</title></svg>", HtmlSanitizer.sanitize("<svg><title>free: 12</title></svg>"));
        assertEquals("x", HtmlSanitizer.sanitize("<title>page</title>x"));
    }

    @Test
    void attributeValuesAreReEscaped() {
        assertEquals("<span title=\"a &quot;b&quot; &lt;c&gt;\">t</span>",
                HtmlSanitizer.sanitize("<span title='a \"b\" <c>'>t</span>"));
    }

    @Test
    void safeLinkRejectsUnknownSchemes() {
        assertNull(SafeValues.link("file:///etc/passwd"));
        assertNull(SafeValues.link("data:text/html;base64,PHNjcmlwdD4="));
        assertEquals("docs/page.html", SafeValues.link("docs/page.html"));
    }

    @Test
    void aTagCutOffByTheEndOfTheTextIsDropped() {
        assertEquals("a", HtmlSanitizer.sanitize("a<img src=x onerror=\"alert(1)"));
    }

    /** Pageframe's own charts pass the cleaner whole: every element, in its SVG case, and every label. */
    @Test
    void pageframeChartSvgSurvivesWhole() {
        List<dev.pageframe.execution.display.Chart> charts = List.of(
                dev.pageframe.execution.display.Charts.line("free pages").series("Normal", new double[] {5, 3, 8}).build(),
                dev.pageframe.execution.display.Charts.bar("waste").categories("0", "1", "2").series("Normal", 12_000, 90, 1).build(),
                dev.pageframe.execution.display.Charts.frameMap("frames").zone("Normal", 0, 4096)
                        .run(0, 700, dev.pageframe.execution.display.FrameMapKind.SLAB, "Normal").build());
        for (dev.pageframe.execution.display.Chart chart : charts) {
            String svg = dev.pageframe.execution.display.MimeBundles.svg(chart);
            String out = HtmlSanitizer.sanitize(svg);
            for (String tag : List.of("<svg", "<g", "<rect", "<path", "<line", "<text", "<pattern", "<defs")) {
                assertEquals(count(svg, tag + " ") + count(svg, tag + ">"), count(out, tag + " ") + count(out, tag + ">"),
                        tag + " in " + chart.getClass().getSimpleName());
            }
            assertEquals(org.jsoup.Jsoup.parse(svg).select("text").eachText(), org.jsoup.Jsoup.parse(out).select("text").eachText());
            assertTrue(out.contains("viewBox=") || !svg.contains("viewBox="), "SVG attributes keep their case");
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void keepsACheckboxThatCannotChangeAndDropsOtherFields() {
        String out = HtmlSanitizer.sanitize("<p><input type=\"checkbox\" checked onclick=\"x()\" name=\"n\"> a"
                + "<input type=\"text\" value=\"secret\"><input type=\"password\"><input></p>");
        assertEquals("<p><input type=\"checkbox\" disabled checked> a</p>", out);
        assertNoActiveContent(out);
    }
}
