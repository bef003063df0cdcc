package dev.pageframe.execution.bench;

import dev.pageframe.execution.CellListener;
import dev.pageframe.execution.CellOutput;
import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.CellStatus;
import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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

/** Time from {@code interrupt()} to the result of a cell spinning in {@code while (true) {}}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class InterruptBenchmark {
    private KernelSession session;
    private CompletableFuture<CellResult> spinning;

    @Setup(Level.Trial)
    public void start() {
        session = new KernelSession(KernelConfig.defaults());
        session.start().join();
    }

    @TearDown(Level.Trial)
    public void stop() {
        session.close();
    }

    /** Starts the loop and waits until it is really running (it prints first). */
    @Setup(Level.Invocation)
    public void startSpinning() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        spinning = session.execute("{ System.out.println(\"spinning\"); while (true) {} }", new CellListener() {
            @Override
            public void output(CellOutput output) {
                running.countDown();
            }
        });
        running.await();
    }

    @Benchmark
    public CellResult interruptTightLoop() {
        session.interrupt();
        CellResult result = spinning.join();
        if (result.status() != CellStatus.INTERRUPTED || result.kernelDied()) {
            throw new IllegalStateException("not a cooperative interrupt: " + result);
        }
        return result;
    }
}
