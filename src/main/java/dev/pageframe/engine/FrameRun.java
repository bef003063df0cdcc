package dev.pageframe.engine;

/** Consecutive frames with the same use: a free block of an order, a slab of a cache, a reservation. */
public record FrameRun(long startPfn, long count, FrameKind kind, String zone, int order, String owner) {}
