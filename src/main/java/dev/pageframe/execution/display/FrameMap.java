package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Who holds which physical page frames: run-length {@link FrameSpan}s over the zones' pfn ranges.
 * Frames covered by no run are drawn as holes. Runs are kept sorted by pfn and may not overlap.
 */
public record FrameMap(String title, long pageSize, List<ZoneSpan> zones, List<FrameSpan> runs) implements Chart {

    public static final String KIND = "framemap";

    public FrameMap {
        title = Objects.requireNonNullElse(title, "");
        if (pageSize <= 0) {
            pageSize = 4096;
        }
        zones = zones.stream().sorted(Comparator.comparingLong(ZoneSpan::startPfn)).toList();
        List<FrameSpan> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(FrameSpan::startPfn));
        for (int i = 1; i < sorted.size(); i++) {
            FrameSpan prev = sorted.get(i - 1);
            FrameSpan next = sorted.get(i);
            if (next.startPfn() < prev.endPfn()) {
                throw new IllegalArgumentException("runs overlap: pfn " + next.startPfn() + " is in the run from "
                        + prev.startPfn() + " (" + prev.count() + " frames)");
            }
        }
        runs = List.copyOf(sorted);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The lowest pfn shown: the start of the first zone or run. */
    public long firstPfn() {
        long first = Long.MAX_VALUE;
        if (!zones.isEmpty()) {
            first = zones.getFirst().startPfn();
        }
        if (!runs.isEmpty()) {
            first = Math.min(first, runs.getFirst().startPfn());
        }
        return first == Long.MAX_VALUE ? 0 : first;
    }

    /** One past the highest pfn shown. */
    public long endPfn() {
        long end = firstPfn();
        for (ZoneSpan z : zones) {
            end = Math.max(end, z.endPfn());
        }
        if (!runs.isEmpty()) {
            end = Math.max(end, runs.getLast().endPfn());
        }
        return end;
    }

    /** Frames per kind, holes included (frames no run covers). */
    public long[] framesByKind() {
        long[] byKind = new long[FrameMapKind.values().length];
        long covered = 0;
        for (FrameSpan r : runs) {
            byKind[r.kind().ordinal()] += r.count();
            covered += r.count();
        }
        byKind[FrameMapKind.HOLE.ordinal()] += (endPfn() - firstPfn()) - covered;
        return byKind;
    }
}
