package dev.pageframe.execution.bench;

import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time from creating a session (agent launch, startup snippet) to the first cell's result. The
 * first iteration of each fork is a cold host JVM (javac not yet loaded), as at application start;
 * later iterations correspond to a restart in a running application. {@code agentOptions} compares
 * the default agent JVM options with alternatives: C1 only, the G1 collector, and no CDS archive.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 8)
@Fork(value = 3, jvmArgsAppend = {"--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class FirstCellBenchmark {
    @Param({"default", "c1-only", "g1", "no-cds"})
    public String agentOptions;

    private KernelSession session;

    @TearDown(Level.Invocation)
    public void close() {
        session.close();
    }

    @Benchmark
    public CellResult startAndRunFirstCell() {
        KernelConfig config = KernelConfig.defaults()
                .withStartupSnippets(List.of("import static java.lang.Math.*;"))
                .withJvmOptions(options(agentOptions));
        session = new KernelSession(config);
        return session.execute("max(1, 2)").join();
    }

    static List<String> options(String variant) {
        List<String> options = new ArrayList<>(KernelConfig.DEFAULT_JVM_OPTIONS);
        switch (variant) {
            case "c1-only" -> options.add("-XX:TieredStopAtLevel=1");
            case "g1" -> options.replaceAll(o -> o.equals("-XX:+UseSerialGC") ? "-XX:+UseG1GC" : o);
            case "no-cds" -> options.add("-Xshare:off");
            default -> { }
        }
        return options;
    }
}
