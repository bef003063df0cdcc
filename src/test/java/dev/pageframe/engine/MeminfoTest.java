package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MeminfoTest {
    private static final long M = 1 << 20;

    private static long field(Kernel k, String name) {
        return k.cat("/proc/meminfo").lines().filter(l -> l.startsWith(name + ":"))
            .mapToLong(l -> Long.parseLong(l.substring(name.length() + 1).replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    /**
     * mm/page_alloc.c (calculate_totalreserve_pages): per zone the largest lowmem_reserve entry plus
     * the high watermark, capped at managed pages; mm/show_mem.c (si_mem_available) subtracts the
     * sum from free pages, then adds the page cache less min(cache / 2, sum of low watermarks).
     */
    @Test
    void memAvailableSubtractsTotalreservePagesAndKeepsPartOfTheCache() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1024 * M);
        k.page_cache_read(5000);
        long reserve = 0;
        long wmarkLow = 0;
        for (Zone z : k.zoneList()) {
            long max = 0;
            for (ZoneType t : ZoneType.values()) {
                max = Math.max(max, z.lowmem_reserve(t));
            }
            reserve += Math.min(max + z.high_wmark_pages(), z.managed_pages());
            wmarkLow += z.low_wmark_pages();
        }
        assertEquals(reserve, k.pages.totalreserve_pages);
        long expected = k.nr_free_pages() - reserve + 5000 - Math.min(2500, wmarkLow);
        assertEquals(expected * 4, field(k, "MemAvailable"));
        // The DMA32 zone's reserve is its high mark plus what it keeps from Normal requests: more than low.
        assertTrue(reserve > wmarkLow, "totalreserve_pages is not the sum of the low watermarks");
    }

    /** The cap: a zone's reserve never exceeds what it manages (calculate_totalreserve_pages). */
    @Test
    void aZonesReserveIsCappedAtItsManagedPages() {
        Zone z = new Zone(ZoneType.DMA, 0, 4096, 10, 3, 9, new FrameTable(4096));
        z.managed_pages = 100;
        z._watermark[Zone.WMARK_HIGH] = 40;
        z.lowmem_reserve[ZoneType.NORMAL.ordinal()] = 500;
        assertEquals(100, Watermarks.calculate_totalreserve_pages(java.util.List.of(z)));
        z.lowmem_reserve[ZoneType.NORMAL.ordinal()] = 30;
        assertEquals(70, Watermarks.calculate_totalreserve_pages(java.util.List.of(z)));
    }

    /** mm/slub.c (___kmalloc_large_node): pages behind a kmalloc above 8 KiB count as unreclaimable slab. */
    @Test
    void largeKmallocCountsAsSlabMemory() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 256 * M);
        long slab = field(k, "Slab");
        long unreclaim = field(k, "SUnreclaim");
        long vm = k.vmstat().get("nr_slab_unreclaimable");
        long p = k.kmalloc(64 * 1024, GFP_KERNEL);
        assertEquals(slab + 64, field(k, "Slab"));
        assertEquals(unreclaim + 64, field(k, "SUnreclaim"));
        assertEquals(vm + 16, k.vmstat().get("nr_slab_unreclaimable"));
        k.kfree(p);
        assertEquals(slab, field(k, "Slab"), "kfree gives the pages back to the page allocator");
    }

    /** fs/proc/meminfo.c (meminfo_proc_show): every line of a 6.x x86 kernel, in order, with sums that agree. */
    @Test
    void meminfoHasEveryLineInTheKernelsOrder() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 256 * M);
        k.page_cache_read(1000);
        int pid = k.spawn_task("app");
        k.task_touch(pid, 700);
        java.util.List<String> names = k.cat("/proc/meminfo").lines().map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(java.util.List.of("MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active",
            "Inactive", "Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable", "Mlocked",
            "SwapTotal", "SwapFree", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem", "KReclaimable", "Slab",
            "SReclaimable", "SUnreclaim", "KernelStack", "PageTables", "SecPageTables", "NFS_Unstable", "Bounce",
            "WritebackTmp", "CommitLimit", "Committed_AS", "VmallocTotal", "VmallocUsed", "VmallocChunk", "Percpu",
            "HardwareCorrupted", "AnonHugePages", "ShmemHugePages", "ShmemPmdMapped", "FileHugePages", "FilePmdMapped",
            "CmaTotal", "CmaFree", "HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp",
            "Hugepagesize", "Hugetlb", "DirectMap4k", "DirectMap2M", "DirectMap1G"), names);
        assertEquals(field(k, "Inactive"), field(k, "Inactive(anon)") + field(k, "Inactive(file)"));
        assertEquals(field(k, "Inactive(file)"), field(k, "Cached"));
        assertEquals(700 * 4, field(k, "AnonPages"));
        assertEquals(field(k, "Slab"), field(k, "SReclaimable") + field(k, "SUnreclaim"));
        assertTrue(k.cat("/proc/meminfo").contains("HugePages_Total:       0\n"), "hugetlb_report_meminfo's widths");
        Kernel i386 = Kernel.boot(MachineProfiles.I386, 1024 * M);
        assertEquals(field(i386, "MemTotal"), field(i386, "HighTotal") + field(i386, "LowTotal"));
        assertTrue(i386.cat("/proc/meminfo").indexOf("Mlocked:") < i386.cat("/proc/meminfo").indexOf("HighTotal:"));
    }

    /** arch/x86/mm/init.c split_mem_range, reported by arch/x86/mm/pageattr.c arch_report_meminfo. */
    @Test
    void directMapUsesTheLargestPagesEachAlignedStretchOfRamAllows() {
        // 8 GiB on x86_64: RAM is [0, 3 GiB) and [4 GiB, 9 GiB) around the PCI hole.
        Kernel big = Kernel.boot(MachineProfiles.X86_64, 8192 * M);
        assertEquals(2048, field(big, "DirectMap4k"), "the first 2 MiB in 4 KiB pages");
        assertEquals(1022 * 1024, field(big, "DirectMap2M"), "2 MiB pages up to the first 1 GiB boundary");
        assertEquals(7 * 1024 * 1024, field(big, "DirectMap1G"), "every whole aligned GiB of RAM");
        assertEquals(8192 * 1024, field(big, "DirectMap4k") + field(big, "DirectMap2M") + field(big, "DirectMap1G"));
        assertTrue(big.cat("/proc/meminfo").endsWith("DirectMap1G:     7340032 kB\n"), "arch_report_meminfo's widths, last");

        Kernel small = Kernel.boot(MachineProfiles.X86_64, 256 * M);
        assertEquals(2048, field(small, "DirectMap4k"));
        assertEquals(254 * 1024, field(small, "DirectMap2M"));
        assertEquals(0, field(small, "DirectMap1G"));

        // 32-bit PAE maps only low memory, and has no 1 GiB pages.
        Kernel i386 = Kernel.boot(MachineProfiles.I386, 1024 * M);
        assertEquals(2048, field(i386, "DirectMap4k"));
        assertEquals(894 * 1024, field(i386, "DirectMap2M"));
        assertFalse(i386.cat("/proc/meminfo").contains("DirectMap1G"));
    }
}
