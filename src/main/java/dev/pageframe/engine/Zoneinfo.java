package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * /proc/zoneinfo (mm/vmstat.c: zoneinfo_show_print): every zone the kernel is built with, empty
 * ones (Movable here) included; the node's statistics under its first populated zone; then per
 * zone the watermarks, the protection array, the zone's counters and its per-CPU pageset. The
 * simulated machine has one CPU and keeps no pages on per-CPU lists.
 */
final class Zoneinfo {
    private final Kernel k;
    private final StringBuilder sb = new StringBuilder();

    Zoneinfo(Kernel k) {
        this.k = k;
    }

    String show() {
        boolean first = true;
        for (String name : zoneNames()) {
            Zone z = k.zones.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            boolean populated = z != null && z.present_pages > 0;
            sb.append(String.format("Node 0, zone %8s", name));
            if (populated && first) {
                nodeStats();
                first = false;
            }
            watermarks(z);
            if (populated) {
                zoneStats(z);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The zone types of this configuration, in index order, ending with the empty Movable zone. */
    private List<String> zoneNames() {
        List<String> names = new ArrayList<>();
        for (ZoneType t : ZoneType.values()) {
            if ((t == ZoneType.DMA32 && !k.profile().hasDma32()) || (t == ZoneType.HIGHMEM && !k.profile().hasHighmem())) {
                continue;
            }
            names.add(t.kernelName());
        }
        names.add("Movable");
        return names;
    }

    private void nodeStats() {
        sb.append("\n  per-node stats");
        long anon = ShowMem.nr_anon_pages(k.oom);
        long file = k.reclaim.nr_file_pages;
        stat("nr_inactive_anon", anon);
        stat("nr_active_anon", 0);
        stat("nr_inactive_file", file);
        stat("nr_active_file", 0);
        stat("nr_unevictable", 0);
        stat("nr_slab_reclaimable", 0);
        stat("nr_slab_unreclaimable", k.kmalloc.slabUnreclaimablePages());
        stat("nr_anon_pages", anon);
        stat("nr_file_pages", file);
        stat("nr_vmalloc", k.vmalloc.vmallocPages);
    }

    private void watermarks(Zone z) {
        long high = z == null ? 0 : z.high_wmark_pages();
        long low = z == null ? 0 : z.low_wmark_pages();
        sb.append("\n  pages free     ").append(z == null ? 0 : z.free_pages);
        sb.append("\n        boost    0");
        sb.append("\n        min      ").append(z == null ? 0 : z.min_wmark_pages());
        sb.append("\n        low      ").append(low);
        sb.append("\n        high     ").append(high);
        // WMARK_PROMO: high plus the same step again (mm/page_alloc.c: __setup_per_zone_wmarks).
        sb.append("\n        promo    ").append(high + (high - low));
        sb.append("\n        spanned  ").append(z == null ? 0 : z.spanned_pages);
        sb.append("\n        present  ").append(z == null ? 0 : z.present_pages);
        sb.append("\n        managed  ").append(z == null ? 0 : z.managed_pages);
        sb.append("\n        cma      0");
        List<Long> cols = z == null ? List.of() : ShowMem.lowmem_reserve_columns(k.profile(), z);
        sb.append("\n        protection: (");
        for (int i = 0; i < zoneNames().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(cols.isEmpty() ? 0 : cols.get(i));
        }
        sb.append(')');
    }

    private void zoneStats(Zone z) {
        long[] lru = ShowMem.lruPagesIn(k, z);
        stat("nr_free_pages", z.free_pages);
        stat("nr_zone_inactive_anon", lru[1]);
        stat("nr_zone_active_anon", 0);
        stat("nr_zone_inactive_file", lru[0]);
        stat("nr_zone_active_file", 0);
        stat("nr_zone_unevictable", 0);
        stat("nr_zone_write_pending", 0);
        stat("nr_mlock", 0);
        stat("nr_bounce", 0);
        stat("nr_free_cma", 0);
        sb.append("\n  pagesets");
        sb.append("\n    cpu: 0");
        sb.append("\n              count:    0");
        sb.append("\n              high:     0");
        sb.append("\n              batch:    1");
        sb.append("\n              high_min: 0");
        sb.append("\n              high_max: 0");
        sb.append("\n  vm stats threshold: 0");
        sb.append("\n  node_unreclaimable:  0");
        sb.append("\n  start_pfn:           ").append(z.zone_start_pfn);
    }

    private void stat(String name, long value) {
        sb.append(String.format("\n      %-12s %d", name, value));
    }
}
