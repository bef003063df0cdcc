package dev.pageframe.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where the order-0 pair's time goes (BENCHMARKS.md): the same allocate-and-free pair on EngineBench's
 * machine, called at three depths — the buddy core (rmqueue, free_one_page), the page allocator
 * around it, and the driver API — timed in this thread's CPU time, best of 12 rounds. A main, not a
 * test: run it with the test classpath.
 */
public final class PairCostSplit {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private PairCostSplit() {}

    public static void main(String[] args) {
        String[] names = {"buddy core", "page allocator", "driver API"};
        for (int depth = 0; depth < names.length; depth++) {
            Kernel k = Kernel.boot(MachineProfiles.X86_64, 16L << 30);
            long rnd = 10; // EngineBench's seed and draws
            for (int i = 0; i < 4096; i++) {
                rnd = next(rnd);
                k.__get_free_pages(Gfp.GFP_KERNEL, (int) (rnd >>> 20) & 3);
            }
            Zone z = k.pages.zone(ZoneType.NORMAL);
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 12; round++) {
                int n = 1 << 22;
                long cpu = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += pair(k, z, depth);
                }
                best = Math.min(best, (double) (THREADS.getCurrentThreadCpuTime() - cpu) / n);
            }
            System.out.printf("%-15s %.2f ns per pair (CPU, best round)%n", names[depth], best);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long pair(Kernel k, Zone z, int depth) {
        switch (depth) {
            case 0 -> {
                int pfn = k.buddy.rmqueue(z, 0, MigrateType.MIGRATE_UNMOVABLE);
                k.buddy.free_one_page(z, pfn, 0);
                return pfn;
            }
            case 1 -> {
                int pfn = k.pages.alloc_pages(Gfp.GFP_KERNEL, 0);
                k.mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
                k.pages.free_pages(pfn, 0);
                return pfn;
            }
            default -> {
                long addr = k.__get_free_page(Gfp.GFP_KERNEL);
                k.free_page(addr);
                return addr;
            }
        }
    }

    private static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }
}
