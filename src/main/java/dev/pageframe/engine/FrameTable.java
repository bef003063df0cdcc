package dev.pageframe.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

/**
 * The simulated {@code mem_map}: one entry per page frame, eight bytes each, in two parallel int
 * arrays, so that a 1 TiB machine (268.7 M frames with the PCI hole) fits in 2.15 GB of heap.
 *
 * <p>Word {@code a} holds a 4-bit tag and a 28-bit payload; word {@code b} holds the block order and
 * a second 28-bit payload. Only the first frame of a block (free or allocated) carries state; every
 * other frame is tagged {@link #TAIL}, as the kernel marks only the head page of a buddy block
 * (PageBuddy and page_private hold the order, mm/page_alloc.c: set_buddy_order). Tagging only heads
 * keeps split and merge O(1) per step, and a fresh table (all zero) is all tails, so boot only
 * writes the heads of the blocks it frees.
 *
 * <p>Links take no more than 28 bits although pfns of a 1 TiB machine need 29:
 * <ul>
 * <li>A free block's links point to blocks of the same zone (each zone has its own free_area), so
 *     they are stored as offsets from zone_start_pfn. A zone may therefore span at most
 *     {@link #MAX_ZONE_PAGES} frames (1 TiB less one page with 4 KiB pages); a larger one is refused
 *     when the machine is laid out, before any table is allocated.</li>
 * <li>The page-cache LRU is one list for the whole machine (a node's lruvec), so its links are
 *     whole pfns of 30 bits: a page-cache page has no order, and the order nibble of word {@code b}
 *     holds the top two bits of both links. A table may hold up to {@link #MAX_FRAMES} frames.</li>
 * <li>A user page's index in its task's page list uses word {@code b} whole, for the same reason.</li>
 * </ul>
 *
 * <table>
 *   <tr><th>tag</th><th>a payload</th><th>b</th></tr>
 *   <tr><td>BUDDY</td><td>next free block (offset in the zone)</td><td>order, previous free block (offset)</td></tr>
 *   <tr><td>PAGE</td><td>allocation flags</td><td>order</td></tr>
 *   <tr><td>SLAB</td><td>cache index</td><td>order, slab index</td></tr>
 *   <tr><td>VMALLOC</td><td>area id</td><td>index in the area</td></tr>
 *   <tr><td>PAGECACHE</td><td>next on LRU, low 28 bits</td><td>top 2 bits of next and of previous, previous on LRU</td></tr>
 *   <tr><td>ANON</td><td>owning pid</td><td>index in the task's pages (32 bits)</td></tr>
 *   <tr><td>RESERVED</td><td>reservation owner index</td><td>–</td></tr>
 * </table>
 */
final class FrameTable {
    static final int TAIL = 0;
    static final int BUDDY = 1;
    static final int PAGE = 2;
    static final int SLAB = 3;
    static final int VMALLOC = 4;
    static final int PAGECACHE = 5;
    static final int ANON = 6;
    static final int RESERVED = 7;
    static final int HOLE = 8;

    static final int SHIFT = 28;
    static final int PAYLOAD = (1 << SHIFT) - 1;
    /** End of a free list (a zone-relative offset no frame has). */
    static final int NIL = PAYLOAD;
    /** The most frames a zone may span: its free-list offsets must stay below {@link #NIL}. */
    static final int MAX_ZONE_PAGES = NIL;
    private static final int LRU_BITS = 30;
    private static final int LRU_MASK = (1 << LRU_BITS) - 1;
    /** End of the LRU list (a pfn no frame has). */
    static final int LRU_NIL = LRU_MASK;
    /** The most frames a table may hold: LRU links are 30-bit pfns below {@link #LRU_NIL}. */
    static final int MAX_FRAMES = LRU_NIL;

    /** PAGE payload bits. */
    static final int PF_MIGRATE_MASK = 0x7;
    static final int PF_DMA = 0x8;
    static final int PF_KMALLOC_LARGE = 0x10;
    static final int PF_ZEROED = 0x20;

    final int[] a;
    final int[] b;
    /**
     * Frames per section, as the kernel divides memory into mem_sections (x86_64: SECTION_SIZE_BITS
     * 27, 128 MiB of 4 KiB pages).
     */
    static final int SECTION_SHIFT = 15;
    static final int PAGES_PER_SECTION = 1 << SECTION_SHIFT;
    /**
     * Free blocks of the largest order in each section, kept by the zones' free lists: a section
     * whose count is full is free from end to end, and the frame map passes it in one step instead
     * of one step per block (a 1 TiB machine has 8 K sections, 262 K max-order blocks). One int per
     * 32 K frames.
     */
    final int[] section_max_free;

    FrameTable(int frames) {
        if (frames < 0 || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("too many page frames for the simulated mem_map: " + frames
                + " (at most " + MAX_FRAMES + ", 4 TiB of 4 KiB pages)");
        }
        if (frames >= TOGETHER_FRAMES && fitsCommittedHeap(heapBytes(frames))) {
            int[][] words = allocateTogether(frames, frames, Thread.ofPlatform().name("mem_map").daemon().factory());
            a = words[0];
            b = words[1];
        } else {
            a = new int[frames];
            b = new int[frames];
        }
        section_max_free = new int[(frames >>> SECTION_SHIFT) + 1];
    }

    /**
     * From this many frames (256 GiB of 4 KiB pages, 256 MiB per word array) a table's two arrays are allocated on two
     * threads ({@link #allocateTogether}). A smaller table is zeroed in well under the time the kernel's host takes
     * to compile its imports on the other core, and a second thread there only took that core from it: a 64 GiB
     * run was 0.07 s slower with one (BENCHMARKS.md).
     */
    static final int TOGETHER_FRAMES = 1 << 26;

    /**
     * Whether the heap has this much room already committed. Where it has not, a serial or G1 heap grows for each
     * array in a collector's pause, which waits for the other thread's zeroing, and two threads were slower than one
     * (BENCHMARKS.md, "The first boot of a 1 TiB machine").
     */
    private static boolean fitsCommittedHeap(long bytes) {
        return Runtime.getRuntime().freeMemory() >= bytes;
    }

    /**
     * Two new arrays, the second on a thread of its own. The JVM zeroes a new array on the thread that allocates it,
     * and an array of a gibibyte (a word of a 1 TiB machine's table) is mostly the operating system faulting in
     * fresh pages, which two cores do in about half the time of one. Either thread's failure (an OutOfMemoryError)
     * reaches the caller, and the second thread has ended before this returns or throws. Where no thread can be
     * had (a process limit), the caller allocates both, as a small table always does.
     */
    static int[][] allocateTogether(int lengthA, int lengthB, ThreadFactory threads) {
        CompletableFuture<int[]> second = new CompletableFuture<>();
        try {
            threads.newThread(() -> {
                try {
                    second.complete(new int[lengthB]);
                } catch (Throwable t) {
                    second.completeExceptionally(t);
                }
            }).start();
        } catch (OutOfMemoryError noThread) {
            return new int[][] {new int[lengthA], new int[lengthB]};
        }
        int[] first;
        try {
            first = new int[lengthA];
        } finally {
            // Whatever happened here, the second thread is waited for. join() is not interruptible: a boot that a
            // cell's interrupt reaches still gets its table, and the interrupt is kept for the caller.
            second.exceptionally(failed -> null).join();
        }
        try {
            return new int[][] {first, second.join()};
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** What a table of this many frames takes: the two words per frame and the section counts. */
    static long heapBytes(long frames) {
        return frames * (Integer.BYTES * 2L) + ((frames >>> SECTION_SHIFT) + 1) * Integer.BYTES;
    }

    int size() {
        return a.length;
    }

    int tag(int pfn) {
        return a[pfn] >>> SHIFT;
    }

    int payloadA(int pfn) {
        return a[pfn] & PAYLOAD;
    }

    int payloadB(int pfn) {
        return b[pfn] & PAYLOAD;
    }

    int order(int pfn) {
        return b[pfn] >>> SHIFT;
    }

    void set(int pfn, int tag, int payloadA, int order, int payloadB) {
        a[pfn] = (tag << SHIFT) | payloadA;
        b[pfn] = (order << SHIFT) | payloadB;
    }

    void setPayloadA(int pfn, int payload) {
        a[pfn] = (a[pfn] & ~PAYLOAD) | payload;
    }

    void setPayloadB(int pfn, int payload) {
        b[pfn] = (b[pfn] & ~PAYLOAD) | payload;
    }

    void makeTail(int pfn) {
        a[pfn] = 0;
        b[pfn] = 0;
    }

    /** Whether the section starting at pfn is entirely free blocks of maxOrder. */
    boolean sectionAllFree(int pfn, int maxOrder) {
        return (pfn & (PAGES_PER_SECTION - 1)) == 0 && pfn + PAGES_PER_SECTION <= a.length
            && section_max_free[pfn >>> SECTION_SHIFT] == PAGES_PER_SECTION >>> maxOrder;
    }

    /** Why a zone of this many frames cannot be simulated, naming the limit. */
    static String zoneTooLarge(String zone, long frames) {
        return String.format("zone %s would span %d page frames, but the simulated mem_map links free blocks by their "
            + "offset in the zone in 28 bits, so a zone may span at most %d frames (1 TiB less one page with 4 KiB "
            + "pages); choose less memory", zone, frames, MAX_ZONE_PAGES);
    }

    /** Makes pfn a page-cache page on the LRU between next and prev (whole pfns or {@link #LRU_NIL}). */
    void setLru(int pfn, int next, int prev) {
        a[pfn] = (PAGECACHE << SHIFT) | (next & PAYLOAD);
        b[pfn] = ((next >>> SHIFT) << LRU_BITS) | prev;
    }

    int lruNext(int pfn) {
        return (a[pfn] & PAYLOAD) | ((b[pfn] >>> LRU_BITS) << SHIFT);
    }

    int lruPrev(int pfn) {
        return b[pfn] & LRU_MASK;
    }

    void setLruNext(int pfn, int next) {
        a[pfn] = (a[pfn] & ~PAYLOAD) | (next & PAYLOAD);
        b[pfn] = (b[pfn] & LRU_MASK) | ((next >>> SHIFT) << LRU_BITS);
    }

    void setLruPrev(int pfn, int prev) {
        b[pfn] = (b[pfn] & ~LRU_MASK) | prev;
    }

    /** Makes pfn a user page of the task, the index-th of its pages. */
    void setAnon(int pfn, int pid, int index) {
        a[pfn] = (ANON << SHIFT) | (pid & PAYLOAD);
        b[pfn] = index;
    }

    int anonPid(int pfn) {
        return a[pfn] & PAYLOAD;
    }

    int anonIndex(int pfn) {
        return b[pfn];
    }

    /** The head of the block containing pfn: walks back over tail frames, as compound_head does. */
    int headOf(int pfn, int maxOrder) {
        int limit = Math.max(0, pfn - (1 << maxOrder));
        for (int p = pfn; p >= limit; p--) {
            if (tag(p) != TAIL) {
                return p;
            }
        }
        return -1;
    }
}
