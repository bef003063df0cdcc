package dev.pageframe.engine;

/**
 * Linux 2.0's allocation priorities (include/linux/mm.h of 2.0.3x): a small level in the low nibble
 * plus a DMA flag, not the bit masks of later kernels. GFP_IO (0x06) came with 2.0.3x; Linux 1.2
 * has the same levels without it (see {@link Gfp12}).
 */
public final class Gfp20 {
    private Gfp20() {}

    public static final int GFP_BUFFER = 0x00;
    public static final int GFP_ATOMIC = 0x01;
    public static final int GFP_USER = 0x02;
    public static final int GFP_KERNEL = 0x03;
    public static final int GFP_NOBUFFER = 0x04;
    public static final int GFP_NFS = 0x05;
    public static final int GFP_IO = 0x06;
    public static final int GFP_DMA = 0x80;
    public static final int GFP_LEVEL_MASK = 0x0f;

    private static final String[] LEVELS = {
        "GFP_BUFFER", "GFP_ATOMIC", "GFP_USER", "GFP_KERNEL", "GFP_NOBUFFER", "GFP_NFS", "GFP_IO"
    };

    /** Whether the value is one the era understood: a known level, optionally with GFP_DMA. */
    static boolean valid(int priority, Era era) {
        int levels = era == Era.LINUX_1_2 ? GFP_NFS + 1 : LEVELS.length;
        return (priority & ~(GFP_LEVEL_MASK | GFP_DMA)) == 0 && (priority & GFP_LEVEL_MASK) < levels;
    }

    /** Prints a priority as 2.0 code would spell it, e.g. {@code GFP_KERNEL|GFP_DMA}. */
    public static String names(int priority) {
        int level = priority & GFP_LEVEL_MASK;
        String name = level < LEVELS.length ? LEVELS[level] : "0x" + Integer.toHexString(level);
        return (priority & GFP_DMA) != 0 ? name + "|GFP_DMA" : name;
    }
}
