package dev.pageframe.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /proc/vmstat under the kernel's names and meanings, in mm/vmstat.c's order (vmstat_text), for
 * the counters this machine keeps; and, apart from it, the counters only Pageframe has.
 */
final class VmStat {
    private final Kernel k;

    VmStat(Kernel k) {
        this.k = k;
    }

    /** The zone names of TEXTS_FOR_ZONES for this kernel's configuration, with their counter index. */
    private Map<String, Integer> zoneTexts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("dma", ZoneType.DMA.ordinal());
        if (k.profile().hasDma32()) {
            m.put("dma32", ZoneType.DMA32.ordinal());
        }
        m.put("normal", ZoneType.NORMAL.ordinal());
        if (k.profile().hasHighmem()) {
            m.put("high", ZoneType.HIGHMEM.ordinal());
        }
        if (k.modern()) {
            m.put("movable", PageAllocator.ZONE_MOVABLE);
        }
        return m;
    }

    /** Counters by their /proc/vmstat names: zone and node state first, then the events. */
    Map<String, Long> counters() {
        PageAllocator pa = k.pages;
        Reclaim r = k.reclaim;
        Compaction c = pa.compaction;
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("nr_free_pages", k.nr_free_pages());
        m.put("nr_zone_inactive_anon", ShowMem.nr_anon_pages(k.oom));
        m.put("nr_zone_inactive_file", r.nr_file_pages);
        m.put("nr_inactive_anon", ShowMem.nr_anon_pages(k.oom));
        m.put("nr_inactive_file", r.nr_file_pages);
        m.put("nr_slab_reclaimable", 0L);
        m.put("nr_slab_unreclaimable", k.kmalloc.slabUnreclaimablePages());
        m.put("nr_anon_pages", ShowMem.nr_anon_pages(k.oom));
        m.put("nr_file_pages", r.nr_file_pages);
        m.put("nr_vmalloc", k.vmalloc.vmallocPages);
        Map<String, Integer> zones = zoneTexts();
        zones.forEach((name, i) -> m.put("pgalloc_" + name, pa.pgalloc[i]));
        zones.forEach((name, i) -> m.put("allocstall_" + name, pa.allocstall[i]));
        m.put("pgfree", pa.pgfree);
        m.put("pgsteal_kswapd", r.pgsteal_kswapd);
        m.put("pgsteal_direct", r.pgsteal_direct);
        m.put("pgscan_kswapd", r.pgscan_kswapd);
        m.put("pgscan_direct", r.pgscan_direct);
        m.put("pgscan_file", r.pgscan_kswapd + r.pgscan_direct);
        m.put("pgsteal_file", r.pgsteal_kswapd + r.pgsteal_direct);
        m.put("pageoutrun", r.pageoutrun);
        m.put("oom_kill", k.oom.oom_kills);
        m.put("pgmigrate_success", c.pgmigrate_success);
        m.put("compact_stall", c.compact_stall);
        m.put("compact_fail", c.compact_fail);
        m.put("compact_success", c.compact_success);
        return m;
    }

    /** Counters the kernel does not keep, which Pageframe shows for teaching. */
    Map<String, Long> pageframe() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("buddy_splits", k.buddy.splits);
        m.put("buddy_merges", k.buddy.merges);
        m.put("kswapd_wakeups", k.reclaim.kswapd_wakeups);
        m.put("alloc_fail", k.pages.alloc_fail);
        m.put("slub_order_fallback", k.kmalloc.order_fallback);
        return m;
    }

    static String text(Map<String, Long> counters) {
        StringBuilder sb = new StringBuilder();
        counters.forEach((name, v) -> sb.append(name).append(' ').append(v).append('\n'));
        return sb.toString();
    }
}
