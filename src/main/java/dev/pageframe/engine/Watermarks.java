package dev.pageframe.engine;

import java.util.List;

/** How the kernel sizes its free-page reserves, per era. */
final class Watermarks {
    private Watermarks() {}

    static final int WATERMARK_SCALE_FACTOR = 10;
    /** mm/page_alloc.c: sysctl_lowmem_reserve_ratio, indexed by zone type. */
    static final long[] LOWMEM_RESERVE_RATIO = {256, 256, 32, 0};

    /** Floor of the square root, as lib/math/int_sqrt.c computes it. */
    static long int_sqrt(long x) {
        long r = (long) Math.sqrt((double) x);
        while (r * r > x) {
            r--;
        }
        while ((r + 1) * (r + 1) <= x) {
            r++;
        }
        return r;
    }

    /** mm/page_alloc.c: calculate_min_free_kbytes. */
    static long min_free_kbytes(long lowmemKbytes) {
        long v = int_sqrt(lowmemKbytes * 16);
        return Math.clamp(v, 128, 262144);
    }

    /** mm/page_alloc.c: __setup_per_zone_wmarks. */
    static void setup_per_zone_wmarks(List<Zone> zones, long min_free_kbytes, int pageShift) {
        long pages_min = min_free_kbytes >> (pageShift - 10);
        long lowmem_pages = 0;
        for (Zone z : zones) {
            if (z.type != ZoneType.HIGHMEM) {
                lowmem_pages += z.managed_pages;
            }
        }
        for (Zone z : zones) {
            long tmp = lowmem_pages == 0 ? 0 : pages_min * z.managed_pages / lowmem_pages;
            if (z.type == ZoneType.HIGHMEM) {
                // HighMem cannot serve atomic allocations anyway, so it keeps only a token reserve.
                z._watermark[Zone.WMARK_MIN] = Math.clamp(z.managed_pages / 1024, 32, 128);
            } else {
                z._watermark[Zone.WMARK_MIN] = tmp;
            }
            long delta = Math.max(tmp >> 2, z.managed_pages * WATERMARK_SCALE_FACTOR / 10000);
            z._watermark[Zone.WMARK_LOW] = z._watermark[Zone.WMARK_MIN] + delta;
            z._watermark[Zone.WMARK_HIGH] = z._watermark[Zone.WMARK_MIN] + 2 * delta;
        }
    }

    /**
     * mm/page_alloc.c: setup_per_zone_lowmem_reserve. Each zone holds back, from requests that could
     * have used a higher zone, the pages of all zones above it divided by its ratio.
     */
    static void setup_per_zone_lowmem_reserve(List<Zone> zones) {
        ZoneType[] types = ZoneType.values();
        for (Zone z : zones) {
            long ratio = LOWMEM_RESERVE_RATIO[z.type.ordinal()];
            boolean clear = ratio == 0 || z.managed_pages == 0;
            long managed = 0;
            java.util.Arrays.fill(z.lowmem_reserve, 0);
            for (int j = z.type.ordinal() + 1; j < types.length; j++) {
                for (Zone upper : zones) {
                    if (upper.type.ordinal() == j) {
                        managed += upper.managed_pages;
                    }
                }
                z.lowmem_reserve[j] = clear ? 0 : managed / ratio;
            }
        }
    }

    /** Linux 2.0 mm init: one global reserve of 1/128 of memory, at least 16 pages. */
    static long min_free_pages_20(long freePages) {
        return Math.max(16, freePages >> 7);
    }
}
