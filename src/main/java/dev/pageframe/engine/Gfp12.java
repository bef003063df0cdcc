package dev.pageframe.engine;

/**
 * Linux 1.2's allocation priorities (include/linux/mm.h of 1.2): the levels 2.0 kept, without
 * 2.0.3x's GFP_IO. GFP_DMA asks kmalloc for ISA-reachable memory (mm/kmalloc.c of 1.2).
 */
public final class Gfp12 {
    private Gfp12() {}

    public static final int GFP_BUFFER = Gfp20.GFP_BUFFER;
    public static final int GFP_ATOMIC = Gfp20.GFP_ATOMIC;
    public static final int GFP_USER = Gfp20.GFP_USER;
    public static final int GFP_KERNEL = Gfp20.GFP_KERNEL;
    public static final int GFP_NOBUFFER = Gfp20.GFP_NOBUFFER;
    public static final int GFP_NFS = Gfp20.GFP_NFS;
    public static final int GFP_DMA = Gfp20.GFP_DMA;
    public static final int GFP_LEVEL_MASK = Gfp20.GFP_LEVEL_MASK;
}
