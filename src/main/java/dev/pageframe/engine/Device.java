package dev.pageframe.engine;

/** A DMA-capable device and the highest bus address it can reach (include/linux/device.h: dma_mask). */
public record Device(String name, long dma_mask) {
    /** An ISA card: 24 address lines, so only the first 16 MiB. */
    public static Device isa(String name) {
        return new Device(name, (1L << 24) - 1);
    }

    /** A PCI card limited to 32-bit addresses. */
    public static Device pci32(String name) {
        return new Device(name, 0xffffffffL);
    }

    /** A device that can reach all of memory. */
    public static Device pci64(String name) {
        return new Device(name, -1L);
    }
}
