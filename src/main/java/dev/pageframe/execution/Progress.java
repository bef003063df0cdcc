package dev.pageframe.execution;

/**
 * A progress report from a cell.
 *
 * @param total the amount of work, or a non-positive number if unknown
 */
public record Progress(int executionCount, long done, long total, String label) {
    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : -1;
    }
}
