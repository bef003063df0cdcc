package dev.pageframe.execution.bench;

import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.Sandbox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the sandbox costs: agent start-up (to the first idle kernel) and the trivial cell's round trip, sandbox on
 * and off, alternated in one run so both see the same machine. Prints medians and the on/off ratio.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes:DEPS
 * dev.pageframe.execution.bench.SandboxCostBenchmark [ROUNDS] [CELLS]}
 */
public final class SandboxCostBenchmark {
    private SandboxCostBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int cells = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<Double> startOn = new ArrayList<>();
        List<Double> startOff = new ArrayList<>();
        List<Double> cellOn = new ArrayList<>();
        List<Double> cellOff = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so neither always gets the warmer machine.
            boolean onFirst = round % 2 == 0;
            for (boolean on : onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                KernelConfig config = KernelConfig.defaults().withStartupSnippets(List.of("import static java.lang.Math.*;"))
                        .withSandbox(Sandbox.of(on));
                try (KernelSession session = new KernelSession(config)) {
                    long t0 = System.nanoTime();
                    session.start().join();
                    (on ? startOn : startOff).add((System.nanoTime() - t0) / 1e6);
                    double[] trips = new double[cells];
                    for (int i = 0; i < cells + 50; i++) {
                        long c0 = System.nanoTime();
                        session.execute("1 + " + i).join();
                        if (i >= 50) {
                            trips[i - 50] = (System.nanoTime() - c0) / 1e6;
                        }
                    }
                    (on ? cellOn : cellOff).add(median(trips));
                    if (round == 0) {
                        System.out.println((on ? "on:  " : "off: ") + session.sandbox().summary());
                    }
                }
            }
        }
        report("agent start-up to idle (ms)", startOn, startOff);
        report("trivial cell round trip, median per round (ms)", cellOn, cellOff);
    }

    private static void report(String what, List<Double> on, List<Double> off) {
        double mOn = median(on.stream().mapToDouble(Double::doubleValue).toArray());
        double mOff = median(off.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf("%s: sandbox on %.1f, off %.1f, ratio %.2fx (on %s; off %s)%n", what, mOn, mOff, mOn / mOff,
                on.stream().map(d -> String.format("%.1f", d)).toList(), off.stream().map(d -> String.format("%.1f", d)).toList());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
