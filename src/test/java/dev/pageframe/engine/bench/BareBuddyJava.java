package dev.pageframe.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * bench/c/buddy.c's pair line for line in Java, on the same zone and request sequence: the bare
 * algorithm without the kernel model, to tell the JVM's share of the engine's gap to C from the
 * model's (BENCHMARKS.md). CPU time of this thread, best of 12 rounds.
 */
public final class BareBuddyJava {
    private static final int MAX_ORDER = 10;
    private static final int NIL = -1;
    private static final int ZONE_PAGES = 0x340000;
    private static final int[] next = new int[ZONE_PAGES];
    private static final int[] prev = new int[ZONE_PAGES];
    private static final byte[] buddyOrder = new byte[ZONE_PAGES];
    private static final int[] head = new int[MAX_ORDER + 1];
    private static final long[] nrFree = new long[MAX_ORDER + 1];

    private BareBuddyJava() {}

    private static void add(int pfn, int order) {
        int h = head[order];
        next[pfn] = h;
        prev[pfn] = NIL;
        if (h != NIL) {
            prev[h] = pfn;
        }
        head[order] = pfn;
        nrFree[order]++;
        buddyOrder[pfn] = (byte) (order + 1);
    }

    private static void del(int pfn, int order) {
        int n = next[pfn];
        int p = prev[pfn];
        if (p == NIL) {
            head[order] = n;
        } else {
            next[p] = n;
        }
        if (n != NIL) {
            prev[n] = p;
        }
        nrFree[order]--;
        buddyOrder[pfn] = 0;
    }

    private static int alloc(int order) {
        for (int current = order; current <= MAX_ORDER; current++) {
            int pfn = head[current];
            if (pfn == NIL) {
                continue;
            }
            del(pfn, current);
            while (current > order) {
                current--;
                add(pfn + (1 << current), current);
            }
            return pfn;
        }
        return -1;
    }

    private static void free(int pfn, int order) {
        while (order < MAX_ORDER) {
            int buddy = pfn ^ (1 << order);
            if (buddy >= ZONE_PAGES || buddyOrder[buddy] != order + 1) {
                break;
            }
            del(buddy, order);
            pfn &= buddy;
            order++;
        }
        add(pfn, order);
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Arrays.fill(head, NIL);
        // From the top down, as bench/c/buddy.c: the lists run up from the bottom of the zone, as the engine boots them.
        for (int pfn = ZONE_PAGES - (1 << MAX_ORDER); pfn >= 0; pfn -= 1 << MAX_ORDER) {
            free(pfn, MAX_ORDER);
        }
        long rnd = 10;
        for (int i = 0; i < 4096; i++) {
            rnd = EngineBench.next(rnd);
            alloc((int) (rnd >>> 20) & 3);
        }
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            int n = 1 << 22;
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                int pfn = alloc(0);
                free(pfn, 0);
                sink += pfn;
            }
            best = Math.min(best, (double) (threads.getCurrentThreadCpuTime() - cpu) / n);
        }
        System.out.printf("bare algorithm in Java: %.2f ns per pair (CPU, best round)%s%n", best, sink == 42 ? " " : "");
    }
}
