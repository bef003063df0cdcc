package dev.pageframe.engine.bench;

import dev.pageframe.engine.Gfp;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The engine's speed targets: order-0 pair, mixed churn, and boot of a large machine. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class EngineBench {

    /** A booted 16 GiB x86_64 machine. */
    @State(Scope.Benchmark)
    public static class Machine16G {
        Kernel k;
        long[] live;
        int[] orders;
        /** xorshift64 state: bench/c/buddy.c draws the same numbers, so both do the same requests. */
        long rnd;

        @Setup(Level.Trial)
        public void boot() {
            k = Kernel.boot(MachineProfiles.X86_64, 16L << 30);
            // Churn works on a population of live blocks so splits and merges happen mid-tree, not only at the top.
            live = new long[4096];
            orders = new int[live.length];
            // Seed 10 leaves the smallest free block at order 2, so the pair splits and merges two levels.
            rnd = 10;
            for (int i = 0; i < live.length; i++) {
                orders[i] = (int) ((rnd = next(rnd)) >>> 20) & 3;
                live[i] = k.__get_free_pages(Gfp.GFP_KERNEL, orders[i]);
            }
        }
    }

    /** Marsaglia's xorshift64 (13, 7, 17), as bench/c/buddy.c: next_random. */
    static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }

    /** The simplest possible page allocator: a stack of free frame numbers. Baseline for the pair. */
    @State(Scope.Benchmark)
    public static class StackBaseline {
        int[] stack = new int[1 << 22];
        int top;

        @Setup(Level.Trial)
        public void fill() {
            for (int i = 0; i < stack.length; i++) {
                stack[i] = i;
            }
            top = stack.length;
        }
    }

    @Benchmark
    public long order0AllocFreePair(Machine16G m) {
        long a = m.k.__get_free_page(Gfp.GFP_KERNEL);
        m.k.free_page(a);
        return a;
    }

    @Benchmark
    public int baselineStackPopPush(StackBaseline s) {
        int pfn = s.stack[--s.top];
        s.stack[s.top++] = pfn;
        return pfn;
    }

    /** One churn operation: free a random live block of order 0-3 and allocate a new one in its place. */
    @Benchmark
    @OperationsPerInvocation(2)
    public long mixedOrderChurn(Machine16G m) {
        int i = (int) ((m.rnd = next(m.rnd)) >>> 20) & (m.live.length - 1);
        m.k.free_pages(m.live[i], m.orders[i]);
        int order = (int) ((m.rnd = next(m.rnd)) >>> 20) & 3;
        m.orders[i] = order;
        m.live[i] = m.k.__get_free_pages(Gfp.GFP_KERNEL, order);
        return m.live[i];
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public Kernel boot64G() {
        return Kernel.boot(MachineProfiles.X86_64, 64L << 30, 0, List.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public long[] baselineAllocate64GMemMapArrays() {
        // What any per-frame table costs: zeroing two int arrays of 16 Mi entries.
        long[] sink = new long[1];
        int[] a = new int[(64 << 18) + (1 << 18)];
        int[] b = new int[a.length];
        sink[0] = a.length + b.length;
        return sink;
    }
}
