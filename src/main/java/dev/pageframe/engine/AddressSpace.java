package dev.pageframe.engine;

/**
 * The kernel's virtual layout of one machine: the direct map of low memory at PAGE_OFFSET and the
 * vmalloc area (arch/x86/include/asm/page_types.h, pgtable_64_types.h; 2.0's asm/page.h).
 */
final class AddressSpace {
    final long pageOffset;
    final int pageShift;
    /** Frames below this have a direct-map address; HighMem frames do not. */
    final int lowmemEndPfn;
    final long vmallocStart;
    final long vmallocEnd;

    AddressSpace(MachineProfile p, int lowmemEndPfn, long memoryEnd) {
        this.pageOffset = p.pageOffset();
        this.pageShift = p.pageShift();
        this.lowmemEndPfn = lowmemEndPfn;
        long highMemory = pageOffset + ((long) lowmemEndPfn << pageShift);
        if (p.vmallocStart() != 0) {
            vmallocStart = p.vmallocStart();
            vmallocEnd = vmallocStart + p.vmallocSize();
        } else if (p.era() == Era.MODERN) {
            // arch/x86/include/asm/pgtable_32_areas.h: VMALLOC_START is high_memory plus the 8 MiB gap, unrounded, and
            // the area runs to VMALLOC_END, a fixed address: where it ends when low memory is full (MAXMEM plus
            // __VMALLOC_RESERVE above PAGE_OFFSET). A machine with less RAM than that has a larger area. Pageframe has
            // no fixmap or pkmap, so that end is the top of the 32-bit space.
            vmallocStart = highMemory + p.vmallocGap();
            vmallocEnd = pageOffset + p.lowmemLimit() + p.vmallocGap() + p.vmallocSize();
        } else {
            // 1.2 and 2.0 (asm/pgtable.h: VMALLOC_START): the end of physical memory rounded up past the 8 MiB gap.
            long gap = p.vmallocGap();
            vmallocStart = (highMemory + gap) & ~(gap - 1);
            vmallocEnd = vmallocStart + p.vmallocSize();
        }
    }

    long pfn_to_virt(int pfn) {
        return pageOffset + ((long) pfn << pageShift);
    }

    /** True when addr lies in the direct map of a present low-memory frame range. */
    boolean virt_addr_valid(long addr) {
        long off = addr - pageOffset;
        return Long.compareUnsigned(off, (long) lowmemEndPfn << pageShift) < 0;
    }

    int virt_to_pfn(long addr) {
        return (int) ((addr - pageOffset) >>> pageShift);
    }

    long virt_to_phys(long addr) {
        return addr - pageOffset;
    }

    boolean is_vmalloc_addr(long addr) {
        return Long.compareUnsigned(addr, vmallocStart) >= 0 && Long.compareUnsigned(addr, vmallocEnd) < 0;
    }
}
