package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VmStatTest {
    private static final long M = 1 << 20;

    /** Names from mm/vmstat.c's vmstat_text; /proc/vmstat may show only these. */
    private static final Set<String> KERNEL_NAMES = Set.of("nr_free_pages", "nr_zone_inactive_anon",
        "nr_zone_inactive_file", "nr_inactive_anon", "nr_inactive_file", "nr_slab_reclaimable",
        "nr_slab_unreclaimable", "nr_anon_pages", "nr_file_pages", "nr_vmalloc", "pgalloc_dma", "pgalloc_dma32",
        "pgalloc_normal", "pgalloc_high", "pgalloc_movable", "allocstall_dma", "allocstall_dma32",
        "allocstall_normal", "allocstall_high", "allocstall_movable", "pgfree", "pgsteal_kswapd", "pgsteal_direct",
        "pgscan_kswapd", "pgscan_direct", "pgscan_file", "pgsteal_file", "pageoutrun", "oom_kill",
        "pgmigrate_success", "compact_stall", "compact_fail", "compact_success");

    @Test
    void procVmstatShowsOnlyCountersTheKernelHas() {
        for (MachineProfile p : MachineProfiles.all()) {
            Kernel k = Kernel.boot(p, 64 * M);
            List<String> lines = k.cat("/proc/vmstat").lines().toList();
            // 1.2 and 2.0 had no /proc/vmstat: their file opens with a comment that says so (ProcFs), then the counters.
            int first = k.modern() ? 0 : 1;
            assertEquals(!k.modern(), lines.getFirst().startsWith("# Linux "), p.name() + ": " + lines.getFirst());
            for (String line : lines.subList(first, lines.size())) {
                assertTrue(KERNEL_NAMES.contains(line.split(" ")[0]), p.name() + ": " + line);
            }
            assertTrue(k.cat(ProcFs.PAGEFRAME_COUNTERS).contains("buddy_splits "), "ours live in a file of their own");
        }
    }

    /** mm/vmstat.c TEXTS_FOR_ZONES: one pgalloc_ entry per zone type the kernel is built with, in zone order. */
    @Test
    void zoneCountersFollowTheArchitecturesZones() {
        String x86 = Kernel.boot(MachineProfiles.X86_64, 64 * M).cat("/proc/vmstat");
        assertTrue(x86.contains("pgalloc_dma ") && x86.indexOf("pgalloc_dma32 ") < x86.indexOf("pgalloc_normal ")
            && x86.indexOf("pgalloc_normal ") < x86.indexOf("pgalloc_movable ") && !x86.contains("pgalloc_high"), x86);
        String i386 = Kernel.boot(MachineProfiles.I386, 64 * M).cat("/proc/vmstat");
        assertTrue(i386.contains("pgalloc_high ") && !i386.contains("pgalloc_dma32"), i386);
    }

    /** mm/page_alloc.c: PGALLOC is counted in the zone that served the pages, 1 << order of them. */
    @Test
    void pgallocCountsPagesInTheZoneThatServedThem() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1024 * M);
        long dma = k.vmstat().get("pgalloc_dma");
        long dma32 = k.vmstat().get("pgalloc_dma32");
        k.__get_free_pages(GFP_KERNEL, 3);
        assertEquals(dma32 + 8, k.vmstat().get("pgalloc_dma32"), "GFP_KERNEL on 1 GiB: no Normal zone, DMA32 serves");
        k.__get_dma_pages(GFP_KERNEL, 1);
        assertEquals(dma + 2, k.vmstat().get("pgalloc_dma"));
    }

    /**
     * mm/vmscan.c (try_to_free_pages): a stall counts under the request's gfp_zone, which is
     * ZONE_MOVABLE for movable HighMem masks; pgscan_direct and pgsteal_direct count the pages.
     */
    @Test
    void allocstallCountsUnderTheRequestsHighestZone() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        k.page_cache_read(2000);
        while (k.__get_free_page(__GFP_NOWARN) != 0) {
            // down to the min watermark without reclaim
        }
        assertNotEquals(0, k.__get_free_page(GFP_KERNEL));
        assertEquals(1, k.vmstat().get("allocstall_normal"), "GFP_KERNEL's highest zone is Normal");
        assertEquals(0, k.vmstat().get("allocstall_dma32"));
        assertTrue(k.vmstat().get("pgscan_direct") >= Reclaim.SWAP_CLUSTER_MAX);
        assertEquals(k.vmstat().get("pgscan_direct"), k.vmstat().get("pgsteal_direct"), "clean cache: every scanned page goes");
        assertEquals(PageAllocator.ZONE_MOVABLE, k.pages.reclaim_idx(GFP_HIGHUSER_MOVABLE));
    }

    /** mm/vmscan.c (balance_pgdat): pageoutrun counts kswapd's runs. */
    @Test
    void pageoutrunCountsKswapdRuns() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        k.page_cache_read(100_000);
        assertTrue(k.vmstat().get("pageoutrun") > 0);
        assertTrue(k.vmstat().get("pgscan_kswapd") > 0);
        assertEquals(k.vmstat().get("pgscan_kswapd"), k.vmstat().get("pgsteal_kswapd"));
    }
}
