package dev.pageframe.engine;

/**
 * The simulated {@code mem_map}: one entry per page frame, eight bytes each, in two parallel int
 * arrays so that a 64 GiB machine fits in 128 MiB of heap.
 *
 * <p>Word {@code a} holds a 4-bit tag and a 28-bit payload; word {@code b} holds the block order and
 * a second 28-bit payload. Only the first frame of a block (free or allocated) carries state; every
 * other frame is tagged {@link #TAIL}, as the kernel marks only the head page of a buddy block
 * (PageBuddy and page_private hold the order, mm/page_alloc.c: set_buddy_order). Tagging only heads
 * keeps split and merge O(1) per step.
 *
 * <table>
 *   <tr><th>tag</th><th>a payload</th><th>b payload</th></tr>
 *   <tr><td>BUDDY</td><td>next free block (pfn)</td><td>previous free block (pfn)</td></tr>
 *   <tr><td>PAGE</td><td>allocation flags</td><td>–</td></tr>
 *   <tr><td>SLAB</td><td>cache index</td><td>slab index</td></tr>
 *   <tr><td>VMALLOC</td><td>area id</td><td>–</td></tr>
 *   <tr><td>PAGECACHE, ANON</td><td>next on LRU</td><td>previous on LRU</td></tr>
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
    /** End of a list; also the largest pfn count a table can hold. */
    static final int NIL = PAYLOAD;

    /** PAGE payload bits. */
    static final int PF_MIGRATE_MASK = 0x7;
    static final int PF_DMA = 0x8;
    static final int PF_KMALLOC_LARGE = 0x10;
    static final int PF_ZEROED = 0x20;

    final int[] a;
    final int[] b;

    FrameTable(int frames) {
        if (frames >= NIL) {
            throw new IllegalArgumentException("too many page frames for the simulated mem_map: " + frames);
        }
        a = new int[frames];
        b = new int[frames];
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
