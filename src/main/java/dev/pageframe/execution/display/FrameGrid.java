package dev.pageframe.execution.display;

/**
 * A frame map cut into equal cells of {@code framesPerCell} frames (a power of two, so cells line
 * up with buddy blocks), each labelled with the kind that holds most of its frames. This is what
 * keeps a 16 GiB map to a few thousand cells instead of four million.
 */
record FrameGrid(long basePfn, long framesPerCell, int cells, FrameKind[] dominant) {

    /** The grid with the fewest frames per cell that still needs at most {@code maxCells} cells. */
    static FrameGrid of(FrameMap map, int maxCells) {
        long first = map.firstPfn();
        long end = Math.max(map.endPfn(), first + 1);
        long per = 1;
        while (cellCount(first, end, per) > maxCells) {
            per <<= 1;
        }
        long base = Math.floorDiv(first, per) * per;
        int cells = (int) cellCount(first, end, per);
        FrameKind[] kinds = FrameKind.values();
        int k = kinds.length;
        long[] frames = new long[cells * k];
        for (FrameRun r : map.runs()) {
            long from = r.startPfn();
            long to = r.endPfn();
            int c0 = (int) ((from - base) / per);
            int c1 = (int) ((to - 1 - base) / per);
            for (int c = c0; c <= c1; c++) {
                long cellStart = base + c * per;
                long overlap = Math.min(to, cellStart + per) - Math.max(from, cellStart);
                frames[c * k + r.kind().ordinal()] += overlap;
            }
        }
        FrameKind[] dominant = new FrameKind[cells];
        for (int c = 0; c < cells; c++) {
            long cellStart = base + c * per;
            long inRange = Math.min(end, cellStart + per) - Math.max(first, cellStart);
            long covered = 0;
            for (int i = 0; i < k; i++) {
                covered += frames[c * k + i];
            }
            frames[c * k + FrameKind.HOLE.ordinal()] += inRange - covered;
            int best = 0;
            for (int i = 1; i < k; i++) {
                // Ties go to the kind listed first, so the same map always draws the same way.
                if (frames[c * k + i] > frames[c * k + best]) {
                    best = i;
                }
            }
            dominant[c] = kinds[best];
        }
        return new FrameGrid(base, per, cells, dominant);
    }

    private static long cellCount(long first, long end, long per) {
        long base = Math.floorDiv(first, per) * per;
        return (end - base + per - 1) / per;
    }

    /** The cell holding {@code pfn}. */
    long cellOf(long pfn) {
        return Math.floorDiv(pfn - basePfn, framesPerCell);
    }
}
