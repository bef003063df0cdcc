package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * GFP ("get free pages") masks of modern kernels: bit values, the composite masks drivers use, and
 * the name decoding the kernel's tracepoints and failure warnings print.
 * Bits from include/linux/gfp_types.h; names from include/trace/events/mmflags.h.
 */
public final class Gfp {
    private Gfp() {}

    public static final int __GFP_DMA = 0x01;
    public static final int __GFP_HIGHMEM = 0x02;
    public static final int __GFP_DMA32 = 0x04;
    public static final int __GFP_MOVABLE = 0x08;
    public static final int __GFP_RECLAIMABLE = 0x10;
    public static final int __GFP_HIGH = 0x20;
    public static final int __GFP_IO = 0x40;
    public static final int __GFP_FS = 0x80;
    public static final int __GFP_ZERO = 0x100;
    public static final int __GFP_DIRECT_RECLAIM = 0x400;
    public static final int __GFP_KSWAPD_RECLAIM = 0x800;
    public static final int __GFP_WRITE = 0x1000;
    public static final int __GFP_NOWARN = 0x2000;
    public static final int __GFP_RETRY_MAYFAIL = 0x4000;
    public static final int __GFP_NOFAIL = 0x8000;
    public static final int __GFP_NORETRY = 0x10000;
    public static final int __GFP_MEMALLOC = 0x20000;
    public static final int __GFP_COMP = 0x40000;
    public static final int __GFP_NOMEMALLOC = 0x80000;
    public static final int __GFP_HARDWALL = 0x100000;
    public static final int __GFP_THISNODE = 0x200000;
    public static final int __GFP_ACCOUNT = 0x400000;

    public static final int __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM;
    public static final int GFP_ZONEMASK = __GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE;

    public static final int GFP_ATOMIC = __GFP_HIGH | __GFP_KSWAPD_RECLAIM;
    public static final int GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS;
    public static final int GFP_KERNEL_ACCOUNT = GFP_KERNEL | __GFP_ACCOUNT;
    public static final int GFP_NOWAIT = __GFP_KSWAPD_RECLAIM | __GFP_NOWARN;
    public static final int GFP_NOIO = __GFP_RECLAIM;
    public static final int GFP_NOFS = __GFP_RECLAIM | __GFP_IO;
    public static final int GFP_USER = __GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL;
    public static final int GFP_DMA = __GFP_DMA;
    public static final int GFP_DMA32 = __GFP_DMA32;
    public static final int GFP_HIGHUSER = GFP_USER | __GFP_HIGHMEM;
    public static final int GFP_HIGHUSER_MOVABLE = GFP_HIGHUSER | __GFP_MOVABLE;

    /** Composite names first, then single bits, in the order mmflags.h lists them. */
    private static final Object[][] NAMES = {
        {GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"},
        {GFP_HIGHUSER, "GFP_HIGHUSER"},
        {GFP_USER, "GFP_USER"},
        {GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT"},
        {GFP_KERNEL, "GFP_KERNEL"},
        {GFP_NOFS, "GFP_NOFS"},
        {GFP_ATOMIC, "GFP_ATOMIC"},
        {GFP_NOIO, "GFP_NOIO"},
        {GFP_NOWAIT, "GFP_NOWAIT"},
        {GFP_DMA, "GFP_DMA"},
        {__GFP_HIGHMEM, "__GFP_HIGHMEM"},
        {GFP_DMA32, "GFP_DMA32"},
        {__GFP_HIGH, "__GFP_HIGH"},
        {__GFP_IO, "__GFP_IO"},
        {__GFP_FS, "__GFP_FS"},
        {__GFP_ZERO, "__GFP_ZERO"},
        {__GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM"},
        {__GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM"},
        {__GFP_WRITE, "__GFP_WRITE"},
        {__GFP_NOWARN, "__GFP_NOWARN"},
        {__GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL"},
        {__GFP_NOFAIL, "__GFP_NOFAIL"},
        {__GFP_NORETRY, "__GFP_NORETRY"},
        {__GFP_MEMALLOC, "__GFP_MEMALLOC"},
        {__GFP_COMP, "__GFP_COMP"},
        {__GFP_NOMEMALLOC, "__GFP_NOMEMALLOC"},
        {__GFP_HARDWALL, "__GFP_HARDWALL"},
        {__GFP_THISNODE, "__GFP_THISNODE"},
        {__GFP_ACCOUNT, "__GFP_ACCOUNT"},
        {__GFP_MOVABLE, "__GFP_MOVABLE"},
        {__GFP_RECLAIMABLE, "__GFP_RECLAIMABLE"},
    };

    /** Decodes a mask the way trace output does: {@code GFP_KERNEL|__GFP_COMP}; "none" for 0. */
    public static String names(int gfp) {
        if (gfp == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        int rest = gfp;
        for (Object[] entry : NAMES) {
            int mask = (Integer) entry[0];
            if ((rest & mask) == mask && mask != 0) {
                parts.add((String) entry[1]);
                rest &= ~mask;
            }
        }
        if (rest != 0) {
            parts.add("0x" + Integer.toHexString(rest));
        }
        return String.join("|", parts);
    }

    /**
     * The highest zone a mask may use (include/linux/gfp.h: gfp_zone). A kernel built without ZONE_DMA32, as every
     * 32-bit one is, maps {@code __GFP_DMA32} to Normal (OPT_ZONE_DMA32): below 4 GiB is all of its low memory.
     */
    static ZoneType gfp_zone(int gfp, boolean zoneDma32) {
        if ((gfp & __GFP_DMA) != 0) {
            return ZoneType.DMA;
        }
        if ((gfp & __GFP_DMA32) != 0) {
            return zoneDma32 ? ZoneType.DMA32 : ZoneType.NORMAL;
        }
        if ((gfp & __GFP_HIGHMEM) != 0) {
            return ZoneType.HIGHMEM;
        }
        return ZoneType.NORMAL;
    }

    /** Free-list type a request is served from (include/linux/gfp.h: gfp_migratetype). */
    static int gfp_migratetype(int gfp) {
        if ((gfp & __GFP_MOVABLE) != 0) {
            return MigrateType.MIGRATE_MOVABLE;
        }
        if ((gfp & __GFP_RECLAIMABLE) != 0) {
            return MigrateType.MIGRATE_RECLAIMABLE;
        }
        return MigrateType.MIGRATE_UNMOVABLE;
    }

    /** A mask may sleep exactly when it allows direct reclaim (include/linux/gfp.h: gfpflags_allow_blocking). */
    public static boolean gfpflags_allow_blocking(int gfp) {
        return (gfp & __GFP_DIRECT_RECLAIM) != 0;
    }
}
