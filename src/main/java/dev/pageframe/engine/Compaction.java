package dev.pageframe.engine;

import static dev.pageframe.engine.FrameTable.ANON;
import static dev.pageframe.engine.FrameTable.BUDDY;
import static dev.pageframe.engine.FrameTable.PAGECACHE;

/**
 * Memory compaction (mm/compaction.c): a migrate scanner walks up from the bottom of the zone
 * looking for movable pages, a free scanner walks down from the top collecting free pages, and each
 * movable page is copied to a free page near the top. The holes left at the bottom merge into
 * larger blocks. Only page cache and user memory can move; kernel allocations pin their frames.
 */
final class Compaction {
    /** mm/compaction.c: sysctl_extfrag_threshold. Below it a failure is lack of memory, not fragmentation. */
    static final int EXTFRAG_THRESHOLD = 500;

    private final FrameTable mem_map;
    private final BuddyAllocator buddy;
    private final Reclaim reclaim;
    private final OomKiller oom;
    private final SimClock clock;
    private final long migrateCostNs;
    /** /proc/vmstat: direct compaction attempts and their outcomes (counted by the page allocator). */
    long compact_stall;
    long compact_success;
    long compact_fail;
    long pgmigrate_success;

    Compaction(FrameTable mem_map, BuddyAllocator buddy, Reclaim reclaim, OomKiller oom, SimClock clock,
               CostModel cost, long pageSize) {
        this.mem_map = mem_map;
        this.buddy = buddy;
        this.reclaim = reclaim;
        this.oom = oom;
        this.clock = clock;
        // Copying a page reads and writes it once; unmapping and remapping adds a fixed cost.
        this.migrateCostNs = 2 * cost.clearNs(pageSize) + 500;
    }

    /** mm/compaction.c: compact_gap: room for the pages being migrated and their copies. */
    static long compact_gap(int order) {
        return 2L << order;
    }

    /**
     * mm/compaction.c: __compaction_suitable and compaction_suitable. Compaction needs free pages to
     * migrate into: the zone must pass the order-0 watermark check (low for costly orders, min
     * otherwise) with compact_gap on top. For costly orders a low fragmentation index also rules
     * it out: then the zone is short of memory, not fragmented.
     */
    static boolean suitable(Zone z, int order, ZoneType highest) {
        long watermark = order > PageAllocator.PAGE_ALLOC_COSTLY_ORDER ? z.low_wmark_pages() : z.min_wmark_pages();
        watermark += compact_gap(order);
        if (!Watermarks.zone_watermark_ok(z, 0, watermark, highest, 0)) {
            return false;
        }
        if (order > PageAllocator.PAGE_ALLOC_COSTLY_ORDER) {
            long[] nr = new long[z.free_area.length];
            for (int o = 0; o < nr.length; o++) {
                nr[o] = z.nr_free[o];
            }
            int idx = Fragmentation.fragmentation_index(nr, order);
            return !(idx >= 0 && idx <= EXTFRAG_THRESHOLD);
        }
        return true;
    }

    private static boolean blockAvailable(Zone z, int order) {
        for (int o = order; o < z.free_area.length; o++) {
            if (z.nr_free[o] > 0) {
                return true;
            }
        }
        return false;
    }

    /** mm/compaction.c: compact_zone. True when a free block of the order exists afterwards. */
    boolean compact_zone(Zone z, int order) {
        IntList targets = new IntList();
        int migrate = z.zone_start_pfn;
        int freeScan = z.zone_end_pfn() - 1;
        boolean done = false;
        while (migrate < freeScan) {
            if (blockAvailable(z, order)) {
                done = true;
                break;
            }
            int tag = mem_map.tag(migrate);
            if (tag == PAGECACHE || tag == ANON) {
                if (targets.size() == 0) {
                    freeScan = isolate_freepages(z, freeScan, migrate, targets);
                }
                if (targets.size() == 0) {
                    break;
                }
                int dst = targets.removeLast();
                migrate_page(migrate, dst);
                buddy.free_one_page(z, migrate, 0);
                pgmigrate_success++;
                clock.charge(migrateCostNs);
                migrate++;
            } else if (tag == BUDDY || tag == FrameTable.PAGE || tag == FrameTable.SLAB) {
                migrate += 1 << mem_map.order(migrate);
            } else {
                migrate++;
            }
        }
        // Free pages isolated but not used go back.
        for (int i = 0; i < targets.size(); i++) {
            buddy.free_one_page(z, targets.get(i), 0);
        }
        return done || blockAvailable(z, order);
    }

    /** mm/compaction.c: isolate_freepages: takes free blocks from the top, split into single pages. */
    private int isolate_freepages(Zone z, int from, int floor, IntList targets) {
        int pfn = from;
        while (pfn > floor && targets.size() < Reclaim.SWAP_CLUSTER_MAX) {
            if (mem_map.tag(pfn) == BUDDY) {
                int o = mem_map.order(pfn);
                z.del_page_from_free_list(pfn, o, z.free_list_mt(pfn));
                z.free_pages -= 1L << o;
                for (int p = pfn + (1 << o) - 1; p >= pfn; p--) {
                    mem_map.set(p, FrameTable.PAGE, 0, 0, 0);
                    targets.add(p);
                }
            }
            pfn--;
        }
        return pfn;
    }

    /** Moves a movable page's contents and ownership to dst (mm/migrate.c: migrate_pages). */
    private void migrate_page(int src, int dst) {
        int tag = mem_map.tag(src);
        if (tag == PAGECACHE) {
            reclaim.relink(src, dst);
        } else {
            OomKiller.Task t = oom.task(mem_map.anonPid(src));
            mem_map.setAnon(dst, mem_map.anonPid(src), mem_map.anonIndex(src));
            t.pages.set(mem_map.anonIndex(src), dst);
        }
        mem_map.set(src, FrameTable.PAGE, 0, 0, 0);
    }
}
