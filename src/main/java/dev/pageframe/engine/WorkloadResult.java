package dev.pageframe.engine;

/**
 * What a workload did: operations, failures, simulated time, and samples taken along the way
 * (operation count, free pages, and the order-{@code sampleOrder} fragmentation index of the
 * largest zone) for charting.
 */
public record WorkloadResult(String name, long ops, long allocations, long failures, long simNs,
                             long[] sampleOps, long[] freePages, int[] fragIndex, int sampleOrder) {
    @Override
    public String toString() {
        return String.format("%s: %d ops, %d allocations, %d failed, %.3f ms simulated", name, ops, allocations,
            failures, simNs / 1e6);
    }
}
