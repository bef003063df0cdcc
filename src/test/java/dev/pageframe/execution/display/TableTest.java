package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void textIsAlignedLikeATerminalTable() {
        String text = MimeBundles.text(SampleCharts.slabCaches());
        List<String> lines = text.lines().toList();
        assertEquals("Slab caches", lines.get(0));
        assertTrue(lines.get(1).startsWith("cache        object size  active"), lines.get(1));
        assertTrue(lines.get(2).startsWith("-----------  -----------"), lines.get(2));
        // Numbers are right-aligned: their last digits share a column.
        int end = lines.get(3).indexOf("6,012") + "6,012".length();
        assertEquals(end, lines.get(5).indexOf("40,110") + "40,110".length());
        assertTrue(text.contains("7.34 MiB"), "byte columns use binary units");
        assertTrue(text.contains("(4 rows)"));
    }

    @Test
    void bundleHasHtmlInsteadOfSvg() {
        Map<String, Object> bundle = SampleCharts.slabCaches().mimeBundle();
        assertEquals(List.of("text/plain", "text/html", "application/vnd.pageframe.table+json"),
                List.copyOf(bundle.keySet()));
    }

    @Test
    void htmlIsAPlainEscapedTable() throws Exception {
        Table t = Charts.table("<script>alert(1)</script>").columns("name", "n").row("<b>&\"", 3).build();
        String html = (String) t.mimeBundle().get(MimeBundles.TEXT_HTML);
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;b&gt;&amp;&quot;"));
        // Well-formed enough to parse as XML, so any HTML parser takes it.
        var doc = SvgDocs.parse(html);
        assertEquals(1, SvgDocs.byTag(doc, "tbody").getFirst().getElementsByTagName("tr").getLength());
        assertTrue(html.contains("<td style=\"text-align: right\">3</td>"));
    }

    @Test
    void longTablesAreCutInText() {
        TableBuilder b = Charts.table("many").columns("i");
        for (int i = 0; i < 120; i++) {
            b.row(i);
        }
        String text = MimeBundles.text(b.build());
        assertTrue(text.contains("… 70 more rows"));
        assertTrue(text.contains("(120 rows)"));
    }

    @Test
    void rowsMustMatchColumns() {
        assertThrows(IllegalArgumentException.class, () -> Charts.table("t").columns("a", "b").row(1).build());
    }

    @Test
    void cellsAreNormalisedSoIntegersAndLongsAreEqual() {
        Table a = Charts.table("t").columns("n").row(3).build();
        Table b = Charts.table("t").columns("n").row(3L).build();
        assertEquals(a, b);
        assertEquals(3L, a.cell(0, 0));
    }
}
