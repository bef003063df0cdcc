package dev.pageframe.cli;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A runner that "runs" each code cell by printing its id, failing the cells it is told to. */
final class FakeRunner implements NotebookRunner {
    private final Set<String> failing;
    private final long progressSteps;
    Notebook received;
    RunOptions options;
    int calls;

    FakeRunner(Set<String> failing, long progressSteps) {
        this.failing = failing;
        this.progressSteps = progressSteps;
    }

    FakeRunner() {
        this(Set.of(), 0);
    }

    @Override
    public RunReport run(Notebook nb, RunOptions opts, RunProgress progress) {
        calls++;
        received = nb;
        options = opts;
        List<Cell> cells = new ArrayList<>(nb.cells());
        List<CellFailure> failures = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.type() != CellType.CODE) {
                continue;
            }
            progress.cellStarted(i, cells.size(), cell.id());
            for (long s = 1; s <= progressSteps; s++) {
                progress.progress(s, progressSteps, "churn");
            }
            count++;
            boolean ok = !failing.contains(cell.id());
            Output out = ok ? Output.Stream.stdout("ran " + cell.id() + "\n")
                    : Output.ErrorOutput.of("OutOfMemoryError", "no free pages of order 3", List.of("OutOfMemoryError: no free pages"));
            cells.set(i, cell.withOutputs(List.of(out)).withExecutionCount(count));
            if (!ok) {
                failures.add(new CellFailure(i, cell.id(), "OutOfMemoryError", "no free pages of order 3"));
            }
            progress.cellFinished(i, cells.size(), Duration.ofMillis(120), ok);
        }
        return new RunReport(nb.withCells(cells), failures);
    }
}
