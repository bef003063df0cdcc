package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link FrameMap} from zones and runs of frames; start from {@link Charts#frameMap(String)}. */
public final class FrameMapBuilder implements ChartBuilder<FrameMap> {

    private final String title;
    private long pageSize = 4096;
    private final List<ZoneSpan> zones = new ArrayList<>();
    private final List<FrameSpan> runs = new ArrayList<>();

    FrameMapBuilder(String title) {
        this.title = title;
    }

    /** Bytes per page frame (default 4096). */
    public FrameMapBuilder pageSize(long bytes) {
        this.pageSize = bytes;
        return this;
    }

    /** A zone covering pfns {@code [startPfn, endPfn)}. */
    public FrameMapBuilder zone(String name, long startPfn, long endPfn) {
        zones.add(new ZoneSpan(name, startPfn, endPfn));
        return this;
    }

    /** {@code count} frames of one kind from {@code startPfn}, with no order or owner. */
    public FrameMapBuilder run(long startPfn, long count, FrameMapKind kind, String zone) {
        return run(new FrameSpan(startPfn, count, kind, zone));
    }

    /** {@code count} frames from {@code startPfn} forming a block of {@code order} held by {@code owner}. */
    public FrameMapBuilder run(long startPfn, long count, FrameMapKind kind, String zone, int order, String owner) {
        return run(new FrameSpan(startPfn, count, kind, zone, order, owner));
    }

    public FrameMapBuilder run(FrameSpan run) {
        runs.add(run);
        return this;
    }

    public FrameMapBuilder runs(List<FrameSpan> more) {
        runs.addAll(more);
        return this;
    }

    @Override
    public FrameMap build() {
        return new FrameMap(title, pageSize, zones, runs);
    }
}
