package dev.pageframe.execution.bench;

import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.NotebookExecution;
import dev.pageframe.notebook.MachineSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a chart costs as a cell's value against the same chart through {@code display}, on a warm kernel with a
 * booted machine: the value path adds JShell's temporary variable and one request to the agent after the eval
 * ({@code pageframe.valueBundle}). The statement and the long-valued expression are the baselines. Sample mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class ChartValueBenchmark {
    private KernelSession session;

    @Setup(Level.Trial)
    public void start() throws Exception {
        session = NotebookExecution.session(MachineSpec.of("x86_64", "1G"));
        session.start().get();
    }

    @TearDown(Level.Trial)
    public void stop() {
        session.close();
    }

    @Benchmark
    public CellResult chartAsValue() {
        return session.execute("buddyinfo()").join();
    }

    @Benchmark
    public CellResult chartDisplayed() {
        return session.execute("display(buddyinfo());").join();
    }

    @Benchmark
    public CellResult chartHidden() {
        return session.execute("buddyinfo();").join();
    }

    @Benchmark
    public CellResult longValue() {
        return session.execute("nr_free_pages()").join();
    }
}
