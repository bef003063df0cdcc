package dev.pageframe.engine;

/** One slab: a run of pages cut into equal objects, with a bitmap of the ones in use. */
final class Slab {
    final int id;
    final int cacheIndex;
    final int pfn;
    final int order;
    final long[] inuseBits;
    final int objects;
    int inuse;

    Slab(int id, int cacheIndex, int pfn, int order, int objects) {
        this.id = id;
        this.cacheIndex = cacheIndex;
        this.pfn = pfn;
        this.order = order;
        this.objects = objects;
        this.inuseBits = new long[(objects + 63) / 64];
    }

    boolean isFree(int idx) {
        return (inuseBits[idx >>> 6] & (1L << idx)) == 0;
    }

    /** Lowest free object, or -1 when full. */
    int firstFree() {
        for (int w = 0; w < inuseBits.length; w++) {
            long free = ~inuseBits[w];
            if (free != 0) {
                int idx = (w << 6) + Long.numberOfTrailingZeros(free);
                return idx < objects ? idx : -1;
            }
        }
        return -1;
    }

    void take(int idx) {
        inuseBits[idx >>> 6] |= 1L << idx;
        inuse++;
    }

    void release(int idx) {
        inuseBits[idx >>> 6] &= ~(1L << idx);
        inuse--;
    }
}
