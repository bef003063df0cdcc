package dev.pageframe.engine;

/**
 * Simulated time charged per operation, in nanoseconds, for one era's hardware. Clearing memory is
 * charged at the era's memory bandwidth, which is why 2.0's clearing get_free_page cost so much
 * more than __get_free_page.
 */
public record CostModel(
        long pageAllocBaseNs,
        long perSplitNs,
        long pageFreeBaseNs,
        long perMergeNs,
        double memoryBytesPerNs,
        long reclaimPerPageNs,
        long slabAllocNs,
        long vmapPerPageNs) {

    /** Time to clear (or copy once) the given number of bytes at this era's memory bandwidth. */
    public long clearNs(long bytes) {
        return Math.round(bytes / memoryBytesPerNs);
    }

    /** A Pentium-class PC of 1996 with EDO RAM: memset runs at roughly 80 MB/s. */
    static final CostModel PC_1996 = new CostModel(1_500, 200, 1_000, 200, 0.08, 20_000, 900, 3_000);
    /** A 1996 Alpha 21164 workstation: faster CPU and memory than the PC of its day. */
    static final CostModel ALPHA_1996 = new CostModel(600, 80, 400, 80, 0.25, 8_000, 400, 1_200);
    /** A 32-bit PC of the late 2000s. */
    static final CostModel PC_2008 = new CostModel(300, 30, 250, 30, 3.0, 2_000, 60, 300);
    /** A current x86-64 server core: about 12 GB/s for a single-threaded clear. */
    static final CostModel PC_2024 = new CostModel(120, 15, 100, 15, 12.0, 1_000, 25, 150);
}
