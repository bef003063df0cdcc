package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of /proc and debugfs files, in the kernel's own formats (mm/vmstat.c, mm/slab_common.c,
 * mm/vmalloc.c, fs/proc/meminfo.c). Files that did not exist yet in Linux 2.0 are absent there.
 */
final class ProcFs {
    /** Where Pageframe's own counters live, apart from the kernel's /proc/vmstat. */
    static final String PAGEFRAME_COUNTERS = "/sys/kernel/debug/pageframe/counters";
    private final Kernel k;

    ProcFs(Kernel k) {
        this.k = k;
    }

    /** Paths this kernel has, for completion and error messages. */
    List<String> paths() {
        List<String> all = new ArrayList<>(List.of("/proc/meminfo", "/proc/vmstat"));
        if (k.modern()) {
            all.addAll(List.of("/proc/buddyinfo", "/proc/pagetypeinfo", "/proc/zoneinfo", "/proc/slabinfo",
                "/proc/vmallocinfo", "/sys/kernel/debug/extfrag/extfrag_index",
                "/sys/kernel/debug/extfrag/unusable_index", "/sys/kernel/tracing/trace"));
        } else {
            all.addAll(List.of("/proc/buddyinfo", "/sys/kernel/tracing/trace"));
        }
        // Not a kernel file: the counters only Pageframe keeps, under a name that says so.
        all.add(PAGEFRAME_COUNTERS);
        return all;
    }

    String read(String path) {
        if (!paths().contains(path)) {
            String why = k.modern() ? "" : " (Linux " + k.profile().era().release() + " has no such file; it came with later kernels)";
            throw new IllegalArgumentException("cat: " + path + ": No such file or directory" + why
                + ". Available: " + String.join(", ", paths()));
        }
        String text = switch (path) {
            case "/proc/buddyinfo" -> buddyinfo();
            case "/proc/pagetypeinfo" -> pagetypeinfo();
            case "/proc/zoneinfo" -> new Zoneinfo(k).show();
            case "/proc/slabinfo" -> slabinfo();
            case "/proc/vmallocinfo" -> vmallocinfo();
            case "/proc/meminfo" -> k.modern() ? new Meminfo(k).show()
                : k.profile().era() == Era.LINUX_1_2 ? meminfo12() : meminfo20();
            case "/proc/vmstat" -> VmStat.text(k.vmstat());
            case PAGEFRAME_COUNTERS -> VmStat.text(k.pageframe_counters());
            case "/sys/kernel/debug/extfrag/extfrag_index" -> extfrag(true);
            case "/sys/kernel/debug/extfrag/unusable_index" -> extfrag(false);
            case "/sys/kernel/tracing/trace" -> k.trace().text();
            default -> throw new IllegalStateException(path);
        };
        return k.modern() || !LATER_FILES.contains(path) ? text : laterFileNote(path) + text;
    }

    /** Files a 1.2 or 2.0 machine offers although those kernels had none: the clearest views of the same state. */
    private static final List<String> LATER_FILES = List.of("/proc/buddyinfo", "/proc/vmstat", "/sys/kernel/tracing/trace");

    /**
     * The first line of such a file on 1.2 and 2.0, so an output never passes for that kernel's own: a comment, which
     * the readers of these files (and buddyinfo's chart) skip.
     */
    private String laterFileNote(String path) {
        String what = switch (path) {
            case "/proc/buddyinfo" -> "its free_area lists";
            case "/proc/vmstat" -> "its counters";
            default -> "its allocator events";
        };
        return "# Linux " + k.profile().era().release() + " has no " + path + ": Pageframe shows " + what
            + " in the layout of later kernels\n";
    }

    /** mm/vmstat.c: frag_show_print. Shown on 1.2 and 2.0 profiles too, under a note, as the view of the same lists. */
    String buddyinfo() {
        StringBuilder sb = new StringBuilder();
        for (Zone z : k.zones) {
            sb.append(String.format("Node %d, zone %8s ", 0, z.name()));
            for (FreeArea a : z.free_area) {
                sb.append(String.format("%6d ", a.nr_free()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Where /proc/pagetypeinfo stops counting a free list. */
    static final long PAGETYPEINFO_CAP = 100_000;

    /** mm/vmstat.c: pagetypeinfo_showfree and pagetypeinfo_showblockcount. */
    String pagetypeinfo() {
        int orders = k.profile().nrOrders();
        int pbOrder = k.profile().pageblockOrder();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Page block order: %d\n", pbOrder));
        sb.append(String.format("Pages per block:  %d\n\n", 1 << pbOrder));
        sb.append(String.format("%-43s ", "Free pages count per migrate type at order"));
        for (int o = 0; o < orders; o++) {
            sb.append(String.format("%6d ", o));
        }
        sb.append('\n');
        for (Zone z : k.zones) {
            for (int mt = 0; mt < MigrateType.MIGRATE_TYPES; mt++) {
                sb.append(String.format("Node %4d, zone %8s, type %12s ", 0, z.name(), MigrateType.name(mt)));
                for (FreeArea a : z.free_area) {
                    // mm/vmstat.c: pagetypeinfo_showfree_print walks each list under the zone lock, so it stops
                    // counting at 100000 and prints ">100000".
                    long count = a.nr_free(mt, PAGETYPEINFO_CAP);
                    sb.append(String.format("%s%6d ", count >= PAGETYPEINFO_CAP ? ">" : "", count));
                }
                sb.append('\n');
            }
        }
        sb.append('\n').append(String.format("%-23s", "Number of blocks type "));
        for (int mt = 0; mt < MigrateType.MIGRATE_TYPES; mt++) {
            sb.append(String.format("%12s ", MigrateType.name(mt)));
        }
        sb.append('\n');
        for (Zone z : k.zones) {
            // mm/vmstat.c: pagetypeinfo_showblockcount_print skips pageblocks without a struct page (holes).
            long[] count = new long[MigrateType.MIGRATE_TYPES];
            for (int pfn = z.zone_start_pfn; pfn < z.zone_end_pfn(); pfn += 1 << pbOrder) {
                if (k.mem_map.tag(pfn) != FrameTable.HOLE) {
                    count[z.get_pageblock_migratetype(pfn)]++;
                }
            }
            sb.append(String.format("Node %d, zone %8s ", 0, z.name()));
            for (long c : count) {
                sb.append(String.format("%12d ", c));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** mm/slab_common.c: cache_show, version 2.1, with mm/slub.c's get_slabinfo counts (no tunables). */
    String slabinfo() {
        StringBuilder sb = new StringBuilder("slabinfo - version: 2.1\n");
        sb.append("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables "
            + "<limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
        List<Kmalloc.Cache> caches = new ArrayList<>(k.kmalloc.caches);
        java.util.Collections.reverse(caches);
        for (Kmalloc.Cache c : caches) {
            KmallocClass cls = c.cls;
            sb.append(String.format("%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : slabdata %6d %6d %6d\n",
                cls.name(), c.slabinfo_active_objs(), c.num_objs(), cls.size(), cls.objsPerSlab(), 1 << cls.slabOrder(),
                0, 0, 0, c.num_slabs(), c.num_slabs(), 0));
        }
        return sb.toString();
    }

    /** mm/vmalloc.c: vmalloc_info_show. */
    String vmallocinfo() {
        StringBuilder sb = new StringBuilder();
        for (Vmalloc.Area a : k.vmalloc.areas()) {
            sb.append(String.format("0x%016x-0x%016x %7d %s pages=%d vmalloc N0=%d\n",
                a.addr(), a.addr() + a.size(), a.size(), a.caller(), a.nr_pages(), a.nr_pages()));
        }
        return sb.toString();
    }

    /**
     * Linux 1.2 fs/proc/array.c: get_meminfo, the bytes table alone. 1.2 has no page cache for file data: what it
     * reads is kept in the buffer cache, so the simulated file pages count as buffers.
     */
    String meminfo12() {
        long pageSize = k.profile().pageSize();
        long total = k.totalram_pages();
        long free = k.nr_free_pages();
        StringBuilder sb = new StringBuilder();
        sb.append("        total:   used:    free:   shared:  buffers:\n");
        sb.append(String.format("Mem:  %8d %8d %8d %8d %8d\n", total * pageSize, (total - free) * pageSize,
            free * pageSize, 0, k.reclaim.nr_file_pages * pageSize));
        sb.append(String.format("Swap: %8d %8d %8d\n", 0, 0, 0));
        return sb.toString();
    }

    /**
     * Linux 2.0 fs/proc/array.c: get_meminfo, bytes table first, then the kB lines. The simulated file pages are
     * 2.0's page cache (page_cache_size), its "cached" column; the buffer cache is not modelled.
     */
    String meminfo20() {
        long pageSize = k.profile().pageSize();
        long total = k.totalram_pages();
        long free = k.nr_free_pages();
        long cached = k.reclaim.nr_file_pages;
        StringBuilder sb = new StringBuilder();
        sb.append("        total:    used:    free:  shared: buffers:  cached:\n");
        sb.append(String.format("Mem:  %8d %8d %8d %8d %8d %8d\n", total * pageSize, (total - free) * pageSize,
            free * pageSize, 0, 0, cached * pageSize));
        sb.append(String.format("Swap: %8d %8d %8d\n", 0, 0, 0));
        sb.append(String.format("MemTotal:  %8d kB\n", k.kb(total)));
        sb.append(String.format("MemFree:   %8d kB\n", k.kb(free)));
        sb.append(String.format("MemShared: %8d kB\n", 0));
        sb.append(String.format("Buffers:   %8d kB\n", 0));
        sb.append(String.format("Cached:    %8d kB\n", k.kb(cached)));
        sb.append(String.format("SwapTotal: %8d kB\n", 0));
        sb.append(String.format("SwapFree:  %8d kB\n", 0));
        return sb.toString();
    }

    /** mm/vmstat.c: extfrag_show_print and unusable_show_print. */
    String extfrag(boolean fragmentation) {
        StringBuilder sb = new StringBuilder();
        for (ZoneSnapshot z : k.zones()) {
            sb.append(String.format("Node %d, zone %8s ", 0, z.name()));
            long[] nr_free = z.nr_free();
            for (int o = 0; o < nr_free.length; o++) {
                int idx = fragmentation ? Fragmentation.fragmentation_index(nr_free, o)
                    : Fragmentation.unusable_free_index(nr_free, o);
                // mm/vmstat.c: extfrag_show_print pads ("%2d.%03d "), unusable_show_print does not.
                sb.append(fragmentation ? Fragmentation.format(idx) : Fragmentation.formatUnusable(idx)).append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
