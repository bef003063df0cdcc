package dev.pageframe.engine;

import java.util.List;

/**
 * The software I/O TLB (kernel/dma/swiotlb.c): a pool below 4 GiB set aside at boot, through which
 * a buffer a device cannot reach is bounced. Slots are IO_TLB_SIZE (2 KiB); a mapping takes whole
 * slots. The pool is handed out in order and starts over once every mapping is gone.
 */
final class Swiotlb {
    /** include/linux/swiotlb.h: IO_TLB_SHIFT 11. */
    static final long IO_TLB_SIZE = 1L << 11;
    /** include/linux/swiotlb.h: IO_TLB_DEFAULT_SIZE, 64 MiB. */
    static final long IO_TLB_DEFAULT_SIZE = 64L << 20;

    private final long start;
    private final long nslabs;
    private final KernelLog log;
    private long next;
    private long used;
    private boolean warnedOverflow;

    Swiotlb(long start, long bytes, KernelLog log) {
        this.start = start;
        this.nslabs = bytes / IO_TLB_SIZE;
        this.log = log;
    }

    long start() {
        return start;
    }

    long end() {
        return start + nslabs * IO_TLB_SIZE;
    }

    /** kernel/dma/swiotlb.c: swiotlb_map. Returns the bounce buffer's bus address or DMA_MAPPING_ERROR. */
    long map(Device dev, long phys, long size) {
        long slots = (Math.max(size, 1) + IO_TLB_SIZE - 1) / IO_TLB_SIZE;
        if (next + slots > nslabs) {
            log.printk(String.format("%s: swiotlb buffer is full (sz: %d bytes), total %d (slots), used %d (slots)",
                dev.name(), size, nslabs, used));
            return Kernel.DMA_MAPPING_ERROR;
        }
        long bus = start + next * IO_TLB_SIZE;
        if (!DmaApi.dma_capable(dev, bus, size)) {
            // The pool itself is out of the device's reach (an ISA card and a pool above 16 MiB).
            if (!warnedOverflow) {
                warnedOverflow = true;
                List.of("------------[ cut here ]------------",
                    String.format("%s: swiotlb addr 0x%016x+%d overflow (mask %x, bus limit 0).", dev.name(), bus, size,
                        dev.dma_mask()),
                    "WARNING: CPU: 0 PID: 0 at kernel/dma/swiotlb.c: swiotlb_map",
                    "---[ end trace 0000000000000000 ]---").forEach(log::printk);
            }
            return Kernel.DMA_MAPPING_ERROR;
        }
        next += slots;
        used += slots;
        return bus;
    }

    void unmap(long bus, long size) {
        if (bus < start || bus >= end()) {
            return;
        }
        used -= Math.min(used, (Math.max(size, 1) + IO_TLB_SIZE - 1) / IO_TLB_SIZE);
        if (used == 0) {
            next = 0;
        }
    }
}
