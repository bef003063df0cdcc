package dev.pageframe.cli;

import dev.pageframe.notebook.Notebook;
import java.util.Optional;

/**
 * Runs every code cell of a notebook, top to bottom, in a fresh session: what {@code pageframe run}
 * calls. {@link ExecutionRunner} is the implementation; tests pass fakes.
 */
public interface NotebookRunner {

    /**
     * Runs the notebook's code cells in order.
     *
     * @param nb       the notebook as loaded; it is immutable, and never written by the runner
     * @param opts     the machine and time limits asked for on the command line
     * @param progress where to report each cell and long operations; may be called from any thread
     * @return the notebook with fresh outputs and execution counts, and the cells that failed; a cell
     *         that raised an error is a {@link CellFailure}, not an exception
     * @throws Exception if the run as a whole could not happen (e.g. the machine could not boot)
     */
    RunReport run(Notebook nb, RunOptions opts, RunProgress progress) throws Exception;

    /**
     * Starts, before the notebook is read, what a run with these options needs whatever the notebook holds (the
     * kernel's JVM), so that it starts while the notebook is read and checked; a later {@link #run} with the same
     * options uses it. The caller closes the result once the run is over or will not happen, which ends whatever
     * the run did not take. Nothing by default.
     */
    default HeadStart prepare(RunOptions opts) {
        return HeadStart.NONE;
    }

    /** What {@link #prepare} started; closing it ends what no run took. */
    interface HeadStart extends AutoCloseable {
        /** Nothing started. */
        HeadStart NONE = () -> {};

        @Override
        void close();
    }

    /**
     * What {@code run} should say once, before any cell runs, when cells will not be sandboxed: why (no
     * Landlock in this kernel, or {@code --no-sandbox}). Empty when they will be, or the runner has no kernel.
     */
    default Optional<String> sandboxWarning(RunOptions opts) {
        return Optional.empty();
    }

    /** The runner this build provides: cells run in a JShell agent against the simulated machine. */
    static Optional<NotebookRunner> installed() {
        return Optional.of(new ExecutionRunner());
    }
}
