package dev.pageframe.engine;

/** Zone indices in the kernel's order (include/linux/mmzone.h: enum zone_type). */
public enum ZoneType {
    DMA("DMA"), DMA32("DMA32"), NORMAL("Normal"), HIGHMEM("HighMem");

    private final String kernelName;

    ZoneType(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The name /proc/zoneinfo and /proc/buddyinfo print. */
    public String kernelName() {
        return kernelName;
    }
}
