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
}
