package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.FrameKind;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.FrameRun;
import java.util.List;

/**
 * A frame map cut into at most {@value #MAX_CELLS} equal cells of {@code framesPerCell} frames (a
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
        long first = map.firstPfn();
        long end = Math.max(map.endPfn(), first + 1);
        long per = 1;
        while (cellCount(first, end, per) > maxCells) {
            per <<= 1;
        }
        long base = Math.floorDiv(first, per) * per;
        int cells = (int) cellCount(first, end, per);
        int k = KINDS.length;
        long[] frames = new long[cells * k];
        for (FrameRun r : map.runs()) {
            long from = Math.max(r.startPfn(), base);
            long to = r.endPfn();
            if (to <= from) {
                continue;
            }
            int c0 = (int) ((from - base) / per);
            int c1 = (int) Math.min(cells - 1, (to - 1 - base) / per);
            int kind = r.kind().ordinal();
            if (c0 == c1) {
                frames[c0 * k + kind] += to - from;
                continue;
            }
            frames[c0 * k + kind] += base + (c0 + 1) * per - from;
            for (int c = c0 + 1; c < c1; c++) {
                frames[c * k + kind] += per;
            }
            frames[c1 * k + kind] += to - (base + c1 * per);
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
        int lo = 0;
        int hi = runs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (runs.get(mid).endPfn() <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long covered = 0;
        for (int i = lo; i < runs.size() && runs.get(i).startPfn() < to; i++) {
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
