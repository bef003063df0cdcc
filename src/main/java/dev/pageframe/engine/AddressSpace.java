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
        if (p.vmallocStart() != 0) {
            vmallocStart = p.vmallocStart();
        } else {
            // VMALLOC_START: the end of the direct map rounded up past an 8 MiB gap that catches overruns.
            long highMemory = pageOffset + ((long) lowmemEndPfn << pageShift);
            long gap = p.vmallocGap();
            vmallocStart = (highMemory + gap) & ~(gap - 1);
        }
        vmallocEnd = vmallocStart + p.vmallocSize();
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
