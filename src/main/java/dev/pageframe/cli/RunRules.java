package dev.pageframe.cli;

import dev.pageframe.execution.LiveNames;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellTags;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.exercise.Exercise;
import dev.pageframe.notebook.exercise.Exercises;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which cells a whole-notebook run executes, and what it does when one fails: the rules of nbclient
 * (what {@code jupyter nbconvert --execute} uses), apart from how a cell is executed.
 *
 * <ul>
 *   <li>Code cells run top to bottom; markdown, raw, blank and {@code skip-execution} cells are left as
 *       they are.</li>
 *   <li>A cell that fails stops the run, unless it is tagged {@code raises-exception} (its error is kept
 *       and does not count as a failure) or errors are allowed (every cell runs; the failure still
 *       counts).</li>
 *   <li>A dead kernel stops the run whatever the tags say: the state later cells need is gone. A cell
 *       stopped by {@code --timeout} is interrupted and counts as a failing cell, as with nbclient's
 *       {@code interrupt_on_timeout}.</li>
 *   <li>An exercise's check cell (tagged {@code exercise-check}) that fails means the exercise is not solved yet:
 *       recorded, not a failure, and the run goes on. With the reference solutions run in the answer cells
 *       ({@code --solutions}) every check must pass, and one that fails is a failure like any other.</li>
 *   <li>Code cells that would have run after a stop are cleared of outputs and execution counts, so
 *       nothing from an earlier run passes for this run's.</li>
 * </ul>
 */
final class RunRules {

    /** Executes one code cell. */
    @FunctionalInterface
    interface CellRun {
        /** Runs {@code cell}, at position {@code index}, and returns it with its new outputs and count. */
        Ran run(int index, Cell cell) throws Exception;
    }

    /**
     * One executed cell.
     *
     * @param cell    the cell with its new outputs and execution count
     * @param elapsed how long it ran
     * @param failure what went wrong, or null if it ran without error
     * @param fatal   true if nothing can run after it (the kernel died)
     */
    record Ran(Cell cell, Duration elapsed, CellFailure failure, boolean fatal) {
        /** Requires the cell; a missing time is zero. */
        Ran {
            Objects.requireNonNull(cell, "cell");
            elapsed = elapsed == null ? Duration.ZERO : elapsed;
        }
    }

    private RunRules() {}

    /**
     * Each cell of {@code nb} as {@link #run} will treat it, for {@link LiveNames}: the source it runs (an
     * answer cell's reference solution with {@code solutions}), whether it runs, and whether its failure stops
     * the run.
     */
    static List<LiveNames.RunCell> runCells(Notebook nb, boolean allowErrors, boolean solutions) {
        Set<String> checks = new HashSet<>();
        for (Exercise e : Exercises.in(nb).exercises()) {
            checks.add(e.checkId());
        }
        Notebook result = solutions ? Exercises.withSolutions(nb) : nb;
        List<LiveNames.RunCell> cells = new ArrayList<>();
        for (Cell cell : result.cells()) {
            boolean runs = cell.type() == CellType.CODE && !cell.source().isBlank() && !CellTags.skipsExecution(cell);
            boolean stops = !allowErrors && !CellTags.raisesException(cell) && (solutions || !checks.contains(cell.id()));
            cells.add(new LiveNames.RunCell(cell.source(), runs, stops));
        }
        return cells;
    }

    /**
     * Runs {@code nb} by these rules.
     *
     * @param allowErrors true to run every cell whatever fails
     */
    static RunReport run(Notebook nb, boolean allowErrors, RunProgress progress, CellRun cellRun) throws Exception {
        return run(nb, allowErrors, false, progress, cellRun);
    }

    /**
     * Runs {@code nb} by these rules.
     *
     * @param allowErrors true to run every cell whatever fails
     * @param solutions   true to run each exercise's reference solution in its answer cell, and count a failing
     *                    check as a failure
     */
    static RunReport run(Notebook nb, boolean allowErrors, boolean solutions, RunProgress progress, CellRun cellRun)
            throws Exception {
        Map<String, Exercise> checkedBy = new HashMap<>();
        for (Exercise e : Exercises.in(nb).exercises()) {
            checkedBy.put(e.checkId(), e);
        }
        List<RunReport.ExerciseCheck> checks = new ArrayList<>();
        Notebook result = solutions ? Exercises.withSolutions(nb) : nb;
        int total = nb.cells().size();
        List<CellFailure> failures = new ArrayList<>();
        List<CellFailure> allowed = new ArrayList<>();
        List<Integer> notRun = new ArrayList<>();
        boolean stopped = false;
        for (int i = 0; i < total; i++) {
            Cell cell = result.cells().get(i);
            if (cell.type() != CellType.CODE || cell.source().isBlank()) {
                continue;
            }
            if (CellTags.skipsExecution(cell)) {
                progress.cellSkipped(i, total, cell.id(), CellTags.SKIP_EXECUTION);
                continue;
            }
            if (stopped) {
                result = result.withCell(i, cell.cleared());
                notRun.add(i);
                continue;
            }
            progress.cellStarted(i, total, cell.id());
            Ran ran = cellRun.run(i, cell);
            result = result.withCell(i, ran.cell());
            RunProgress.Verdict verdict = RunProgress.Verdict.OK;
            Exercise exercise = checkedBy.get(cell.id());
            if (exercise != null && !ran.fatal()) {
                CellFailure f = ran.failure();
                checks.add(new RunReport.ExerciseCheck(exercise.id(), i, f == null, f == null ? "" : f.evalue()));
            }
            if (ran.failure() != null && exercise != null && !solutions && !ran.fatal()) {
                verdict = RunProgress.Verdict.NOT_SOLVED;
            } else if (ran.failure() != null) {
                boolean tagged = CellTags.raisesException(cell) && !ran.fatal();
                if (tagged) {
                    allowed.add(ran.failure());
                    verdict = RunProgress.Verdict.ERROR_ALLOWED;
                } else {
                    failures.add(ran.failure());
                    stopped = ran.fatal() || !allowErrors;
                    verdict = stopped ? RunProgress.Verdict.FAILED : RunProgress.Verdict.FAILED_CONTINUING;
                }
            }
            progress.cellFinished(i, total, ran.elapsed(), verdict);
        }
        return new RunReport(result, failures, allowed, notRun, checks);
    }
}
