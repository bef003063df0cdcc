package dev.pageframe.ui.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsLibraryTest {
    @TempDir
    static Path dir;
    static DocsLibrary lib;

    @BeforeAll
    static void write() throws IOException {
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("index.md"), "# Pageframe documentation\n\nStart [here](kmalloc.md).\n");
        Files.writeString(dir.resolve("kmalloc.md"), "# kmalloc\n\nThe kernel's **malloc**, from `kmalloc-8` up.\n");
        Files.writeString(dir.resolve("gfp-flags.md"), """
                # GFP flags

                Flags say how hard to try.

                | mask | value | meaning |
                |---|---|---|
                | `GFP_KERNEL` | `0xcc0` | Ordinary kernel code. May sleep. |
                | `GFP_DMA` | `0x01` | Zone modifier: `GFP_KERNEL \\| GFP_DMA`. |
                """);
        Files.writeString(dir.resolve("api/__get_free_pages.md"), """
                # `__get_free_pages`

                ```java
                long __get_free_pages(int gfp, int order)
                ```

                Allocates 2^order physically contiguous pages and returns the
                [direct-map](../kmalloc.md) address of the first, or 0.

                ## Parameters
                """);
        lib = DocsLibrary.fromDirectory(dir);
    }

    @Test
    void anApiPagesSummaryIsItsFirstParagraphAsPlainTextKeepingUnderscores() {
        assertEquals(Optional.of("Allocates 2^order physically contiguous pages and returns the direct-map address of the first, or 0."),
                lib.summary("__get_free_pages"));
        assertEquals("__get_free_pages", lib.page("api/__get_free_pages.md").orElseThrow().title());
    }

    @Test
    void gfpFlagsWithoutPagesAreSummarisedFromTheirTableRowAndOpenThatPage() {
        assertEquals(Optional.of("Ordinary kernel code. May sleep."), lib.summary("GFP_KERNEL"));
        assertEquals(Optional.of("Zone modifier: GFP_KERNEL | GFP_DMA."), lib.summary("GFP_DMA"));
        assertEquals("gfp-flags.md", lib.apiPage("GFP_KERNEL").orElseThrow().path());
        assertEquals(Optional.empty(), lib.summary("no_such_name"));
    }

    @Test
    void linksResolveRelativeToThePageTheyAreOn() {
        assertEquals("kmalloc.md", lib.resolve("api/__get_free_pages.md", "../kmalloc.md#size").orElseThrow().path());
        assertEquals("api/__get_free_pages.md", lib.resolve("index.md", "api/__get_free_pages.md").orElseThrow().path());
        assertEquals("kmalloc.md", lib.resolve(null, "../content/kmalloc.md").orElseThrow().path(),
                "a notebook's link into content/ lands on the page");
        assertTrue(lib.resolve("index.md", "missing.md").isEmpty());
    }

    @Test
    void searchNeedsEveryWordAndRanksTitlesFirst() {
        List<String> hits = lib.search("kmalloc").stream().map(h -> h.page().path()).toList();
        assertEquals("kmalloc.md", hits.getFirst());
        assertTrue(hits.contains("gfp-flags.md") == false || hits.indexOf("gfp-flags.md") > 0);
        assertEquals(List.of("gfp-flags.md"), lib.search("sleep ordinary").stream().map(h -> h.page().path()).toList());
        assertTrue(lib.search("   ").isEmpty());
        assertTrue(lib.search("kmalloc").getFirst().snippet().toLowerCase().contains("kmalloc"));
    }

    @Test
    void pagesAreListedIndexFirstThenConceptsThenApi() {
        List<String> order = lib.pages().stream().map(DocsLibrary.Page::path).toList();
        assertEquals(List.of("index.md", "gfp-flags.md", "kmalloc.md", "api/__get_free_pages.md"), order);
    }

    @Test
    void searchReadsThePageAsItIsReadNotItsMarkup() {
        String md = "# Title\n\nSee [the zones](api/zone_page.md) and *emphasis*.\n\n| order | blocks |\n|---|---:|\n| 3 | 12 |\n";
        String text = DocsLibrary.readable(md);
        assertEquals("Title See the zones and emphasis. order blocks 3 12", text);
        assertEquals("Free pages, 2 * 3 and 2*3", DocsLibrary.plain("Free *pages*, 2 * 3 and 2*3"), "emphasis goes, a times stays");
        assertTrue(lib.search("zone_page").isEmpty() || lib.search("zone_page").stream()
                .allMatch(h -> h.snippet().toLowerCase().contains("zone_page")), "a link's target is not a word of the page");
    }
}
