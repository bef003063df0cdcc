package dev.pageframe.cli;

import dev.pageframe.notebook.Notebook;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Runs every code cell of a notebook, top to bottom, in a fresh session: what {@code pageframe run}
 * calls. The execution layer provides the implementation; the command line only finds it (see
 * {@link #installed()}), so this package never depends on the execution layer.
 *
 * <p>An implementation is listed in {@code META-INF/services/dev.pageframe.cli.NotebookRunner} and has a
 * public no-argument constructor.
 */
public interface NotebookRunner {

    /** The implementation the command line uses when one is on the class path. */
    String DEFAULT_IMPLEMENTATION = "dev.pageframe.execution.NotebookExecution";

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
     * The runner this build provides: the first found by {@link ServiceLoader}, or else
     * {@value #DEFAULT_IMPLEMENTATION} loaded by name if it is present and implements this interface.
     *
     * @throws ServiceConfigurationError if a runner is listed but cannot be loaded or created
     */
    static Optional<NotebookRunner> installed() {
        ClassLoader loader = NotebookRunner.class.getClassLoader();
        Iterator<NotebookRunner> found = ServiceLoader.load(NotebookRunner.class, loader).iterator();
        if (found.hasNext()) {
            return Optional.of(found.next());
        }
        Class<?> type;
        try {
            type = Class.forName(DEFAULT_IMPLEMENTATION, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        if (!NotebookRunner.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        try {
            return Optional.of((NotebookRunner) type.getConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ServiceConfigurationError(DEFAULT_IMPLEMENTATION + " could not be created: " + e, e);
        }
    }
}
