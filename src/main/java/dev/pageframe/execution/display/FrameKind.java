package dev.pageframe.execution.display;

/** What a page frame is used for, as a frame map colours it. */
public enum FrameKind {
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

    FrameKind(String jsonName, String label) {
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
    public static FrameKind fromJson(String name) {
        for (FrameKind k : values()) {
            if (k.jsonName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown frame kind: " + name);
    }
}
