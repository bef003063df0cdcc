package dev.pageframe.engine;

/** What a page frame is used for, as the frame map colours it. */
public enum FrameKind {
    FREE, PAGE, DMA, SLAB, VMALLOC, PAGECACHE, ANON, BOOT_RESERVED, KERNEL_IMAGE, FIRMWARE, HOLE
}
