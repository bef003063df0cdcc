package dev.pageframe.execution.display;

/** How a frame map names and colours a frame: the legend's kinds, read from and written to the vnd JSON; cells turn the engine's {@code FrameKind} into these. */
public enum FrameMapKind {
    FREE("free", "free"),
    PAGE("page", "page allocator"),
    SLAB("slab", "slab"),
    VMALLOC("vmalloc", "vmalloc"),
    DMA("dma", "DMA buffer"),
    PAGECACHE("pagecache", "page cache"),
    ANON("anon", "user memory"),
    RESERVED("reserved", "reserved (boot)"),
    FIRMWARE("firmware", "firmware / BIOS"),
    KERNEL("kernel", "kernel image"),
    HOLE("hole", "hole");

    private final String jsonName;
    private final String label;

    FrameMapKind(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    /** The name used in the vnd JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** The legend's wording. */
    public String label() {
        return label;
    }

    /** Reads a name written by {@link #jsonName()}. */
    public static FrameMapKind fromJson(String name) {
        for (FrameMapKind k : values()) {
            if (k.jsonName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown frame kind: " + name);
    }
}
