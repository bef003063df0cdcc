package dev.pageframe.cli;

import java.time.Duration;

/**
 * What a {@link NotebookRunner} reports while it works. Calls may come from any thread, but not
 * concurrently for the same cell. Implementations return quickly and never throw.
 *
 * <p>{@code index} is the cell's 0-based position in {@code notebook.cells()} and {@code total} is
 * {@code notebook.cells().size()}, so {@code [index+1/total]} tells how far through the notebook the
 * run is (markdown and raw cells are counted but never started).
 */
public interface RunProgress {

    /** Ignores every report. */
    RunProgress NONE = new RunProgress() {
        @Override
        public void cellStarted(int index, int total, String cellId) {}

        @Override
        public void cellFinished(int index, int total, Duration elapsed, Verdict verdict) {}

        @Override
        public void progress(long done, long total, String label) {}
    };

    /** A code cell starts running. */
    void cellStarted(int index, int total, String cellId);

    /** How a cell that ran came out. */
    enum Verdict {
        /** It ran without error. */
        OK("ok"),
        /** It raised an error or timed out. */
        FAILED("FAILED"),
        /** It raised an error, as its {@code raises-exception} tag says it may; the run goes on. */
        ERROR_ALLOWED("error (raises-exception)"),
        /** An exercise's check failed: the exercise is not solved yet, which is no error; the run goes on. */
        NOT_SOLVED("not solved yet (exercise check)"),
        /** It raised an error and {@code --allow-errors} lets the run go on. */
        FAILED_CONTINUING("FAILED (run goes on: --allow-errors)");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The word printed after the cell's time. */
        public String label() {
            return label;
        }
    }

    /** The cell that last started has finished. */
    void cellFinished(int index, int total, Duration elapsed, Verdict verdict);

    /** A code cell is left out: {@code why} says why, e.g. its {@code skip-execution} tag. */
    default void cellSkipped(int index, int total, String cellId, String why) {}

    /**
     * Progress of a long operation inside the running cell, e.g. a workload or booting the machine.
     *
     * @param done  units done so far
     * @param total units in all, or 0 or less when unknown
     * @param label what is being done, e.g. {@code "boot"} or {@code "random_churn"}
     */
    void progress(long done, long total, String label);
}
