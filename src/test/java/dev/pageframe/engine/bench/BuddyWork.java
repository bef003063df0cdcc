package dev.pageframe.engine.bench;

import java.util.Map;

/**
 * Prints the buddy work (splits and merges per operation) of EngineBench's pair and churn, so the
 * script can show that bench/c/buddy.c does the same work on the same request sequence.
 */
public final class BuddyWork {
    private BuddyWork() {}

    public static void main(String[] args) {
        int n = 1 << 20;
        EngineBench bench = new EngineBench();
        EngineBench.Machine16G pair = new EngineBench.Machine16G();
        pair.boot();
        long[] before = work(pair);
        for (int i = 0; i < n; i++) {
            bench.order0AllocFreePair(pair);
        }
        print("order0AllocFreePair", before, work(pair), n);
        EngineBench.Machine16G churn = new EngineBench.Machine16G();
        churn.boot();
        before = work(churn);
        for (int i = 0; i < n; i++) {
            bench.mixedOrderChurn(churn);
        }
        print("mixedOrderChurn", before, work(churn), 2L * n);
    }

    private static long[] work(EngineBench.Machine16G m) {
        Map<String, Long> c = m.k.pageframe_counters();
        return new long[] {c.get("buddy_splits"), c.get("buddy_merges")};
    }

    private static void print(String name, long[] before, long[] after, long ops) {
        System.out.printf("java.%s %.3f/%.3f splits/merges per op%n", name,
            (double) (after[0] - before[0]) / ops, (double) (after[1] - before[1]) / ops);
    }
}
