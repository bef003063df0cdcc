package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {
    @Test
    void theIndexsCourseRowsComeFirstInTheirOrderThenItsOtherLinksThenTheRest() {
        String index = """
                Start with [the tour](../notebooks/tour.ipynb) if you like.

                | # | notebook | machine |
                |---|---|---|
                | 00 | [tour](../notebooks/tour.ipynb) | x86_64 |
                | 01 | [kmalloc and the `GFP` flags](../notebooks/kmalloc.ipynb) | x86_64 |

                Deeper: [Linux 2.0: get_free_page](../notebooks/gfp20.ipynb), and a [page](other.md).
                """;
        List<BundledCatalog.Entry> entries = BundledCatalog.order(
                List.of("a-new-one.ipynb", "gfp20.ipynb", "kmalloc.ipynb", "tour.ipynb", "zzz.ipynb"), index);

        assertEquals(List.of(
                new BundledCatalog.Entry("tour.ipynb", "the tour", false),
                new BundledCatalog.Entry("kmalloc.ipynb", "01  kmalloc and the GFP flags", true),
                new BundledCatalog.Entry("gfp20.ipynb", "Linux 2.0: get_free_page", false),
                new BundledCatalog.Entry("a-new-one.ipynb", "a-new-one.ipynb", false),
                new BundledCatalog.Entry("zzz.ipynb", "zzz.ipynb", false)), entries);
    }

    @Test
    void aLinkToANotebookThatDoesNotShipIsLeftOutAndAMissingIndexListsByFileName() {
        assertEquals(List.of(new BundledCatalog.Entry("b.ipynb", "b.ipynb", false),
                        new BundledCatalog.Entry("c.ipynb", "c.ipynb", false)),
                BundledCatalog.order(List.of("c.ipynb", "b.ipynb"), ""));
        assertEquals(List.of(new BundledCatalog.Entry("b.ipynb", "b.ipynb", false)),
                BundledCatalog.order(List.of("b.ipynb"), "| 00 | [gone](../notebooks/gone.ipynb) |"));
    }

    @Test
    void theShippedIndexNumbersEveryCourseNotebookAndNamesEveryBundledOne() {
        List<BundledCatalog.Entry> entries = BundledCatalog.entries();
        assertEquals(BundledNotebooks.names().size(), entries.size(), entries.toString());
        assertEquals(BundledNotebooks.TOUR, entries.getFirst().name());
        assertTrue(entries.stream().noneMatch(e -> e.label().equals(e.name())),
                "content/index.md links every bundled notebook: " + entries);
        assertEquals(8, entries.stream().filter(BundledCatalog.Entry::numbered).count(), entries.toString());
    }
}
