package dev.pageframe.engine.bench;

import dev.pageframe.engine.FrameRun;
import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.MachineProfiles;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 1 TiB x86_64 machine (268.7 M frames with the PCI hole) in the 2.5 GiB of heap the issue
 * allows: boot, and the three answers a notebook asks for first. The heap is committed whole
 * (-Xms = -Xmx) so that a collection between iterations does not hand it back to the OS: the
 * boots measured are re-boots in a warm JVM, and the first touch of 2 GiB of fresh memory (seconds
 * on a busy virtual machine) shows in the warm-up and in EngineFootprint's 1T probe instead.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2560m", "-Xmx2560m"})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBench1T {
    private static final long ONE_TIB = 1L << 40;
    /** 1 TiB of RAM plus the 1 GiB PCI hole below 4 GiB, in 4 KiB frames. */
    private static final int FRAMES = (int) ((ONE_TIB + (1L << 30)) >>> 12);

    /**
     * Holds the machine (or the bare arrays) of the last iteration; dropped and collected before the
     * next one, so each boot measures the boot and not the collection of the machine before it.
     */
    @State(Scope.Thread)
    public static class Slot {
        Kernel k;
        int[][] arrays;

        @Setup(Level.Iteration)
        public void drop() {
            k = null;
            arrays = null;
            System.gc();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public long boot1T(Slot s) {
        s.k = Kernel.boot(MachineProfiles.X86_64, ONE_TIB, 0, List.of());
        return s.k.nr_free_pages();
    }

    /** The floor for any 8-byte-per-frame table: allocating (zeroing) two int arrays of 268.7 M entries. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int baselineAllocate1TMemMapArrays(Slot s) {
        s.arrays = new int[][] {new int[FRAMES], new int[FRAMES]};
        return s.arrays[0].length + s.arrays[1].length;
    }

    /** One booted 1 TiB machine shared by the answer benchmarks. */
    @State(Scope.Benchmark)
    public static class Booted {
        Kernel k;

        @Setup(Level.Trial)
        public void boot() {
            k = Kernel.boot(MachineProfiles.X86_64, ONE_TIB);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public String procBuddyinfo1T(Booted b) {
        return b.k.cat("/proc/buddyinfo");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public String procZoneinfo1T(Booted b) {
        return b.k.cat("/proc/zoneinfo");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<FrameRun> frameMap1T(Booted b) {
        return b.k.frame_map();
    }
}
