package dev.pageframe.cli;

import dev.pageframe.notebook.Notebook;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of running a notebook.
 *
 * @param result   the notebook with the new outputs, which the command saves
 * @param failures the cells that raised an error or timed out, in notebook order; empty if all ran
 */
public record RunReport(Notebook result, List<CellFailure> failures) {

    /** Requires a result and copies the failures. */
    public RunReport {
        Objects.requireNonNull(result, "result");
        failures = List.copyOf(failures);
    }

    /** True if every cell ran without error. */
    public boolean ok() {
        return failures.isEmpty();
    }
}
