package dev.pageframe.notebook.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.cells.CellNames;
import org.junit.jupiter.api.Test;

class MathSpansTest {
    private final Markdown markdown = new Markdown(new JavaHighlighter(CellNames.kernelNames()));

    private String html(String md) {
        return markdown.render(md, src -> null).strip();
    }

    @Test
    void texShowsAsWrittenNotAsMarkdown() {
        assertEquals("<p>$\\{x\\}$ and $2*3*4$ and $a_1 + b_2$</p>", html("$\\{x\\}$ and $2*3*4$ and $a_1 + b_2$"));
        assertEquals("<p>$$\n\\begin{matrix} a &amp; b \\\\\nc &amp; d \\end{matrix}\n$$</p>",
                html("$$\n\\begin{matrix} a & b \\\\\nc & d \\end{matrix}\n$$"));
    }

    @Test
    void theFragmentationIndexFormulaKeepsItsUnderscoresAndStars() {
        String md = "The index is $1 - \\frac{free\\_pages / 2^{order}}{free\\_blocks\\_total}$, **bold** outside.";
        assertEquals("<p>The index is $1 - \\frac{free\\_pages / 2^{order}}{free\\_blocks\\_total}$, <strong>bold</strong>"
                + " outside.</p>", html(md));
    }

    @Test
    void codeAndPricesInProseAreLeftAlone() {
        assertEquals("<p>costs $5 and $10, <em>both</em></p>", html("costs $5 and $10, *both*"));
        assertEquals("<p><code>$x*y*z$</code> and \\$ and $</p>", html("`$x*y*z$` and \\\\$ and $"));
        String fenced = "```java\nlong x = 1; // $a*b*c$\n```\n";
        assertEquals(fenced, MathSpans.protect(fenced));
        assertTrue(html("A $ sign *then* emphasis").contains("<em>then</em>"));
    }

    @Test
    void struckTextIsStruckInThePage() {
        assertEquals("<p>Use <del>bootmem</del> memblock.</p>", html("Use ~~bootmem~~ memblock."));
    }

    @Test
    void inlineMathEndsWithItsParagraph() {
        assertEquals("<p>$a *b*</p>\n<p>c$ d</p>".replace("*b*", "<em>b</em>"), html("$a *b*\n\nc$ d"));
    }

    @Test
    void taskListsShowTheirBoxesTickedOrNotAndNoBullet() {
        assertEquals("<ul>\n<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked> free the pages</li>\n"
                + "<li class=\"task-list-item\"><input type=\"checkbox\" disabled> merge the buddies</li>\n"
                + "<li>[y] not a task</li>\n</ul>",
                html("- [x] free the pages\n- [ ] merge the buddies\n- [y] not a task"));
    }
}
