package dev.pageframe.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void tagsAreStrippedAndBlocksStartLines() {
        String text = HtmlText.toText("<h3>Zones</h3><p>DMA &amp; DMA32&nbsp;are <b>low</b>.</p><ul><li>one</li><li>two</li></ul>"
                + "<script>alert(1)</script><style>p{}</style>");
        assertEquals("Zones\n\nDMA & DMA32\u00a0are low.\n\n• one\n• two", text);
    }

    @Test
    void entitiesAreDecoded() {
        assertEquals("< > \" ' — — é", HtmlText.decodeEntities("&lt; &gt; &quot; &#39; &mdash; &#x2014; &#233;"));
        assertEquals("&unknown;", HtmlText.decodeEntities("&unknown;"));
    }

    @Test
    void aPandasTableIsReadIntoRows() {
        String html = """
                <div>
                <style scoped>.dataframe tbody tr th { vertical-align: top; }</style>
                <table border="1" class="dataframe">
                  <thead>
                    <tr style="text-align: right;"><th></th><th>zone</th><th>free</th></tr>
                  </thead>
                  <tbody>
                    <tr><th>0</th><td>DMA</td><td>3968</td></tr>
                    <tr><th>1</th><td>Normal</td><td>1,024</td></tr>
                  </tbody>
                </table>
                </div>
                """;
        HtmlText.Table t = HtmlText.singleTable(html).orElseThrow();
        assertEquals(List.of("", "zone", "free"), t.headers());
        assertEquals(List.of(List.of("0", "DMA", "3968"), List.of("1", "Normal", "1,024")), t.rows());
    }

    @Test
    void twoTablesOrProseAreNotATable() {
        assertTrue(HtmlText.singleTable("<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>").isEmpty());
        assertTrue(HtmlText.singleTable("<p>" + "words ".repeat(60) + "</p><table><tr><td>a</td></tr></table>").isEmpty());
        assertTrue(HtmlText.singleTable("<p>no table</p>").isEmpty());
    }

    @Test
    void attributesAreRead() {
        Map<String, String> a = HtmlText.attributes("<img src=\"a b.png\" width=200 alt='x &amp; y' hidden>");
        assertEquals("a b.png", a.get("src"));
        assertEquals("200", a.get("width"));
        assertEquals("x & y", a.get("alt"));
        assertEquals("", a.get("hidden"));
        assertEquals("img", HtmlText.tagName("<IMG src=x>"));
        assertTrue(HtmlText.isEndTag("</b>"));
    }
}
