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
}
