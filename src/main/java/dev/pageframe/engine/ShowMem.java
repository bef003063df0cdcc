package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory report warn_alloc and the OOM killer print (mm/show_mem.c: __show_mem and
 * show_free_areas), line for line in the kernel's layout. Page cache counts as inactive file
 * pages and user memory as inactive anonymous pages, where new pages start on the LRU.
 */
final class ShowMem {
    private static final char[] MIGRATE_LETTERS = {'U', 'M', 'E', 'H'};
    private final Kernel k;

    ShowMem(Kernel k) {
        this.k = k;
    }

    /** __show_mem: "Mem-Info:", the zones up to maxZone, their free lists, and the RAM totals. */
    List<String> show_mem(ZoneType maxZone) {
        List<String> out = new ArrayList<>();
        out.add("Mem-Info:");
        long free = k.nr_free_pages();
        long anon = ShowMem.nr_anon_pages(k.oom);
        long file = k.reclaim.nr_file_pages;
        out.add("active_anon:0 inactive_anon:" + anon + " isolated_anon:0");
        out.add(" active_file:0 inactive_file:" + file + " isolated_file:0");
        out.add(" unevictable:0 dirty:0 writeback:0");
        out.add(" slab_reclaimable:0 slab_unreclaimable:" + k.kmalloc.slabUnreclaimablePages());
        out.add(" mapped:0 shmem:0 pagetables:0");
        out.add(" sec_pagetables:0 bounce:0");
        out.add(" kernel_misc_reclaimable:0");
        out.add(" free:" + free + " free_pcp:0 free_cma:0");
        out.add("Node 0 active_anon:0kB inactive_anon:" + k.kb(anon) + "kB active_file:0kB inactive_file:" + k.kb(file)
            + "kB unevictable:0kB isolated(anon):0kB isolated(file):0kB mapped:0kB dirty:0kB writeback:0kB shmem:0kB"
            + " shmem_thp:0kB shmem_pmdmapped:0kB anon_thp:0kB writeback_tmp:0kB kernel_stack:0kB pagetables:0kB"
            + " sec_pagetables:0kB all_unreclaimable? no");
        List<Zone> shown = new ArrayList<>();
        for (Zone z : k.zones) {
            if (z.present_pages > 0 && z.type.ordinal() <= maxZone.ordinal()) {
                shown.add(z);
            }
        }
        for (Zone z : shown) {
            out.add(zoneLine(z));
            StringBuilder reserve = new StringBuilder("lowmem_reserve[]:");
            for (long r : lowmem_reserve_columns(k.profile(), z)) {
                reserve.append(' ').append(r);
            }
            out.add(reserve.toString());
        }
        for (Zone z : shown) {
            out.add(freeAreaLine(z));
        }
        out.add(file + " total pagecache pages");
        // mm/swap_state.c: show_swap_cache_info; this machine has no swap.
        out.add("0 pages in swap cache");
        out.add("Free swap  = 0kB");
        out.add("Total swap = 0kB");
        long present = 0;
        long reserved = 0;
        long highmem = 0;
        for (Zone z : k.zones) {
            present += z.present_pages;
            reserved += z.present_pages - z.managed_pages;
            highmem += z.type == ZoneType.HIGHMEM ? z.present_pages : 0;
        }
        out.add(present + " pages RAM");
        out.add(highmem + " pages HighMem/MovableOnly");
        out.add(reserved + " pages reserved");
        out.add("0 pages cma reserved");
        out.add("0 pages hwpoisoned");
        return out;
    }

    private String zoneLine(Zone z) {
        long[] lru = ShowMem.lruPagesIn(k, z);
        return "Node 0 " + z.name() + " free:" + k.kb(z.free_pages) + "kB boost:0kB min:" + k.kb(z.min_wmark_pages())
            + "kB low:" + k.kb(z.low_wmark_pages()) + "kB high:" + k.kb(z.high_wmark_pages())
            + "kB reserved_highatomic:0KB active_anon:0kB inactive_anon:" + k.kb(lru[1])
            + "kB active_file:0kB inactive_file:" + k.kb(lru[0]) + "kB unevictable:0kB writepending:0kB present:"
            + k.kb(z.present_pages) + "kB managed:" + k.kb(z.managed_pages)
            + "kB mlocked:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB";
    }

    /** "Node 0 DMA: 1*4kB (U) 0*8kB ... = 4kB": count and size per order, with the lists that hold blocks. */
    private String freeAreaLine(Zone z) {
        StringBuilder sb = new StringBuilder("Node 0 ").append(z.name()).append(": ");
        long total = 0;
        for (int o = 0; o < z.free_area.length; o++) {
            FreeArea a = z.free_area[o];
            sb.append(a.nr_free()).append('*').append(k.kb(1L << o)).append("kB ");
            total += a.nr_free() << o;
            if (a.nr_free() > 0) {
                sb.append('(');
                for (int mt = 0; mt < z.nr_migratetypes; mt++) {
                    if (!a.free_area_empty(mt)) {
                        sb.append(MIGRATE_LETTERS[mt]);
                    }
                }
                sb.append(") ");
            }
        }
        return sb.append("= ").append(k.kb(total)).append("kB").toString();
    }

    /**
     * One lowmem_reserve entry per zone type the kernel is built with: DMA, DMA32 (64-bit),
     * Normal, HighMem (32-bit) and Movable, which is empty here and so repeats the last value.
     */
    static List<Long> lowmem_reserve_columns(MachineProfile p, Zone z) {
        List<Long> cols = new ArrayList<>();
        for (ZoneType t : ZoneType.values()) {
            if ((t == ZoneType.DMA32 && !p.hasDma32()) || (t == ZoneType.HIGHMEM && !p.hasHighmem())) {
                continue;
            }
            cols.add(z.lowmem_reserve[t.ordinal()]);
        }
        cols.add(cols.getLast());
        return cols;
    }

    /** Pages user tasks hold (NR_ANON_PAGES). */
    static long nr_anon_pages(OomKiller oom) {
        long anon = 0;
        for (OomKiller.Task t : oom.tasks()) {
            anon += t.pages.size();
        }
        return anon;
    }

    /**
     * {file, anon} pages on the LRU that lie in this zone. Walks the pages in use (the LRU and each
     * task's pages), not the zone's frames, so a large idle machine answers at once.
     */
    static long[] lruPagesIn(Kernel k, Zone z) {
        long anon = 0;
        for (OomKiller.Task t : k.oom.tasks()) {
            for (int i = 0; i < t.pages.size(); i++) {
                if (z.contains(t.pages.get(i))) {
                    anon++;
                }
            }
        }
        return new long[] {k.reclaim.nr_file_pages_in(z), anon};
    }
}
