package dev.pageframe.engine;

import java.util.List;

/**
 * A simulated machine's fixed facts: page size, orders, zone limits, address layout, kmalloc classes
 * and costs. Profiles are data; the rules that differ by era branch on {@link #era()}.
 *
 * @param pageOffset      virtual address of physical 0 in the kernel's direct map (PAGE_OFFSET)
 * @param lowmemLimit     physical end of memory the direct map covers; higher pages are HighMem
 * @param pciHoleStart    on machines with more RAM than this, the range up to {@code pciHoleEnd}
 *                        is a device hole and the rest of RAM starts after it (0 = no hole)
 * @param vmallocGap      gap between the end of the direct map and the vmalloc area (VMALLOC_OFFSET)
 * @param vmallocStart    fixed start of the vmalloc area, or 0 when it follows the direct map
 * @param kernelCodeBytes the text part of the kernel image (the "kernel code" of 1.2/2.0's banner)
 */
public record MachineProfile(
        String name,
        Era era,
        String description,
        int pageShift,
        int maxOrder,
        int pageblockOrder,
        long pageOffset,
        long dmaLimit,
        long dma32Limit,
        long lowmemLimit,
        long pciHoleStart,
        long pciHoleEnd,
        long kernelPhysStart,
        long kernelImageBytes,
        long kernelCodeBytes,
        List<PhysRange> firmwareReserved,
        long vmallocStart,
        long vmallocGap,
        long vmallocSize,
        List<KmallocClass> kmallocClasses,
        long kmallocMaxSize,
        int kmallocHeader,
        CostModel cost,
        long minMemory,
        long maxMemory) {

    public long pageSize() {
        return 1L << pageShift;
    }

    /** MAX_ORDER in 2.0's sense: the number of orders. */
    public int nrOrders() {
        return maxOrder + 1;
    }

    public boolean hasHighmem() {
        return lowmemLimit > 0;
    }

    public boolean hasDma32() {
        return dma32Limit > 0;
    }

    /** The least low memory Pageframe boots a vmalloc= machine with: the DMA zone and room for a Normal one. */
    static final long VMALLOC_MIN_LOWMEM = 32L << 20;

    /**
     * This profile booted with {@code vmalloc=size} (arch/x86/mm/pgtable_32.c: parse_vmalloc). The kernel's 1 GiB above
     * PAGE_OFFSET holds the direct map, the 8 MiB gap and the vmalloc area; the option sets __VMALLOC_RESERVE to the
     * size plus that gap, and the direct map (MAXMEM, so the end of low memory) ends that far below the top. A larger
     * vmalloc area therefore moves RAM from Normal to HighMem. The default reserve (128 MiB with the gap) is what makes
     * the familiar 896 MiB. The area itself runs to a fixed end (AddressSpace), so a machine with less RAM has more.
     */
    public MachineProfile withVmallocReserve(long size) {
        if (era != Era.MODERN || !hasHighmem()) {
            throw new IllegalArgumentException("vmalloc= is an option of 32-bit x86 kernels (the i386 profile); "
                + name + (era == Era.MODERN ? " maps all its memory and has " + Sizes.format(vmallocSize)
                + " of vmalloc space" : " has no such option"));
        }
        long kernelSpace = (1L << 32) - pageOffset;
        long lowmem = kernelSpace - vmallocGap - size;
        if (size <= 0 || size % pageSize() != 0) {
            throw new IllegalArgumentException("vmalloc=" + size + ": the size must be a positive number of whole "
                + Sizes.format(pageSize()) + " pages");
        }
        if (lowmem < VMALLOC_MIN_LOWMEM) {
            throw new IllegalArgumentException(String.format("vmalloc=%s leaves %s of low memory below the %s vmalloc gap; "
                + "Pageframe needs at least %s, so vmalloc= may be at most %s", Sizes.format(size),
                Sizes.format(Math.max(0, lowmem)), Sizes.format(vmallocGap), Sizes.format(VMALLOC_MIN_LOWMEM),
                Sizes.format(kernelSpace - vmallocGap - VMALLOC_MIN_LOWMEM)));
        }
        return new MachineProfile(name, era, description, pageShift, maxOrder, pageblockOrder, pageOffset, dmaLimit,
            dma32Limit, lowmem, pciHoleStart, pciHoleEnd, kernelPhysStart, kernelImageBytes, kernelCodeBytes,
            firmwareReserved, vmallocStart, vmallocGap, size, kmallocClasses, kmallocMaxSize, kmallocHeader, cost,
            minMemory, maxMemory);
    }
}
