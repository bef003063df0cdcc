package dev.pageframe.engine;

import java.util.Arrays;

/** One order's free lists in a zone (include/linux/mmzone.h: struct free_area). */
public final class FreeArea {
    /** Head pfn of the list of each migrate type, or {@link FrameTable#NIL}. */
    final int[] free_list;
    /** Free blocks of this order in the zone, all migrate types together. */
    long nr_free;
    /** Per migrate type, for /proc/pagetypeinfo. */
    final long[] nr_free_mt;

    FreeArea(int migrateTypes) {
        free_list = new int[migrateTypes];
        Arrays.fill(free_list, FrameTable.NIL);
        nr_free_mt = new long[migrateTypes];
    }

    /** Free blocks of this order. */
    public long nr_free() {
        return nr_free;
    }

    /** Free blocks of this order on the given migrate type's list. */
    public long nr_free(int migratetype) {
        return migratetype < nr_free_mt.length ? nr_free_mt[migratetype] : 0;
    }
}
