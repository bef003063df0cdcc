package dev.pageframe.cli;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.Output;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A runner that "runs" each code cell by printing its id, failing the cells it is told to. */
final class FakeRunner implements NotebookRunner {
    private final Set<String> failing;
    private final long progressSteps;
    Notebook received;
    RunOptions options;
    int calls;
    /** Done as the run begins, e.g. the notebook changed by another program while its cells run. */
    java.util.concurrent.Callable<?> whileRunning = () -> null;
    /** What happened to the head start, in order: "prepare", "run", "close". */
    final java.util.List<String> events = new java.util.ArrayList<>();

    FakeRunner(Set<String> failing, long progressSteps) {
        this.failing = failing;
        this.progressSteps = progressSteps;
    }

    FakeRunner() {
        this(Set.of(), 0);
    }

    @Override
    public HeadStart prepare(RunOptions opts) {
        events.add("prepare");
        return () -> events.add("close");
    }

    @Override
    public RunReport run(Notebook nb, RunOptions opts, RunProgress progress) throws Exception {
        calls++;
        events.add("run");
        whileRunning.call();
        received = nb;
        options = opts;
        int[] count = {0};
        // The real rules decide which cells run; only running a cell is faked.
        return RunRules.run(nb, opts.allowErrors(), opts.solutions(), progress, (i, cell) -> {
            for (long s = 1; s <= progressSteps; s++) {
                progress.progress(s, progressSteps, "churn");
            }
            count[0]++;
            boolean ok = !failing.contains(cell.id());
            Output out = ok ? Output.Stream.stdout("ran " + cell.id() + "\n")
                    : Output.ErrorOutput.of("OutOfMemoryError", "no free pages of order 3", List.of("OutOfMemoryError: no free pages"));
            Cell ran = cell.withOutputs(List.of(out)).withExecutionCount(count[0]);
            return new RunRules.Ran(ran, Duration.ofMillis(120),
                    ok ? null : new CellFailure(i, cell.id(), "OutOfMemoryError", "no free pages of order 3"), false);
        });
    }
}
