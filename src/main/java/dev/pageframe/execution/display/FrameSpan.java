package dev.pageframe.execution.display;

import java.util.Objects;

/**
 * {@code count} consecutive page frames from {@code startPfn}, all of one kind, in one zone.
 * {@code order} is the buddy order of the block they form, or -1 when that does not apply;
 * {@code owner} names who holds them (a slab cache, a driver, a task), or is empty.
 */
public record FrameSpan(long startPfn, long count, FrameMapKind kind, String zone, int order, String owner) {

    public FrameSpan {
        if (startPfn < 0 || count <= 0) {
            throw new IllegalArgumentException("a run needs a pfn ≥ 0 and a positive count: " + startPfn + "+" + count);
        }
        Objects.requireNonNull(kind, "kind");
        zone = Objects.requireNonNullElse(zone, "");
        owner = Objects.requireNonNullElse(owner, "");
        if (order < -1) {
            order = -1;
        }
    }

    /** A run with no order and no owner. */
    public FrameSpan(long startPfn, long count, FrameMapKind kind, String zone) {
        this(startPfn, count, kind, zone, -1, "");
    }

    /** The first pfn after the run. */
    public long endPfn() {
        return startPfn + count;
    }
}
