package dev.pageframe.engine;

/** The kernel generation a machine profile models; rules that changed between them branch on this. */
public enum Era {
    /** Linux 2.0 (1996): one free list per order, numeric GFP priorities, mem_start reservation. */
    LINUX_2_0,
    /** Linux 6.x: zones with watermarks, GFP bit flags, migrate types, memblock. */
    MODERN
}
