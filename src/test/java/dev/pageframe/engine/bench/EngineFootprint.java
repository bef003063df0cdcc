package dev.pageframe.engine.bench;

import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.MachineProfiles;

/** Measures heap bytes per simulated frame: used heap after GC with and without a booted 16 GiB machine. */
public final class EngineFootprint {
    private EngineFootprint() {}

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("1T")) {
            terabyte();
            return;
        }
        long base = usedAfterGc();
        Kernel small = Kernel.boot(MachineProfiles.X86_64, 16L << 30);
        long withSmall = usedAfterGc();
        Kernel big = Kernel.boot(MachineProfiles.X86_64, 32L << 30);
        long withBoth = usedAfterGc();
        double absolute = (double) (withSmall - base) / small.max_pfn();
        double marginal = (double) (withBoth - withSmall) / big.max_pfn();
        System.out.printf("16G: frames=%d heap=%d B -> %.2f B/frame (with fixed overhead); "
            + "32G: frames=%d heap=%d B -> %.2f B/frame%n",
            small.max_pfn(), withSmall - base, absolute, big.max_pfn(), withBoth - withSmall, marginal);
        if (small.nr_free_pages() == 0 || big.nr_free_pages() == 0) {
            System.out.println("unexpected: a machine has no free pages");
        }
    }

    /** A 1 TiB machine in this JVM's heap (run with -Xmx2560m): used heap after GC, per frame, and the boot time. */
    private static void terabyte() {
        long base = usedAfterGc();
        long start = System.nanoTime();
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1L << 40);
        long bootNs = System.nanoTime() - start;
        long used = usedAfterGc() - base;
        System.out.printf("1T: frames=%d heap=%d B (%.2f GiB) -> %.2f B/frame; max heap %.2f GiB; "
            + "first boot in this JVM %.0f ms (first touch of the heap included)%n",
            k.max_pfn(), used, used / (double) (1L << 30), (double) used / k.max_pfn(),
            Runtime.getRuntime().maxMemory() / (double) (1L << 30), bootNs / 1e6);
    }
}
