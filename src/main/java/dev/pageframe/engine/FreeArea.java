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

    /** Free blocks of this order on the given migrate type's list. */
    public long nr_free(int migratetype) {
        return migratetype >= 0 && migratetype < zone.nr_migratetypes
            ? zone.nr_free_mt[order * zone.nr_migratetypes + migratetype] : 0;
    }

    /** Head pfn of the migrate type's list, or {@link FrameTable#NIL}. */
    int head(int migratetype) {
        return zone.free_list[order * zone.nr_migratetypes + migratetype];
    }
}
