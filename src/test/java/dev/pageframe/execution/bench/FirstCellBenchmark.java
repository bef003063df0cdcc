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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time from creating a session (agent launch, startup snippet) to the first cell's result. The
 * first iteration of each fork is a cold host JVM (javac not yet loaded), as at application start;
 * later iterations correspond to a restart in a running application.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 8)
@Fork(3)
public class FirstCellBenchmark {
    private KernelSession session;

    @TearDown(Level.Invocation)
    public void close() {
        session.close();
    }

    @Benchmark
    public CellResult startAndRunFirstCell() {
        session = new KernelSession(KernelConfig.defaults().withStartupSnippets(List.of("import static java.lang.Math.*;")));
        return session.execute("max(1, 2)").join();
    }
}
