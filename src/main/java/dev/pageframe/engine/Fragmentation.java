package dev.pageframe.engine;

/** The external fragmentation measures the kernel exports through debugfs (mm/vmstat.c). */
public final class Fragmentation {
    private Fragmentation() {}

    /**
     * mm/vmstat.c: __fragmentation_index. -1000 when a block of the order is free (the request would
     * succeed); otherwise towards 0 when memory is simply short, towards 1000 when it is fragmented.
     */
    public static int fragmentation_index(long[] nr_free, int order) {
        if (order >= nr_free.length) {
            return 0;
        }
        long blocks = 0;
        long free_pages = 0;
        long suitable = 0;
        for (int o = 0; o < nr_free.length; o++) {
            blocks += nr_free[o];
            free_pages += nr_free[o] << o;
            if (o >= order) {
                suitable += nr_free[o] << (o - order);
            }
        }
        if (blocks == 0) {
            return 0;
        }
        if (suitable > 0) {
            return -1000;
        }
        return (int) (1000 - (1000 + free_pages * 1000 / (1L << order)) / blocks);
    }

    /** mm/vmstat.c: unusable_free_index: the share (in thousandths) of free memory too small for the order. */
    public static int unusable_free_index(long[] nr_free, int order) {
        long free_pages = 0;
        long suitable = 0;
        for (int o = 0; o < nr_free.length; o++) {
            free_pages += nr_free[o] << o;
            if (o >= order) {
                suitable += nr_free[o] << (o - order);
            }
        }
        if (free_pages == 0) {
            return 1000;
        }
        return (int) ((free_pages - (suitable << order)) * 1000 / free_pages);
    }

    /**
     * A fragmentation index as extfrag_index prints it (mm/vmstat.c: "%2d.%03d"): the whole part
     * padded to two places, e.g. " 0.971" or "-1.000".
     */
    public static String format(int index) {
        return String.format("%2d.%03d", index / 1000, index % 1000);
    }

    /** An unusable-free index as unusable_index prints it (mm/vmstat.c: "%d.%03d"), e.g. "0.971". */
    public static String formatUnusable(int index) {
        return String.format("%d.%03d", index / 1000, index % 1000);
    }
}
