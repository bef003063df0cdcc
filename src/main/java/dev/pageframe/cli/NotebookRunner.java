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
