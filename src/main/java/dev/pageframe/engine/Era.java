package dev.pageframe.engine;

/** The kernel generation a machine profile models; rules that changed between them branch on this. */
public enum Era {
    /** Linux 1.2 (1995): built-in drivers carve boot memory from memory_start, one reserve, no kswapd. */
    LINUX_1_2("1.2.13"),
    /** Linux 2.0 (1996): one free list per order, numeric GFP priorities, core-only memory_start chain. */
    LINUX_2_0("2.0.40"),
    /** Linux 6.x: zones with watermarks, GFP bit flags, migrate types, memblock. */
    MODERN("6.12.0");

    private final String release;

    Era(String release) {
        this.release = release;
    }

    /** The kernel release the machine's banner names; its rules are that release's. */
    public String release() {
        return release;
    }

    /** Linux 1.2 and 2.0: numeric priorities, global reserve, printk without timestamps. */
    public boolean legacy() {
        return this != MODERN;
    }
}
