package dev.pageframe.execution.bench;

import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.CellStatus;
import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

/** "Restart and run all" on a 50-cell notebook mixing declarations, loops, prints and values. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class RunAllBenchmark {
    static final List<String> NOTEBOOK = notebook();

    private KernelSession session;

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
    public List<CellResult> restartAndRunAll() {
        session.restart().join();
        List<CompletableFuture<CellResult>> queued = new ArrayList<>();
        for (String cell : NOTEBOOK) {
            queued.add(session.execute(cell));
        }
        List<CellResult> results = queued.stream().map(CompletableFuture::join).toList();
        if (results.stream().anyMatch(r -> r.status() != CellStatus.OK)) {
            throw new IllegalStateException("a notebook cell failed: " + results);
        }
        return results;
    }

    private static List<String> notebook() {
        List<String> cells = new ArrayList<>();
        cells.add("import java.util.*;\nimport java.util.stream.*;");
        cells.add("record Page(long pfn, int order) {}");
        cells.add("List<Page> pages = new ArrayList<>();");
        for (int i = 0; i < 47; i++) {
            cells.add(switch (i % 4) {
                case 0 -> "long frames" + i + " = " + (i + 1) + "L << 8;\nframes" + i;
                case 1 -> "for (int k = 0; k < 64; k++) pages.add(new Page(k + " + i + ", k % 11));\npages.size()";
                case 2 -> "int orderOf" + i + "(long bytes) {\n  return Math.max(0, 64 - Long.numberOfLeadingZeros(bytes - 1) - 12);\n}\n"
                        + "System.out.println(orderOf" + i + "(" + (4096L << (i % 10)) + "));";
                default -> "pages.stream().collect(Collectors.groupingBy(Page::order, Collectors.counting())).size()";
            });
        }
        return cells;
    }
}
