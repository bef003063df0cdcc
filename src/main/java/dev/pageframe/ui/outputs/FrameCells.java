package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.FrameKind;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.FrameRun;
import java.util.List;

/**
 * A frame map, or a pfn range of it when the view is zoomed, cut into at most {@value #MAX_CELLS} equal cells of {@code framesPerCell} frames (a
 * power of two, so cells line up with buddy blocks), each coloured by the kind holding most of its
 * frames, as the SVG renderer does. Built in one pass over runs and cells: a 16 GiB map of four
 * million frames costs what its few thousand cells and its runs cost.
 */
final class FrameCells {

    static final int MAX_CELLS = 8192;
    private static final FrameKind[] KINDS = FrameKind.values();

    final long firstPfn;
    final long endPfn;
    final long basePfn;
    final long framesPerCell;
    final int cells;
    /** Ordinal of each cell's majority kind. */
    final byte[] dominant;

    private FrameCells(long firstPfn, long endPfn, long basePfn, long framesPerCell, int cells, byte[] dominant) {
        this.firstPfn = firstPfn;
        this.endPfn = endPfn;
        this.basePfn = basePfn;
        this.framesPerCell = framesPerCell;
        this.cells = cells;
        this.dominant = dominant;
    }

    static FrameCells of(FrameMap map) {
        return of(map, MAX_CELLS);
    }

    static FrameCells of(FrameMap map, int maxCells) {
        return of(map, map.firstPfn(), map.endPfn(), maxCells);
    }

    /** The frames {@code [from, to)} of {@code map} only: what the map shows zoomed into a range. */
    static FrameCells of(FrameMap map, long from, long to, int maxCells) {
        long first = from;
        long end = Math.max(to, first + 1);
        long per = 1;
        while (cellCount(first, end, per) > maxCells) {
            per <<= 1;
        }
        long base = Math.floorDiv(first, per) * per;
        int cells = (int) cellCount(first, end, per);
        int k = KINDS.length;
        long[] frames = new long[cells * k];
        List<FrameRun> runs = map.runs();
        for (int i = firstRunEndingAfter(runs, first); i < runs.size() && runs.get(i).startPfn() < end; i++) {
            FrameRun r = runs.get(i);
            long runFrom = Math.max(r.startPfn(), first);
            long runTo = Math.min(r.endPfn(), end);
            if (runTo <= runFrom) {
                continue;
            }
            int c0 = (int) ((runFrom - base) / per);
            int c1 = (int) ((runTo - 1 - base) / per);
            int kind = r.kind().ordinal();
            if (c0 == c1) {
                frames[c0 * k + kind] += runTo - runFrom;
                continue;
            }
            frames[c0 * k + kind] += base + (c0 + 1) * per - runFrom;
            for (int c = c0 + 1; c < c1; c++) {
                frames[c * k + kind] += per;
            }
            frames[c1 * k + kind] += runTo - (base + c1 * per);
        }
        byte[] dominant = new byte[cells];
        int hole = FrameKind.HOLE.ordinal();
        for (int c = 0; c < cells; c++) {
            long cellStart = base + c * per;
            long inRange = Math.min(end, cellStart + per) - Math.max(first, cellStart);
            long covered = 0;
            for (int i = 0; i < k; i++) {
                covered += frames[c * k + i];
            }
            frames[c * k + hole] += Math.max(0, inRange - covered);
            int best = 0;
            for (int i = 1; i < k; i++) {
                // Ties go to the kind listed first, as in the SVG, so a map always draws the same way.
                if (frames[c * k + i] > frames[c * k + best]) {
                    best = i;
                }
            }
            dominant[c] = (byte) best;
        }
        return new FrameCells(first, end, base, per, cells, dominant);
    }

    /** The index of the first of {@code runs} (sorted by start) that ends after {@code pfn}. */
    private static int firstRunEndingAfter(List<FrameRun> runs, long pfn) {
        int lo = 0;
        int hi = runs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (runs.get(mid).endPfn() <= pfn) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** True when these cells show only part of {@code map}. */
    boolean isPartOf(FrameMap map) {
        return firstPfn > map.firstPfn() || endPfn < Math.max(map.endPfn(), map.firstPfn() + 1);
    }

    private static long cellCount(long first, long end, long per) {
        long base = Math.floorDiv(first, per) * per;
        return (end - base + per - 1) / per;
    }

    FrameKind kind(int cell) {
        return KINDS[dominant[cell]];
    }

    /** The cell holding {@code pfn}. */
    long cellOf(long pfn) {
        return Math.floorDiv(pfn - basePfn, framesPerCell);
    }

    long cellStart(int cell) {
        return basePfn + cell * framesPerCell;
    }

    /** The run holding {@code pfn}, or null when it falls in a hole; {@code runs} sorted by start. */
    static FrameRun runAt(List<FrameRun> runs, long pfn) {
        int lo = 0;
        int hi = runs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            FrameRun r = runs.get(mid);
            if (pfn < r.startPfn()) {
                hi = mid - 1;
            } else if (pfn >= r.endPfn()) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        return null;
    }

    /** Frames of each kind (by ordinal) in {@code [from, to)}, holes included. */
    static long[] framesByKind(List<FrameRun> runs, long from, long to) {
        long[] byKind = new long[KINDS.length];
        long covered = 0;
        for (int i = firstRunEndingAfter(runs, from); i < runs.size() && runs.get(i).startPfn() < to; i++) {
            FrameRun r = runs.get(i);
            long n = Math.min(to, r.endPfn()) - Math.max(from, r.startPfn());
            if (n > 0) {
                byKind[r.kind().ordinal()] += n;
                covered += n;
            }
        }
        byKind[FrameKind.HOLE.ordinal()] += (to - from) - covered;
        return byKind;
    }
}
