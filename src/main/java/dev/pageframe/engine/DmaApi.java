package dev.pageframe.engine;

import java.util.List;

/**
 * Streaming DMA mappings behind {@link Kernel} (include/linux/dma-mapping.h, kernel/dma/direct.h):
 * vmalloc memory refused, unreachable buffers bounced through swiotlb or refused.
 */
final class DmaApi extends KernelPart {
    DmaApi(Kernel k) {
        super(k);
    }

    long dma_map_single(long addr, long size) {
        return dma_map_single(k.isaDevice, addr, size);
    }

    /** dev_WARN_ONCE sites already fired: each warns once per boot. */
    private final java.util.Set<String> warnedOnce = new java.util.HashSet<>();

    private void devWarnOnce(String site, Device dev, String message, String where) {
        if (!warnedOnce.add(site)) {
            return;
        }
        List.of("------------[ cut here ]------------", dev.name() + ": " + message,
            "WARNING: CPU: 0 PID: " + ctx.taskPid() + " at " + where,
            "Call Trace:", " <TASK>", " dma_map_single_attrs+0x0/0x0", " " + CallSite.caller(), " </TASK>",
            "---[ end trace 0000000000000000 ]---").forEach(log::printk);
    }

    long dma_map_single(Device dev, long addr, long size) {
        if (as.is_vmalloc_addr(addr)) {
            devWarnOnce("dma_map_single_attrs", dev, "rejecting DMA map of vmalloc memory",
                "include/linux/dma-mapping.h: dma_map_single_attrs");
            return Kernel.DMA_MAPPING_ERROR;
        }
        if (!as.virt_addr_valid(addr) || !as.virt_addr_valid(addr + Math.max(size, 1) - 1)) {
            throw pages.bug("dma_map_single: " + ptr(addr) + " is not in the kernel's direct map",
                List.of(dev.name() + ": DMA-API: device driver maps memory from invalid area [addr=" + ptr(addr)
                    + "] [len=" + size + "]"));
        }
        long phys = as.virt_to_phys(addr);
        if (dma_capable(dev, phys, size)) {
            return phys;
        }
        if (k.swiotlb != null) {
            return k.swiotlb.map(dev, phys, size);
        }
        devWarnOnce("dma_direct_map_phys", dev, String.format("DMA addr 0x%016x+%d overflow (mask %x, bus limit 0).",
            phys, size, dev.dma_mask()), "kernel/dma/direct.h: dma_direct_map_phys");
        return Kernel.DMA_MAPPING_ERROR;
    }

    /** kernel/dma/direct.h: dma_capable: the whole buffer lies within the device's mask. */
    static boolean dma_capable(Device dev, long busAddr, long size) {
        return Long.compareUnsigned(busAddr + Math.max(size, 1) - 1, dev.dma_mask()) <= 0;
    }

    int dma_mapping_error(Device dev, long dma_addr) {
        return dma_addr == Kernel.DMA_MAPPING_ERROR ? -12 : 0;
    }

    void dma_unmap_single(Device dev, long dma_addr, long size) {
        if (k.swiotlb != null && dma_addr != Kernel.DMA_MAPPING_ERROR) {
            k.swiotlb.unmap(dma_addr, size);
        }
    }
}
