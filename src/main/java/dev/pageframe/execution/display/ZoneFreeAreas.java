package dev.pageframe.execution.display;

import java.util.Arrays;
import java.util.Objects;

/**
 * One zone's line of /proc/buddyinfo: {@code nrFree[o]} free blocks of order o. {@code freePages}
 * is the zone's free-page count as the watermark check sees it (it also counts per-CPU lists);
 * -1 means "the pages in the free blocks". {@code watermarks} may be null.
 */
public record ZoneFreeAreas(String zone, long[] nrFree, long freePages, ZoneWatermarks watermarks) {

    public ZoneFreeAreas {
        Objects.requireNonNull(zone, "zone");
        nrFree = nrFree.clone();
        if (freePages < 0) {
            freePages = pagesInBlocks(nrFree);
        }
    }

    /** A zone's free areas without watermarks. */
    public ZoneFreeAreas(String zone, long[] nrFree) {
        this(zone, nrFree, -1, null);
    }

    @Override
    public long[] nrFree() {
        return nrFree.clone();
    }

    /** Free blocks of order {@code o}. */
    public long nrFree(int order) {
        return order < nrFree.length ? nrFree[order] : 0;
    }

    public int orders() {
        return nrFree.length;
    }

    /** Σ nr_free[o]·2^o: the pages held in the free lists. */
    public static long pagesInBlocks(long[] nrFree) {
        long pages = 0;
        for (int o = 0; o < nrFree.length; o++) {
            pages += nrFree[o] << o;
        }
        return pages;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneFreeAreas z && zone.equals(z.zone) && Arrays.equals(nrFree, z.nrFree)
                && freePages == z.freePages && Objects.equals(watermarks, z.watermarks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, Arrays.hashCode(nrFree), freePages, watermarks);
    }

    @Override
    public String toString() {
        return "ZoneFreeAreas[" + zone + ", " + Arrays.toString(nrFree) + ", free " + freePages
                + (watermarks == null ? "" : ", " + watermarks) + "]";
    }
}
