package dev.pageframe.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Where the engine's order-0 pair loses to the C baseline (BENCHMARKS.md, "## Engine"): the same pair on three
 * stripped-down models of the zone's buddy lists, each adding one layer of the engine's bookkeeping, timed in
 * alternating rounds in one JVM (this thread's CPU time; minimum and median of the measured rounds).
 * <ol>
 * <li>{@code bare}: bench/c/buddy.c line for line (next/prev/order arrays, one list per order, one count).</li>
 * <li>{@code + frame words}: the engine's frame encoding: one word per frame with tag, order and the two
 *     zone-relative links, the page marked allocated, merged heads cleared to tails.</li>
 * <li>{@code + migrate types}: three lists per order chosen by the pageblock's migrate type, and the counts the
 *     engine keeps per list operation (nr_free, nr_free per type, the non-empty-order mask, max-order blocks per
 *     section) and per call (free pages, splits, merges).</li>
 * </ol>
 * A main, not a test: {@code java -cp <test classpath> dev.pageframe.engine.bench.BuddyModelSteps}. The engine's own
 * buddy core on the same workload is {@code dev.pageframe.engine.PairCostSplit}'s first line.
 */
public final class BuddyModelSteps {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_ORDER = 10;
    /** The Normal zone of EngineBench's 16 GiB machine, as in bench/c/buddy.c. */
    private static final int ZONE_START_PFN = 0x100000;
    private static final int ZONE_PAGES = 0x340000;
    private static final int PAGEBLOCK_ORDER = 9;
    private static long sink;

    private BuddyModelSteps() {}

    /** The C program's algorithm. */
    private static final class Bare {
        static final int NIL = -1;
        final int[] next = new int[ZONE_PAGES];
        final int[] prev = new int[ZONE_PAGES];
        final byte[] buddyOrder = new byte[ZONE_PAGES];
        final int[] head = new int[MAX_ORDER + 1];
        final long[] nrFree = new long[MAX_ORDER + 1];

        Bare() {
            Arrays.fill(head, NIL);
        }

        void add(int pfn, int order) {
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

        void del(int pfn, int order) {
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

        int alloc(int order) {
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

        void free(int pfn, int order) {
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

        /** Each model has its own loop, so the JIT compiles its calls for this model alone. */
        double round(int n) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long s = 0;
            for (int i = 0; i < n; i++) {
                int pfn = alloc(0);
                free(pfn, 0);
                s += pfn;
            }
            sink += s;
            return (double) (THREADS.getCurrentThreadCpuTime() - cpu) / n;
        }

        void boot(int firstPfn) {
            for (int pfn = firstPfn + ZONE_PAGES - (1 << MAX_ORDER); pfn >= firstPfn; pfn -= 1 << MAX_ORDER) {
                free(pfn, MAX_ORDER);
            }
            long rnd = 10;
            for (int i = 0; i < 4096; i++) {
                rnd = EngineBench.next(rnd);
                alloc((int) (rnd >>> 20) & 3);
            }
        }
    }

    /**
     * One 64-bit word per frame: tag (4 bits), next (28), order (4), prev (28); links are offsets from the zone's
     * first frame, frames are whole pfns; one list and one count per order, as in the C program.
     */
    private static final class FrameWords {
        static final int NIL = (1 << 28) - 1;
        static final int BUDDY = 1;
        static final int PAGE = 2;
        final long[] frame = new long[ZONE_START_PFN + ZONE_PAGES];
        final int[] head = new int[MAX_ORDER + 1];
        final long[] nrFree = new long[MAX_ORDER + 1];

        FrameWords() {
            Arrays.fill(head, NIL);
        }

        static long word(int tag, int next, int order, int prev) {
            return ((long) ((tag << 28) | next) << 32) | (((order << 28) | prev) & 0xffffffffL);
        }

        void add(int pfn, int order) {
            int h = head[order];
            frame[pfn] = word(BUDDY, h == NIL ? NIL : h - ZONE_START_PFN, order, NIL);
            if (h != NIL) {
                frame[h] = (frame[h] & ~0x0fffffffL) | (pfn - ZONE_START_PFN);
            }
            head[order] = pfn;
            nrFree[order]++;
        }

        void del(int pfn, int order) {
            long w = frame[pfn];
            int next = (int) (w >>> 32) & NIL;
            int prev = (int) w & NIL;
            if (prev == NIL) {
                head[order] = next == NIL ? NIL : next + ZONE_START_PFN;
            } else {
                int p = prev + ZONE_START_PFN;
                frame[p] = (frame[p] & ~(0x0fffffffL << 32)) | ((long) next << 32);
            }
            if (next != NIL) {
                int n = next + ZONE_START_PFN;
                frame[n] = (frame[n] & ~0x0fffffffL) | prev;
            }
            nrFree[order]--;
        }

        int alloc(int order) {
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
                frame[pfn] = word(PAGE, 0, order, 0);
                return pfn;
            }
            return -1;
        }

        void free(int pfn, int order) {
            while (order < MAX_ORDER) {
                int buddy = pfn ^ (1 << order);
                if (buddy < ZONE_START_PFN || buddy >= ZONE_START_PFN + ZONE_PAGES
                        || (frame[buddy] & 0xf0000000f0000000L) != (((long) BUDDY << 60) | ((long) order << 28))) {
                    break;
                }
                del(buddy, order);
                int combined = pfn & buddy;
                frame[combined == pfn ? buddy : pfn] = 0;
                pfn = combined;
                order++;
            }
            add(pfn, order);
        }

        /** Each model has its own loop, so the JIT compiles its calls for this model alone. */
        double round(int n) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long s = 0;
            for (int i = 0; i < n; i++) {
                int pfn = alloc(0);
                free(pfn, 0);
                s += pfn;
            }
            sink += s;
            return (double) (THREADS.getCurrentThreadCpuTime() - cpu) / n;
        }

        void boot(int firstPfn) {
            for (int pfn = firstPfn + ZONE_PAGES - (1 << MAX_ORDER); pfn >= firstPfn; pfn -= 1 << MAX_ORDER) {
                free(pfn, MAX_ORDER);
            }
            long rnd = 10;
            for (int i = 0; i < 4096; i++) {
                rnd = EngineBench.next(rnd);
                alloc((int) (rnd >>> 20) & 3);
            }
        }
    }

    /** {@link FrameWords} with the engine's migrate-type lists, pageblock types and counts. */
    private static final class MigrateTypes {
        static final int NIL = (1 << 28) - 1;
        static final int BUDDY = 1;
        static final int PAGE = 2;
        static final int TYPES = 4;
        final long[] frame = new long[ZONE_START_PFN + ZONE_PAGES];
        final int[] head = new int[(MAX_ORDER + 1) * TYPES];
        final long[] nrFree = new long[MAX_ORDER + 1];
        final long[] nrFreeMt = new long[(MAX_ORDER + 1) * TYPES];
        final byte[] pageblockMt = new byte[(ZONE_PAGES >> PAGEBLOCK_ORDER) + 2];
        final int[] sectionMaxFree = new int[((ZONE_START_PFN + ZONE_PAGES) >>> 15) + 1];
        int freeOrders;
        long freePages;
        long splits;
        long merges;

        MigrateTypes() {
            Arrays.fill(head, NIL);
        }

        static long word(int tag, int next, int order, int prev) {
            return ((long) ((tag << 28) | next) << 32) | (((order << 28) | prev) & 0xffffffffL);
        }

        int pageblockMt(int pfn) {
            return pageblockMt[(pfn - ZONE_START_PFN) >> PAGEBLOCK_ORDER];
        }

        void add(int pfn, int order, int mt) {
            int list = order * TYPES + mt;
            int h = head[list];
            frame[pfn] = word(BUDDY, h == NIL ? NIL : h - ZONE_START_PFN, order, NIL);
            if (h != NIL) {
                frame[h] = (frame[h] & ~0x0fffffffL) | (pfn - ZONE_START_PFN);
            }
            head[list] = pfn;
            nrFree[order]++;
            nrFreeMt[list]++;
            freeOrders |= 1 << order;
            if (order == MAX_ORDER) {
                sectionMaxFree[pfn >>> 15]++;
            }
        }

        void del(int pfn, int order, int mt) {
            int list = order * TYPES + mt;
            long w = frame[pfn];
            int next = (int) (w >>> 32) & NIL;
            int prev = (int) w & NIL;
            if (prev == NIL) {
                head[list] = next == NIL ? NIL : next + ZONE_START_PFN;
            } else {
                int p = prev + ZONE_START_PFN;
                frame[p] = (frame[p] & ~(0x0fffffffL << 32)) | ((long) next << 32);
            }
            if (next != NIL) {
                int n = next + ZONE_START_PFN;
                frame[n] = (frame[n] & ~0x0fffffffL) | prev;
            }
            if (--nrFree[order] == 0) {
                freeOrders &= ~(1 << order);
            }
            nrFreeMt[list]--;
            if (order == MAX_ORDER) {
                sectionMaxFree[pfn >>> 15]--;
            }
        }

        int alloc(int order) {
            int mt = 0;
            for (int current = order; current <= MAX_ORDER; current++) {
                int pfn = head[current * TYPES + mt];
                if (pfn == NIL) {
                    continue;
                }
                del(pfn, current, mt);
                int blockMt = current <= PAGEBLOCK_ORDER ? pageblockMt(pfn) : -1;
                splits += current - order;
                while (current > order) {
                    current--;
                    int half = pfn + (1 << current);
                    add(half, current, blockMt >= 0 ? blockMt : pageblockMt(half));
                }
                frame[pfn] = word(PAGE, 0, order, 0);
                freePages -= 1L << order;
                return pfn;
            }
            return -1;
        }

        void free(int pfn, int order) {
            freePages += 1L << order;
            int mt = pageblockMt(pfn);
            int start = order;
            while (order < MAX_ORDER) {
                int buddy = pfn ^ (1 << order);
                if (buddy < ZONE_START_PFN || buddy >= ZONE_START_PFN + ZONE_PAGES
                        || (frame[buddy] & 0xf0000000f0000000L) != (((long) BUDDY << 60) | ((long) order << 28))) {
                    break;
                }
                del(buddy, order, order < PAGEBLOCK_ORDER ? mt : pageblockMt(buddy));
                int combined = pfn & buddy;
                frame[combined == pfn ? buddy : pfn] = 0;
                pfn = combined;
                order++;
            }
            merges += order - start;
            add(pfn, order, order <= PAGEBLOCK_ORDER ? mt : pageblockMt(pfn));
        }

        /** Each model has its own loop, so the JIT compiles its calls for this model alone. */
        double round(int n) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long s = 0;
            for (int i = 0; i < n; i++) {
                int pfn = alloc(0);
                free(pfn, 0);
                s += pfn;
            }
            sink += s;
            return (double) (THREADS.getCurrentThreadCpuTime() - cpu) / n;
        }

        void boot(int firstPfn) {
            for (int pfn = firstPfn + ZONE_PAGES - (1 << MAX_ORDER); pfn >= firstPfn; pfn -= 1 << MAX_ORDER) {
                free(pfn, MAX_ORDER);
            }
            long rnd = 10;
            for (int i = 0; i < 4096; i++) {
                rnd = EngineBench.next(rnd);
                alloc((int) (rnd >>> 20) & 3);
            }
        }
    }

    public static void main(String[] args) {
        String[] names = {"bare (the C algorithm)", "+ frame words", "+ migrate types and counts"};
        Bare bare = new Bare();
        bare.boot(0);
        FrameWords words = new FrameWords();
        words.boot(ZONE_START_PFN);
        MigrateTypes types = new MigrateTypes();
        types.boot(ZONE_START_PFN);
        int rounds = 45;
        double[][] ns = new double[names.length][rounds];
        for (int r = 0; r < rounds; r++) {
            ns[0][r] = bare.round(1 << 19);
            ns[1][r] = words.round(1 << 19);
            ns[2][r] = types.round(1 << 19);
        }
        for (int i = 0; i < names.length; i++) {
            double[] measured = Arrays.copyOfRange(ns[i], rounds / 3, rounds);
            Arrays.sort(measured);
            System.out.printf("%-28s %.2f ns per pair (CPU, best round), median %.2f%n", names[i], measured[0],
                measured[measured.length / 2]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
