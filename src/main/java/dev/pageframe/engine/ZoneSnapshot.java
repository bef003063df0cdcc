package dev.pageframe.engine;

/** One zone's counters at a moment: span, free pages, watermarks and free blocks per order. */
public record ZoneSnapshot(String name, long startPfn, long endPfn, long present, long managed, long free,
                           long min, long low, long high, long[] nr_free) {}
