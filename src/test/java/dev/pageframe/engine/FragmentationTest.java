package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FragmentationTest {
    @Test
    void aFreeBlockOfTheOrderMeansTheRequestWouldSucceed() {
        assertEquals(-1000, Fragmentation.fragmentation_index(new long[] {0, 0, 1}, 2));
    }

    @Test
    void manySmallBlocksAreFragmentation() {
        // 100 free order-0 pages, nothing larger, asking for order 3:
        // 1000 - (1000 + 100*1000/8) / 100 = 1000 - 13500/100 = 865
        assertEquals(865, Fragmentation.fragmentation_index(new long[] {100, 0, 0, 0}, 3));
    }

    @Test
    void fewLargeBlocksShortOfTheOrderMeanLowMemoryNotFragmentation() {
        // 1 free order-2 block (4 pages), asking for order 3: 1000 - (1000 + 4000/8)/1 = -500 -> short of memory
        assertEquals(-500, Fragmentation.fragmentation_index(new long[] {0, 0, 1, 0}, 3));
    }

    @Test
    void unusableIndexIsTheShareOfFreeMemoryTooSmall() {
        // 8 order-0 pages and 1 order-3 block: 16 free pages, 8 usable for order 3.
        assertEquals(500, Fragmentation.unusable_free_index(new long[] {8, 0, 0, 1}, 3));
        assertEquals(0, Fragmentation.unusable_free_index(new long[] {8, 0, 0, 1}, 0));
        assertEquals(1000, Fragmentation.unusable_free_index(new long[] {0, 0, 0, 0}, 0));
    }

    /** mm/vmstat.c: extfrag_show_print uses "%2d.%03d ", unusable_show_print "%d.%03d ". */
    @Test
    void indexPrintsAsTheKernelPrintsIt() {
        assertEquals("-1.000", Fragmentation.format(-1000));
        assertEquals(" 0.865", Fragmentation.format(865), "extfrag_index pads the whole part to two places");
        assertEquals("0.865", Fragmentation.formatUnusable(865));
        assertEquals("1.000", Fragmentation.formatUnusable(1000));
    }
}
