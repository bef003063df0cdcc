package dev.pageframe.cli;

import dev.pageframe.notebook.Notebook;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of running a notebook.
 *
 * @param result        the notebook with the new outputs, which the command saves
 * @param failures      the cells that raised an error or timed out and were not allowed to, in notebook
 *                      order; empty if all ran; any failure makes the run's exit code 1
 * @param allowedErrors cells tagged {@code raises-exception} that raised an error, as they may: their
 *                      error is stored, the exit code does not count them
 * @param notRun        0-based positions of the code cells left unrun because the run stopped; their
 *                      outputs and execution counts from an earlier run are cleared
 * @param checks        each exercise check that ran, in notebook order
 */
public record RunReport(Notebook result, List<CellFailure> failures, List<CellFailure> allowedErrors,
                        List<Integer> notRun, List<ExerciseCheck> checks) {

    /**
     * How one exercise's check came out.
     *
     * @param exerciseId the exercise
     * @param cellIndex  0-based position of its check cell
     * @param solved     the check passed
     * @param message    what was expected, when it failed; empty when it passed
     */
    public record ExerciseCheck(String exerciseId, int cellIndex, boolean solved, String message) {}

    /** Requires a result and copies the lists. */
    public RunReport {
        Objects.requireNonNull(result, "result");
        failures = List.copyOf(failures);
        allowedErrors = List.copyOf(allowedErrors);
        notRun = List.copyOf(notRun);
        checks = List.copyOf(checks);
    }

    /** A run of a notebook without exercises. */
    public RunReport(Notebook result, List<CellFailure> failures, List<CellFailure> allowedErrors, List<Integer> notRun) {
        this(result, failures, allowedErrors, notRun, List.of());
    }

    /** A run with no tagged errors and no cells left unrun. */
    public RunReport(Notebook result, List<CellFailure> failures) {
        this(result, failures, List.of(), List.of());
    }

    /** True if no cell failed that was not allowed to. */
    public boolean ok() {
        return failures.isEmpty();
    }
}
