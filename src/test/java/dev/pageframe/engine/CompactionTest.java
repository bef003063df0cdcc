package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionTest {
    /** Fills a machine with page cache interleaved with pinned kernel pages, every other page. */
    private static Kernel fragmentedBy(boolean movableHoles) {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64L << 20);
        int task = k.spawn_task("cache-user");
        List<Long> kernelPages = new ArrayList<>();
        while (true) {
            // __GFP_MEMALLOC ignores the watermarks: take every last page.
            long a = k.__get_free_page(__GFP_MEMALLOC | __GFP_NOWARN);
            if (a == 0) {
                break;
            }
            kernelPages.add(a);
        }
        // Free every other page and put user (movable) memory there, or leave it fragmented and free.
        kernelPages.sort(Long::compareUnsigned);
        for (int i = 0; i < kernelPages.size(); i += 2) {
            k.free_page(kernelPages.get(i));
        }
        if (movableHoles) {
            // User memory takes the even holes; then the kernel's odd pages go, leaving user pages pinning nothing.
            k.task_touch(task, k.nr_free_pages() - k.zones().getLast().min() - 8);
            assertEquals(List.of(task), k.tasks(), "set-up stays clear of the OOM killer");
            for (int i = 1; i < kernelPages.size(); i += 2) {
                k.free_page(kernelPages.get(i));
            }
        }
        return k;
    }

    @Test
    void compactionMovesUserPagesToMakeAHighOrderBlock() {
        Kernel k = fragmentedBy(true);
        int largestFree = 0;
        for (ZoneSnapshot z : k.zones()) {
            for (int o = 0; o < z.nr_free().length; o++) {
                if (z.nr_free()[o] > 0) {
                    largestFree = Math.max(largestFree, o);
                }
            }
        }
        assertTrue(largestFree < 10, "set-up leaves memory fragmented");
        long addr = k.__get_free_pages(GFP_KERNEL, largestFree + 1);
        assertNotEquals(0, addr, k.last_slowpath());
        assertTrue(k.vmstat().get("pgmigrate_success") > 0);
        assertTrue(k.last_slowpath().contains("compaction"), k.last_slowpath());
    }

    @Test
    void pinnedKernelPagesDefeatCompaction() {
        Kernel k = fragmentedBy(false);
        long moved = k.vmstat().get("pgmigrate_success");
        assertEquals(0, k.__get_free_pages(GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN, 3));
        assertEquals(moved, k.vmstat().get("pgmigrate_success"), "nothing movable: nothing migrated");
    }

    @Test
    void migrationKeepsTheOwnersBookkeeping() {
        Kernel k = fragmentedBy(true);
        k.__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 4);
        for (int pid : k.tasks()) {
            k.task_exit(pid);
        }
        // Every user page was found again through the task's list after migration and freed.
        assertTrue(k.frame_map().stream().noneMatch(r -> r.kind() == FrameKind.ANON));
    }

    /**
     * mm/compaction.c (__compaction_suitable): compaction needs the order-0 watermark (min, or low
     * for costly orders) plus compact_gap = 2 << order free pages in the zone.
     */
    @Test
    void compactionNeedsTheWatermarkPlusCompactGap() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64L << 20);
        Zone z = k.pages.zone(ZoneType.DMA32);
        long free = z.free_pages;
        // Set the min mark so that exactly compact_gap(2) = 8 pages are left above it.
        z._watermark[Zone.WMARK_MIN] = free - 8;
        assertFalse(Compaction.suitable(z, 2, ZoneType.DMA32), "free must be above min + gap");
        z._watermark[Zone.WMARK_MIN] = free - 9;
        assertTrue(Compaction.suitable(z, 2, ZoneType.DMA32));
        z._watermark[Zone.WMARK_MIN] = free - 1000;
        z._watermark[Zone.WMARK_LOW] = free - 32;
        assertFalse(Compaction.suitable(z, 4, ZoneType.DMA32), "costly orders measure from low, with gap 32");
        z._watermark[Zone.WMARK_LOW] = free - 33;
        assertTrue(Compaction.suitable(z, 4, ZoneType.DMA32));
    }

    /**
     * mm/page_alloc.c (__alloc_pages_direct_compact): compact_stall counts an attempt that ran,
     * compact_success only one that got its page, compact_fail the rest.
     */
    @Test
    void compactStallCountsAttemptsAndSuccessOnlyAPage() {
        Kernel won = fragmentedBy(true);
        int largestFree = 0;
        for (ZoneSnapshot z : won.zones()) {
            for (int o = 0; o < z.nr_free().length; o++) {
                largestFree = z.nr_free()[o] > 0 ? Math.max(largestFree, o) : largestFree;
            }
        }
        assertNotEquals(0, won.__get_free_pages(GFP_KERNEL, largestFree + 1), won.last_slowpath());
        assertEquals(won.vmstat().get("compact_stall"), won.vmstat().get("compact_success"));
        assertTrue(won.vmstat().get("compact_stall") > 0);
        Kernel lost = fragmentedBy(false);
        assertEquals(0, lost.__get_free_pages(GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN, 2));
        assertEquals(0, lost.vmstat().get("compact_success"));
        assertEquals(lost.vmstat().get("compact_stall"), lost.vmstat().get("compact_fail"));
    }

    /**
     * mm/page_alloc.c (__alloc_pages_slowpath): a costly __GFP_NORETRY request whose compaction is
     * skipped (no zone has room to compact into) goes to nopage without direct reclaim.
     */
    @Test
    void costlyNoretryRequestThatCompactionSkipsGivesUpWithoutReclaim() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128L << 20);
        k.page_cache_read(2000);
        while (k.__get_free_page(__GFP_NOWARN) != 0) {
            // down to the min watermark: below low + gap, so compaction of a costly order is skipped
        }
        long stalls = k.vmstat().get("allocstall_normal");
        assertEquals(0, k.__get_free_pages(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN, 4));
        assertEquals(stalls, k.vmstat().get("allocstall_normal"), "no direct reclaim");
        assertEquals(0, k.vmstat().get("compact_stall"), "a skipped compaction is not a stall");
        assertTrue(k.last_slowpath().contains("compaction was skipped"), k.last_slowpath());
        assertNotEquals(0, k.__get_free_pages(GFP_KERNEL | __GFP_NORETRY, 3), "order 3 is not costly: it reclaims");
    }
}
