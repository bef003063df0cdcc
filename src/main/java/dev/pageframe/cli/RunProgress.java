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
        public void cellFinished(int index, int total, Duration elapsed, boolean ok) {}

        @Override
        public void progress(long done, long total, String label) {}
    };

    /** A code cell starts running. */
    void cellStarted(int index, int total, String cellId);

    /** The cell that last started has finished; {@code ok} is false if it raised an error or timed out. */
    void cellFinished(int index, int total, Duration elapsed, boolean ok);

    /**
     * Progress of a long operation inside the running cell, e.g. a workload or booting the machine.
     *
     * @param done  units done so far
     * @param total units in all, or 0 or less when unknown
     * @param label what is being done, e.g. {@code "boot"} or {@code "random_churn"}
     */
    void progress(long done, long total, String label);
}
