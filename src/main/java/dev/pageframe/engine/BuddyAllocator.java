package dev.pageframe.engine;

import static dev.pageframe.engine.FrameTable.BUDDY;
import static dev.pageframe.engine.FrameTable.NIL;

/**
 * The binary buddy system of one machine: taking blocks off a zone's free lists, splitting them,
 * and merging freed blocks with their buddies (mm/page_alloc.c). Watermarks and the choice of zone
 * live in {@link PageAllocator}; this class only moves blocks between lists.
 */
final class BuddyAllocator {
    private final FrameTable mem_map;
    private final int maxOrder;
    private final boolean mobilityGrouping;
    /**
     * Which piece of a split block the caller gets. Linux 1.2 (mm/swap.c) and 2.0 (mm/page_alloc.c: EXPAND) queue
     * the lower half at each halving and move on to the upper one, so the caller gets the highest-addressed piece;
     * since 2.6 expand() queues the upper half and the caller keeps the lowest.
     */
    private final boolean upperPieceToCaller;
    /** Counted for the cost model and for tests: halvings done by expand and merges done on free. */
    long splits;
    long merges;

    BuddyAllocator(FrameTable mem_map, int maxOrder, boolean mobilityGrouping, boolean upperPieceToCaller) {
        this.mem_map = mem_map;
        this.maxOrder = maxOrder;
        this.mobilityGrouping = mobilityGrouping;
        this.upperPieceToCaller = upperPieceToCaller;
    }

    /** Buddy of the block of the given order at pfn (mm/internal.h: __find_buddy_pfn). */
    static int buddy_pfn(int pfn, int order) {
        return pfn ^ (1 << order);
    }

    /**
     * Takes a block of exactly {@code order} pages from the zone, or returns -1.
     * Own migrate type first, then another type's lists (mm/page_alloc.c: __rmqueue).
     */
    int rmqueue(Zone zone, int order, int migratetype) {
        int pfn = rmqueue_smallest(zone, order, migratetype);
        if (pfn < 0 && mobilityGrouping) {
            pfn = rmqueue_fallback(zone, order, migratetype);
        }
        if (pfn >= 0) {
            zone.free_pages -= 1L << order;
        }
        return pfn;
    }

    /**
     * The smallest free block of at least {@code order} on the type's lists, split down to the
     * request (mm/page_alloc.c: __rmqueue_smallest); which part the caller receives is {@link #expand}'s.
     */
    int rmqueue_smallest(Zone zone, int order, int migratetype) {
        for (int current = order; current <= maxOrder; current++) {
            int pfn = zone.free_list_head(current, migratetype);
            if (pfn == NIL) {
                continue;
            }
            zone.del_page_from_free_list(pfn, current, migratetype);
            return expand(zone, pfn, order, current);
        }
        return -1;
    }

    /**
     * Halves a block of order {@code high} until it is of order {@code low}, putting one half on the
     * free list of its order at each step, and returns the pfn of the piece left for the caller: the
     * lowest-addressed one (mm/page_alloc.c: expand), or on 1.2 and 2.0 the highest (EXPAND).
     */
    int expand(Zone zone, int pfn, int low, int high) {
        int size = 1 << high;
        int mt = -1;
        while (high > low) {
            high--;
            size >>= 1;
            int half;
            if (upperPieceToCaller) {
                half = pfn;
                pfn += size;
            } else {
                half = pfn + size;
            }
            int halfMt;
            if (zone.withinOnePageblock(high + 1)) {
                // Both halves lie in the block's pageblock: its type is looked up once per request.
                if (mt < 0) {
                    mt = zone.free_list_mt(pfn);
                }
                halfMt = mt;
            } else {
                halfMt = zone.free_list_mt(half);
            }
            zone.add_to_free_list(half, high, halfMt);
            splits++;
        }
        // The piece becomes a head (an upper piece was a tail); whatever it becomes is set by the caller.
        mem_map.set(pfn, FrameTable.PAGE, 0, low, 0);
        return pfn;
    }

    /**
     * Steals from another migrate type when the requested type has nothing left: the largest block
     * first, to take over whole pageblocks rather than leave scattered pieces of foreign type
     * (mm/page_alloc.c: __rmqueue_fallback, find_suitable_fallback, steal_suitable_fallback).
     */
    private int rmqueue_fallback(Zone zone, int order, int start_mt) {
        int pageblockOrder = zone.pageblock_order;
        for (int current = maxOrder; current >= order; current--) {
            for (int fallback : MigrateType.FALLBACKS[start_mt]) {
                int pfn = zone.free_list_head(current, fallback);
                if (pfn == NIL) {
                    continue;
                }
                if (can_steal_fallback(current, start_mt, pageblockOrder)) {
                    steal_suitable_fallback(zone, pfn, start_mt);
                    return rmqueue_smallest(zone, order, start_mt);
                }
            }
        }
        // Nothing worth claiming: take the smallest foreign block without changing its pageblock.
        for (int current = order; current <= maxOrder; current++) {
            for (int fallback : MigrateType.FALLBACKS[start_mt]) {
                int pfn = zone.free_list_head(current, fallback);
                if (pfn != NIL) {
                    zone.del_page_from_free_list(pfn, current, fallback);
                    return expand(zone, pfn, order, current);
                }
            }
        }
        return -1;
    }

    /** mm/page_alloc.c: can_steal_fallback. */
    private static boolean can_steal_fallback(int order, int start_mt, int pageblockOrder) {
        return order >= pageblockOrder / 2
            || start_mt == MigrateType.MIGRATE_RECLAIMABLE
            || start_mt == MigrateType.MIGRATE_UNMOVABLE;
    }

    /** Claims the pageblock(s) of a free block for the stealing type, moving their free pages over. */
    private void steal_suitable_fallback(Zone zone, int pfn, int start_mt) {
        int order = mem_map.order(pfn);
        int pageblockPages = 1 << zone.pageblock_order;
        int first = pfn & ~(pageblockPages - 1);
        int end = pfn + Math.max(1 << order, pageblockPages);
        for (int block = Math.max(first, zone.zone_start_pfn); block < end && block < zone.zone_end_pfn();
             block += pageblockPages) {
            move_freepages_block(zone, block, start_mt);
        }
    }

    /** Relinks every free block starting in a pageblock onto the new type's lists, then retypes it. */
    void move_freepages_block(Zone zone, int blockStart, int newMt) {
        int oldMt = zone.get_pageblock_migratetype(blockStart);
        if (oldMt == newMt) {
            return;
        }
        int end = Math.min(blockStart + (1 << zone.pageblock_order), zone.zone_end_pfn());
        for (int p = blockStart; p < end; ) {
            if (mem_map.tag(p) == BUDDY) {
                int o = mem_map.order(p);
                zone.del_page_from_free_list(p, o, oldMt);
                zone.set_pageblock_migratetype(blockStart, newMt);
                zone.add_to_free_list(p, o, newMt);
                p += 1 << o;
            } else {
                p++;
            }
        }
        zone.set_pageblock_migratetype(blockStart, newMt);
    }

    /**
     * Returns a block to the zone and merges it with its buddy for as long as the buddy is a free
     * block of the same order in the same zone (mm/page_alloc.c: __free_one_page).
     */
    void free_one_page(Zone zone, int pfn, int order) {
        zone.free_pages += 1L << order;
        // While the merged block stays within one pageblock, every buddy shares pfn's type.
        int mt = -1;
        while (order < maxOrder) {
            int buddy = buddy_pfn(pfn, order);
            if (!zone.contains(buddy) || !page_is_buddy(buddy, order)) {
                break;
            }
            int buddyMt;
            if (zone.withinOnePageblock(order + 1)) {
                if (mt < 0) {
                    mt = zone.free_list_mt(pfn);
                }
                buddyMt = mt;
            } else {
                buddyMt = zone.free_list_mt(buddy);
            }
            zone.del_page_from_free_list(buddy, order, buddyMt);
            // The merged block starts at the lower of the two; the other head becomes a tail.
            int combined = buddy & pfn;
            mem_map.makeTail(combined == pfn ? buddy : pfn);
            pfn = combined;
            order++;
            merges++;
        }
        zone.add_to_free_list(pfn, order, mt >= 0 && zone.withinOnePageblock(order) ? mt : zone.free_list_mt(pfn));
    }

    /** The buddy is free and of the same order, so the two halves may merge (mm/internal.h: page_is_buddy). */
    private boolean page_is_buddy(int buddy, int order) {
        return mem_map.tag(buddy) == BUDDY && mem_map.order(buddy) == order;
    }
}
