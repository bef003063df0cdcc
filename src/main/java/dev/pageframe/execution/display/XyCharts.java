package dev.pageframe.execution.display;

/** Checks shared by the charts that plot (x, y) series. */
final class XyCharts {

    private XyCharts() {}

    /** Zero means "use the default", so records built by hand or from old JSON still get a bound. */
    static int checkMaxPoints(int maxPoints) {
        if (maxPoints == 0) {
            return Lttb.DEFAULT_THRESHOLD;
        }
        if (maxPoints < Lttb.MIN_THRESHOLD) {
            throw new IllegalArgumentException("maxPoints must be at least " + Lttb.MIN_THRESHOLD + ": " + maxPoints);
        }
        return maxPoints;
    }
}
