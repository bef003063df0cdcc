package dev.pageframe.engine;

/**
 * One kmalloc size class: the block size handed out, how many blocks share a slab, and the order
 * of the slab's pages. {@code header} is the per-block bookkeeping 2.0 kept inside the block.
 */
public record KmallocClass(String name, int size, int objsPerSlab, int slabOrder, int header) {
    /** Largest request this class can serve. */
    public int usable() {
        return size - header;
    }
}
