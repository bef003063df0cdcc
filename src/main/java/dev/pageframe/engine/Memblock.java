package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The early-boot allocator of modern kernels (mm/memblock.c): ranges of memory and ranges reserved
 * from it, before the buddy allocator exists. Allocation is top-down below the direct-map limit,
 * as x86 sets it up. {@link #memblock_free_all()} ends its life.
 */
public final class Memblock {
    private final List<PhysRange> memory;
    private final List<PhysRange> reserved = new ArrayList<>();
    private final long limit;
    private final long pageOffset;
    private final long pageSize;
    private boolean closed;
    private String currentOwner = "memblock";

    Memblock(List<PhysRange> memory, long limit, long pageOffset, long pageSize) {
        this.memory = memory;
        this.limit = limit;
        this.pageOffset = pageOffset;
        this.pageSize = pageSize;
    }

    void setOwner(String owner) {
        currentOwner = owner;
    }

    private void checkOpen(String fn) {
        if (closed) {
            throw new KernelBugException(fn + "() after memblock_free_all(): memblock is gone once the buddy allocator "
                + "owns memory; use kmalloc, vmalloc or __get_free_pages", List.of());
        }
    }

    /** Reserves a physical range so the buddy allocator never gets it. */
    public void memblock_reserve(long base, long size) {
        checkOpen("memblock_reserve");
        reserved.add(new PhysRange(base, base + size, currentOwner));
    }

    /** Allocates size bytes aligned to align (zeroed, as memblock_alloc does) and returns its virtual address, or 0. */
    public long memblock_alloc(long size, long align) {
        return alloc_below(size, align, limit, "memblock_alloc");
    }

    /** mm/memblock.c: memblock_alloc_low: like memblock_alloc, but below ARCH_LOW_ADDRESS_LIMIT (4 GiB on x86). */
    long memblock_alloc_low(long size, long align) {
        return alloc_below(size, align, Math.min(limit, 1L << 32), "memblock_alloc_low");
    }

    private long alloc_below(long size, long align, long limit, String fn) {
        checkOpen(fn);
        if (align <= 0 || Long.bitCount(align) != 1) {
            throw new IllegalArgumentException(fn + ": align must be a power of two, got " + align);
        }
        for (int i = memory.size() - 1; i >= 0; i--) {
            PhysRange m = memory.get(i);
            long top = Math.min(m.end(), limit);
            long candidate = (top - size) & ~(align - 1);
            while (candidate >= m.start()) {
                PhysRange clash = overlapping(candidate, candidate + size);
                if (clash == null) {
                    reserved.add(new PhysRange(candidate, candidate + size, currentOwner));
                    return pageOffset + candidate;
                }
                candidate = (clash.start() - size) & ~(align - 1);
            }
        }
        return 0;
    }

    /** Gives back part of an earlier memblock_alloc before the buddy allocator starts. */
    public void memblock_free(long virt, long size) {
        checkOpen("memblock_free");
        long phys = virt - pageOffset;
        reserved.removeIf(r -> r.start() == phys && r.size() == size);
    }

    private PhysRange overlapping(long start, long end) {
        for (PhysRange r : reserved) {
            if (r.start() < end && start < r.end()) {
                return r;
            }
        }
        return null;
    }

    List<PhysRange> reserved() {
        return List.copyOf(reserved);
    }

    /** Ends early boot; the caller hands all unreserved memory to the buddy allocator. */
    void memblock_free_all() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    long pageSize() {
        return pageSize;
    }
}
