package dev.pageframe.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * EngineBench's pair and churn outside JMH: the buddy work per operation (splits and merges, which
 * bench/c/buddy.c prints too, to show both do the same work) and this thread's CPU time per
 * operation in the best of several rounds, which a loaded machine inflates less than wall time.
 */
public final class BuddyWork {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 8;
    private static final int PER_ROUND = 1 << 22;
    private static long sink;

    private BuddyWork() {}

    public static void main(String[] args) {
        EngineBench bench = new EngineBench();
        EngineBench.Machine16G pair = new EngineBench.Machine16G();
        pair.boot();
        run("order0AllocFreePair", pair, 1, () -> sink += bench.order0AllocFreePair(pair));
        EngineBench.Machine16G churn = new EngineBench.Machine16G();
        churn.boot();
        run("mixedOrderChurn", churn, 2, () -> sink += bench.mixedOrderChurn(churn));
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void run(String name, EngineBench.Machine16G m, int opsPerCall, Runnable call) {
        for (int i = 0; i < 3 * PER_ROUND; i++) {
            call.run();
        }
        long[] before = work(m);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < ROUNDS; r++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < PER_ROUND; i++) {
                call.run();
            }
            best = Math.min(best, (double) (THREADS.getCurrentThreadCpuTime() - cpu) / PER_ROUND / opsPerCall);
        }
        long[] after = work(m);
        long ops = (long) ROUNDS * PER_ROUND * opsPerCall;
        System.out.printf("java.%s %.2f ns/op (CPU, best round) %.3f/%.3f splits/merges per op%n", name, best,
            (double) (after[0] - before[0]) / ops, (double) (after[1] - before[1]) / ops);
    }

    private static long[] work(EngineBench.Machine16G m) {
        Map<String, Long> c = m.k.pageframe_counters();
        return new long[] {c.get("buddy_splits"), c.get("buddy_merges")};
    }
}
