package dev.pageframe.notebook.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    private static <T extends Node> T first(String markdown, Class<T> type) {
        Node node = Parser.builder().build().parse(markdown);
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (type.isInstance(n)) {
                return type.cast(n);
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                todo.push(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + markdown);
    }

    @Test
    void aHeadingSaysItsWordsWithoutMarkupOrTags() {
        assertEquals("The free_area and nr_free counts",
                MarkdownText.of(first("##  The *free_area* and <b>`nr_free`</b>   counts ##", Heading.class)));
    }

    @Test
    void anImageSaysItsAltText() {
        assertEquals("buddy lists, order 0", MarkdownText.of(first("![buddy lists,\norder 0](a.png)", Image.class)));
    }

    /** The export's title comes from the same extractor the app's outline uses for the heading. */
    @Test
    void theExportTitleIsTheHeadingsPlainText() {
        assertEquals(Optional.of("Why kmalloc rounds up"), Markdown.firstHeading("Intro text\n\nWhy  `kmalloc`\nrounds up\n==="));
    }
}
