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

    /**
     * mm/page_alloc.c: calculate_totalreserve_pages. Per zone, the largest lowmem_reserve entry that
     * applies to it plus its high watermark, capped at what the zone manages; MemAvailable subtracts
     * the sum.
     */
    static long calculate_totalreserve_pages(List<Zone> zones) {
        long reserve = 0;
        for (Zone z : zones) {
            long max = 0;
            for (int j = z.type.ordinal(); j < z.lowmem_reserve.length; j++) {
                max = Math.max(max, z.lowmem_reserve[j]);
            }
            max += z.high_wmark_pages();
            reserve += Math.min(max, z.managed_pages);
        }
        return reserve;
    }

    /**
     * The legacy global reserve, sized from all of memory (end_mem - PAGE_OFFSET in pages), not
     * from the pages left free after boot. Returns {min_free_pages, free_pages_low, free_pages_high}.
     * <ul>
     * <li>mm/swap.c of 1.2 (free_area_init): pages / 64, at least 16; there is no kswapd, so no
     *     low and high marks.</li>
     * <li>mm/page_alloc.c of 2.0.0-2.0.2x: pages / 128, at least 16.</li>
     * <li>mm/page_alloc.c of 2.0.3x: pages / 128, at least 24, plus 24 (the slack that lets
     *     GFP_BUFFER and GFP_IO dig 12 + min/8 deeper).</li>
     * </ul>
     * In 2.0, low = min + min/2 and high = 2 * min.
     */
    static long[] legacy_free_pages(Era era, String release, long memPages) {
        if (era == Era.LINUX_1_2) {
            return new long[] {Math.max(16, memPages >> 6), 0, 0};
        }
        long i = memPages >> 7;
        if (sublevel(release) >= 30) {
            i = Math.max(24, i) + 24;
        } else {
            i = Math.max(16, i);
        }
        return new long[] {i, i + (i >> 1), i + i};
    }

    /** mm/page_alloc.c of 2.0.3x (__get_free_pages): GFP_BUFFER and GFP_IO keep 12 + min/8 fewer pages back once min >= 48. */
    static long reserved_pages_20(int level, long min_free_pages, String release) {
        long reserved = level == Gfp20.GFP_NFS ? 5 : min_free_pages;
        if (sublevel(release) >= 30 && (level == Gfp20.GFP_BUFFER || level == Gfp20.GFP_IO) && reserved >= 48) {
            reserved -= 12 + (reserved >> 3);
        }
        return reserved;
    }

    private static int sublevel(String release) {
        String[] parts = release.split("\\.");
        return parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
    }

    /** mm/page_alloc.c: __zone_watermark_ok. */
    static boolean zone_watermark_ok(Zone z, int order, long mark, ZoneType highest, int alloc_flags) {
        long free_pages = z.free_pages - ((1L << order) - 1);
        long min = mark;
        if ((alloc_flags & PageAllocator.ALLOC_MIN_RESERVE) != 0) {
            // __GFP_HIGH may use half the reserve; a caller that cannot sleep a further quarter.
            min -= min / 2;
            if ((alloc_flags & PageAllocator.ALLOC_NON_BLOCK) != 0) {
                min -= min / 4;
            }
        }
        if ((alloc_flags & PageAllocator.ALLOC_OOM) != 0) {
            min -= min / 2;
        }
        if (free_pages <= min + z.lowmem_reserve[highest.ordinal()]) {
            return false;
        }
        if (order == 0) {
            return true;
        }
        // Enough free pages in total is not enough: one block must be large enough.
        return (z.free_orders >>> order) != 0;
    }
}
