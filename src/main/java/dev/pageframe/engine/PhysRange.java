package dev.pageframe.engine;

/** A physical address range [start, end) with what it is for. */
public record PhysRange(long start, long end, String label) {
    public long size() {
        return end - start;
    }
}
