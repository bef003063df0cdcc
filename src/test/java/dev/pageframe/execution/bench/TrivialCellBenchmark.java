package dev.pageframe.execution.bench;

import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import java.util.List;
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
 * Round trip of a trivial cell on a warm kernel: host compile, class load and invoke in the agent,
 * value back. Sample mode, so JMH reports the median (p0.50) along with the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class TrivialCellBenchmark {
    private KernelSession session;
    private int counter;

    @Setup(Level.Trial)
    public void start() {
        session = new KernelSession(KernelConfig.defaults().withStartupSnippets(List.of("import static java.lang.Math.*;")));
        session.start().join();
    }

    @TearDown(Level.Trial)
    public void stop() {
        session.close();
    }

    @Benchmark
    public CellResult trivialCell() {
        // A different literal each time, as a user's edits would give.
        return session.execute("1 + " + (counter++)).join();
    }

    /** The cell of scripts/bench-vs-jupyter.py: a declaration, a loop and a print (three snippets). */
    @Benchmark
    public CellResult loopCell() {
        return session.execute("long s = 0;\nfor (int i = 0; i < 1000; i++) {\n    s += i;\n}\nSystem.out.println(s);").join();
    }

    @Benchmark
    public CellResult printingCell() {
        return session.execute("System.out.println(\"page \" + " + (counter++) + ")").join();
    }
}
