package dev.pageframe.engine;

import static dev.pageframe.engine.FrameTable.LRU_NIL;

import java.util.List;

/**
 * Page reclaim over a simulated page cache: clean file pages on one LRU list that kswapd and
 * direct reclaim drop, oldest first (mm/vmscan.c). There is no swap, so anonymous memory is only
 * ever freed by its owner or the OOM killer.
 */
final class Reclaim {
    /** mm/vmscan.c: SWAP_CLUSTER_MAX, the batch direct reclaim aims for. */
    static final int SWAP_CLUSTER_MAX = 32;

    private final FrameTable mem_map;
    private final List<Zone> zones;
    private final BuddyAllocator buddy;
    private final SimClock clock;
    private final CostModel cost;
    /** Most recently added at the head; reclaim takes from the tail. */
    private int lruHead = LRU_NIL;
    private int lruTail = LRU_NIL;
    long nr_file_pages;
    /** /proc/vmstat: pages scanned and reclaimed by kswapd and by direct reclaim, and kswapd's runs. */
    long pgscan_kswapd;
    long pgscan_direct;
    long pgsteal_kswapd;
    long pgsteal_direct;
    long pageoutrun;
    /** Pageframe's own count of wakeups; the kernel counts kswapd's runs (pageoutrun) instead. */
    long kswapd_wakeups;
    boolean kswapdPending;

    Reclaim(FrameTable mem_map, List<Zone> zones, BuddyAllocator buddy, SimClock clock, CostModel cost) {
        this.mem_map = mem_map;
        this.zones = zones;
        this.buddy = buddy;
        this.clock = clock;
        this.cost = cost;
    }

    /** Puts a freshly allocated order-0 page on the LRU as page cache. */
    void lru_add(int pfn) {
        mem_map.setLru(pfn, lruHead, LRU_NIL);
        if (lruHead != LRU_NIL) {
            mem_map.setLruPrev(lruHead, pfn);
        } else {
            lruTail = pfn;
        }
        lruHead = pfn;
        nr_file_pages++;
    }

    private void lru_del(int pfn) {
        int next = mem_map.lruNext(pfn);
        int prev = mem_map.lruPrev(pfn);
        if (prev == LRU_NIL) {
            lruHead = next;
        } else {
            mem_map.setLruNext(prev, next);
        }
        if (next == LRU_NIL) {
            lruTail = prev;
        } else {
            mem_map.setLruPrev(next, prev);
        }
        nr_file_pages--;
    }

    /** Moves an LRU entry from one frame to another, keeping its place in the list (page migration). */
    void relink(int src, int dst) {
        int next = mem_map.lruNext(src);
        int prev = mem_map.lruPrev(src);
        mem_map.setLru(dst, next, prev);
        if (prev == LRU_NIL) {
            lruHead = dst;
        } else {
            mem_map.setLruNext(prev, dst);
        }
        if (next == LRU_NIL) {
            lruTail = dst;
        } else {
            mem_map.setLruPrev(next, dst);
        }
    }

    /** Drops one page-cache page that the owner gave up (a truncated file). */
    void remove_from_page_cache(int pfn, Zone zone) {
        lru_del(pfn);
        mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
        buddy.free_one_page(zone, pfn, 0);
    }

    /**
     * Frees up to {@code target} page-cache pages that lie in the given zones, oldest first
     * (mm/vmscan.c: shrink_lruvec). Returns how many were freed.
     */
    long shrink(List<Zone> eligible, long target) {
        long freed = 0;
        int pfn = lruTail;
        while (pfn != LRU_NIL && freed < target) {
            int older = mem_map.lruPrev(pfn);
            Zone z = zoneIn(eligible, pfn);
            if (z != null) {
                lru_del(pfn);
                mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
                buddy.free_one_page(z, pfn, 0);
                freed++;
            }
            pfn = older;
        }
        clock.charge(freed * cost.reclaimPerPageNs());
        return freed;
    }

    /** Page-cache pages of one zone, found by walking the LRU (pages in use, not the zone's frames). */
    long nr_file_pages_in(Zone z) {
        long n = 0;
        for (int pfn = lruHead; pfn != LRU_NIL; pfn = mem_map.lruNext(pfn)) {
            if (z.contains(pfn)) {
                n++;
            }
        }
        return n;
    }

    /** Records that kswapd was woken; it runs when the caller returns, as the real one runs after the waker. */
    void wakeup_kswapd() {
        if (!kswapdPending) {
            kswapd_wakeups++;
        }
        kswapdPending = true;
    }

    private static Zone zoneIn(List<Zone> eligible, int pfn) {
        for (Zone z : eligible) {
            if (z.contains(pfn)) {
                return z;
            }
        }
        return null;
    }
}
