package dev.pageframe.engine;

/**
 * One order's free lists in a zone (include/linux/mmzone.h: struct free_area), as a view: the
 * counts and list heads live in the zone's flat arrays, which the allocator's fast path indexes
 * directly.
 */
public final class FreeArea {
    private final Zone zone;
    private final int order;

    FreeArea(Zone zone, int order) {
        this.zone = zone;
        this.order = order;
    }

    /** Free blocks of this order. */
    public long nr_free() {
        return zone.nr_free[order];
    }

    /**
     * Free blocks of this order on the given migrate type's list, counted by walking it: the kernel keeps
     * no count per type (struct free_area has nr_free alone), and neither does the engine, whose every
     * split and merge would otherwise pay for one.
     */
    public long nr_free(int migratetype) {
        return nr_free(migratetype, Long.MAX_VALUE);
    }

    /** As {@link #nr_free(int)}, but the walk stops at {@code cap} blocks (mm/vmstat.c caps /proc/pagetypeinfo's). */
    long nr_free(int migratetype, long cap) {
        if (migratetype < 0 || migratetype >= zone.nr_migratetypes) {
            return 0;
        }
        return zone.count_free_list(order, migratetype, cap);
    }

    /** Whether the type's list is empty (include/linux/mmzone.h: free_area_empty). */
    public boolean free_area_empty(int migratetype) {
        return migratetype < 0 || migratetype >= zone.nr_migratetypes || head(migratetype) == FrameTable.NIL;
    }

    /** Head pfn of the migrate type's list, or {@link FrameTable#NIL}. */
    int head(int migratetype) {
        return zone.free_list[order * zone.nr_migratetypes + migratetype];
    }
}
