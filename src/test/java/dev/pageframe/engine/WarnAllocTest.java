package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarnAllocTest {
    private static final long M = 1 << 20;

    private static Kernel drained() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        while (k.__get_free_page(__GFP_NOWARN) != 0) {
            // down to the min watermark; nothing reclaimable, nothing to kill
        }
        return k;
    }

    private static long failures(Kernel k) {
        return k.dmesg("page allocation failure").lines().count();
    }

    /**
     * mm/page_alloc.c (warn_alloc): nopage_rs allows one report per 10 s; lib/ratelimit.c counts the
     * rest and says how many were suppressed when the next interval opens.
     */
    @Test
    void failureReportsAreRateLimitedToOnePerTenSeconds() {
        Kernel k = drained();
        long failed = k.pageframe_counters().get("alloc_fail");
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 4));
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 4));
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 5));
        assertEquals(1, failures(k), "the second and third fall inside the interval");
        k.clock().charge(10_000_000_001L);
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 4));
        assertEquals(2, failures(k));
        assertEquals(1, k.dmesg("warn_alloc: 2 callbacks suppressed").lines().count(), k.dmesg());
        assertEquals(failed + 4, k.pageframe_counters().get("alloc_fail"), "every failure still counts");
    }

    /** __GFP_NOWARN returns before the rate limit, so it uses up no report. */
    @Test
    void nowarnFailuresDoNotUseTheRateLimit() {
        Kernel k = drained();
        assertEquals(0, k.__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 4));
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 4));
        assertEquals(1, failures(k));
    }

    /** mm/show_mem.c: the dump under the warning, with per-zone boost, lowmem_reserve and migrate letters. */
    @Test
    void theMemoryDumpHasShowMemsLines() {
        Kernel k = drained();
        k.__get_free_pages(GFP_KERNEL, 4);
        List<String> lines = k.log().lines().stream().map(l -> l.substring(l.indexOf("] ") + 2)).toList();
        int at = lines.indexOf("Mem-Info:");
        assertTrue(at > 0, k.dmesg());
        assertTrue(lines.get(at + 1).startsWith("active_anon:0 inactive_anon:0 isolated_anon:0"), lines.get(at + 1));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Node 0 DMA32 free:\\d+kB boost:0kB min:\\d+kB low:\\d+kB high:\\d+kB "
            + "reserved_highatomic:0KB .* present:\\d+kB managed:\\d+kB .*free_cma:0kB")), k.dmesg());
        assertTrue(lines.stream().anyMatch(l -> l.matches("lowmem_reserve\\[\\]: 0 \\d+ \\d+ \\d+")), k.dmesg());
        assertTrue(lines.stream().anyMatch(l -> l.matches("Node 0 DMA32: (\\d+\\*\\d+kB (\\([UMEH]+\\) )?)+= \\d+kB")), k.dmesg());
        assertTrue(lines.stream().anyMatch(l -> l.contains("*4kB (") ), "orders with blocks name their lists");
        assertTrue(lines.contains("0 pages HighMem/MovableOnly"), k.dmesg());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Node 0 Normal")), "no Normal zone on 128 MiB");
    }

    /** show_free_areas skips zones above the request's gfp_zone: a GFP_DMA failure shows DMA only. */
    @Test
    void theDumpStopsAtTheRequestsHighestZone() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        while (k.__get_dma_pages(GFP_KERNEL | __GFP_NOWARN, 0) != 0) {
            // empty the DMA zone
        }
        assertEquals(0, k.__get_dma_pages(GFP_KERNEL, 0));
        assertTrue(k.dmesg().contains("Node 0 DMA free:"), k.dmesg());
        assertFalse(k.dmesg().contains("Node 0 DMA32 free:"), k.dmesg());
    }
}
