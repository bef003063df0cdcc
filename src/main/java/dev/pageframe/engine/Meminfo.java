package dev.pageframe.engine;

/**
 * /proc/meminfo of a modern kernel (fs/proc/meminfo.c: meminfo_proc_show), every line a 6.x x86
 * kernel built with HighMem (32-bit only), transparent huge pages, CMA and hugetlbfs prints, in its
 * order. The machine has no swap, no dirty or mapped file pages and no huge pages, so those lines
 * read 0; page cache is inactive file memory and user tasks' memory inactive anonymous memory,
 * where new pages start on the LRU lists. The x86 DirectMap lines end the file ({@link DirectMap}).
 */
final class Meminfo {
    /** mm/util.c: sysctl_overcommit_ratio, the share of RAM in CommitLimit. */
    private static final long OVERCOMMIT_RATIO = 50;
    private final Kernel k;
    private final StringBuilder sb = new StringBuilder();

    Meminfo(Kernel k) {
        this.k = k;
    }

    String show() {
        long total = k.totalram_pages();
        long free = k.nr_free_pages();
        long file = k.reclaim.nr_file_pages;
        long anon = ShowMem.nr_anon_pages(k.oom);
        long sunreclaim = k.kmalloc.slabUnreclaimablePages();
        long sreclaimable = 0;
        kb("MemTotal", total);
        kb("MemFree", free);
        kb("MemAvailable", si_mem_available(k, free, file, sreclaimable));
        kb("Buffers", 0);
        kb("Cached", file);
        kb("SwapCached", 0);
        kb("Active", 0);
        kb("Inactive", anon + file);
        kb("Active(anon)", 0);
        kb("Inactive(anon)", anon);
        kb("Active(file)", 0);
        kb("Inactive(file)", file);
        kb("Unevictable", 0);
        kb("Mlocked", 0);
        if (k.profile().hasHighmem()) {
            Zone high = k.pages.zone(ZoneType.HIGHMEM);
            long highTotal = high == null ? 0 : high.managed_pages;
            long highFree = high == null ? 0 : high.free_pages;
            kb("HighTotal", highTotal);
            kb("HighFree", highFree);
            kb("LowTotal", total - highTotal);
            kb("LowFree", free - highFree);
        }
        kb("SwapTotal", 0);
        kb("SwapFree", 0);
        kb("Dirty", 0);
        kb("Writeback", 0);
        kb("AnonPages", anon);
        kb("Mapped", 0);
        kb("Shmem", 0);
        kb("KReclaimable", sreclaimable);
        kb("Slab", sreclaimable + sunreclaim);
        kb("SReclaimable", sreclaimable);
        kb("SUnreclaim", sunreclaim);
        raw("KernelStack", 0);
        kb("PageTables", 0);
        kb("SecPageTables", 0);
        kb("NFS_Unstable", 0);
        kb("Bounce", 0);
        kb("WritebackTmp", 0);
        // mm/util.c: vm_commit_limit: RAM times the overcommit ratio, plus swap (none).
        kb("CommitLimit", total * OVERCOMMIT_RATIO / 100);
        kb("Committed_AS", anon);
        // (VMALLOC_END - VMALLOC_START) >> 10; x86-64's VMALLOC_END is the last byte.
        long vmallocEnd = k.profile().vmallocStart() != 0 ? k.as.vmallocEnd - 1 : k.as.vmallocEnd;
        raw("VmallocTotal", (vmallocEnd - k.as.vmallocStart) >> 10);
        kb("VmallocUsed", k.vmalloc.vmallocPages);
        kb("VmallocChunk", 0);
        kb("Percpu", 0);
        sb.append(String.format("HardwareCorrupted: %5d kB\n", 0));
        for (String thp : new String[] {"AnonHugePages", "ShmemHugePages", "ShmemPmdMapped", "FileHugePages", "FilePmdMapped"}) {
            kb(thp, 0);
        }
        kb("CmaTotal", 0);
        kb("CmaFree", 0);
        // mm/hugetlb.c: hugetlb_report_meminfo: no huge pages reserved.
        for (String h : new String[] {"HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp"}) {
            sb.append(String.format("%-19s%5d\n", h + ":", 0));
        }
        raw("Hugepagesize", 2048);
        raw("Hugetlb", 0);
        // arch/x86/mm/pageattr.c: arch_report_meminfo comes last; 32-bit PAE and x86_64 map with 2 MiB pages.
        DirectMap direct = DirectMap.of(k.layout);
        raw("DirectMap4k", direct.kb4k());
        raw("DirectMap2M", direct.kb2m());
        if (k.profile().lowmemLimit() == 0) {
            raw("DirectMap1G", direct.kb1g());
        }
        return sb.toString();
    }

    /**
     * mm/show_mem.c: si_mem_available: free pages minus totalreserve_pages, plus the page cache and
     * the reclaimable slab that could be dropped, each keeping back the smaller of half of itself
     * and the sum of the zones' low watermarks.
     */
    static long si_mem_available(Kernel k, long free, long pagecache, long reclaimable) {
        long wmarkLow = 0;
        for (Zone z : k.zones) {
            wmarkLow += z.low_wmark_pages();
        }
        long available = free - k.pages.totalreserve_pages;
        available += pagecache - Math.min(pagecache / 2, wmarkLow);
        available += reclaimable - Math.min(reclaimable / 2, wmarkLow);
        return Math.max(0, available);
    }

    /** show_val_kb: "%-16s%8lu kB" with the value in pages. */
    private void kb(String name, long pages) {
        raw(name, k.kb(pages));
    }

    private void raw(String name, long kb) {
        sb.append(String.format("%-16s%8d kB\n", name + ":", kb));
    }
}
