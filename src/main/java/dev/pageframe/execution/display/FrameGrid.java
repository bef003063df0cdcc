package dev.pageframe.execution.display;

import java.util.List;

/**
 * A frame map, or a pfn range of it, cut into at most {@code maxCells} equal cells of
 * {@code framesPerCell} frames (a power of two, so cells line up with buddy blocks), each labelled
 * with the kind that holds most of its frames. The one grouping behind the SVG, the text summary and
 * the app's canvas, so they draw the same cells by construction. Built in one pass over runs and
 * cells: a 16 GiB map of four million frames costs what its few thousand cells and its runs cost.
 */
public final class FrameGrid {
    /** The most cells a chart draws (128 × 64 at 4 px is as much detail as the eye takes in): 16 GiB is 8192 cells of 512 frames. */
    public static final int MAX_CELLS = 8192;
    private static final FrameMapKind[] KINDS = FrameMapKind.values();

    private final long firstPfn;
    private final long endPfn;
    private final long basePfn;
    private final long framesPerCell;
    private final int cells;
    /** Ordinal of each cell's majority kind. */
    private final byte[] dominant;

    private FrameGrid(long firstPfn, long endPfn, long basePfn, long framesPerCell, byte[] dominant) {
        this.firstPfn = firstPfn;
        this.endPfn = endPfn;
        this.basePfn = basePfn;
        this.framesPerCell = framesPerCell;
        this.cells = dominant.length;
        this.dominant = dominant;
    }

    /** The whole map in at most {@link #MAX_CELLS} cells. */
    public static FrameGrid of(FrameMap map) {
        return of(map, MAX_CELLS);
    }

    /** The whole map with the fewest frames per cell that still needs at most {@code maxCells} cells. */
    public static FrameGrid of(FrameMap map, int maxCells) {
        return of(map, map.firstPfn(), map.endPfn(), maxCells);
    }

    /** The frames {@code [from, to)} of {@code map} only: what the map shows zoomed into a range. */
    public static FrameGrid of(FrameMap map, long from, long to, int maxCells) {
        long first = from;
        long end = Math.max(to, first + 1);
        long per = 1;
        while (cellCount(first, end, per) > maxCells) {
            per <<= 1;
        }
        long base = Math.floorDiv(first, per) * per;
        int cells = (int) cellCount(first, end, per);
        long[] frames = countFrames(map.runs(), first, end, base, per, cells);
        byte[] dominant = new byte[cells];
        int k = KINDS.length;
        int hole = FrameMapKind.HOLE.ordinal();
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
                // Ties go to the kind listed first, so the same map always draws the same way.
                if (frames[c * k + i] > frames[c * k + best]) {
                    best = i;
                }
            }
            dominant[c] = (byte) best;
        }
        return new FrameGrid(first, end, base, per, dominant);
    }

    /** Frames of each kind per cell ({@code cell * kinds + ordinal}), holes not yet counted. */
    private static long[] countFrames(List<FrameSpan> runs, long first, long end, long base, long per, int cells) {
        int k = KINDS.length;
        long[] frames = new long[cells * k];
        for (int i = firstRunEndingAfter(runs, first); i < runs.size() && runs.get(i).startPfn() < end; i++) {
            FrameSpan r = runs.get(i);
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
        return frames;
    }

    private static long cellCount(long first, long end, long per) {
        long base = Math.floorDiv(first, per) * per;
        return (end - base + per - 1) / per;
    }

    /** The index of the first of {@code runs} (sorted by start) that ends after {@code pfn}. */
    private static int firstRunEndingAfter(List<FrameSpan> runs, long pfn) {
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

    /** The first pfn grouped. */
    public long firstPfn() {
        return firstPfn;
    }

    /** The pfn after the last one grouped. */
    public long endPfn() {
        return endPfn;
    }

    /** The first pfn of cell 0 (at or below {@link #firstPfn}, aligned to {@link #framesPerCell}). */
    public long basePfn() {
        return basePfn;
    }

    /** Frames per cell, a power of two. */
    public long framesPerCell() {
        return framesPerCell;
    }

    /** How many cells there are. */
    public int cells() {
        return cells;
    }

    /** The kind holding most frames of {@code cell}. */
    public FrameMapKind kind(int cell) {
        return KINDS[dominant[cell]];
    }

    /** {@link #kind}'s ordinal, for drawing runs of equal cells without a lookup per cell. */
    public byte kindOrdinal(int cell) {
        return dominant[cell];
    }

    /** The cell holding {@code pfn}. */
    public long cellOf(long pfn) {
        return Math.floorDiv(pfn - basePfn, framesPerCell);
    }

    /** The first pfn of {@code cell}. */
    public long cellStart(int cell) {
        return basePfn + cell * framesPerCell;
    }

    /** True when these cells show only part of {@code map}. */
    public boolean isPartOf(FrameMap map) {
        return firstPfn > map.firstPfn() || endPfn < Math.max(map.endPfn(), map.firstPfn() + 1);
    }

    /** The run holding {@code pfn}, or null when it falls in a hole; {@code runs} sorted by start. */
    public static FrameSpan runAt(List<FrameSpan> runs, long pfn) {
        int lo = 0;
        int hi = runs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            FrameSpan r = runs.get(mid);
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
    public static long[] framesByKind(List<FrameSpan> runs, long from, long to) {
        long[] byKind = new long[KINDS.length];
        long covered = 0;
        for (int i = firstRunEndingAfter(runs, from); i < runs.size() && runs.get(i).startPfn() < to; i++) {
            FrameSpan r = runs.get(i);
            long n = Math.min(to, r.endPfn()) - Math.max(from, r.startPfn());
            if (n > 0) {
                byKind[r.kind().ordinal()] += n;
                covered += n;
            }
        }
        byKind[FrameMapKind.HOLE.ordinal()] += (to - from) - covered;
        return byKind;
    }
}
