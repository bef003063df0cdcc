package dev.pageframe.engine;

import java.util.function.Consumer;

/**
 * A driver init function registered before boot: 1.2-style ({@code mem_start} in, new
 * {@code mem_start} out), a 1.2/2.0 driver using RAM above mem=, or modern early-boot code that
 * uses memblock. {@code module} marks code
 * built as a loadable module, which runs long after boot and so may use neither.
 */
public record Initcall(String name, BootInit memStartInit, Consumer<Memblock> earlyInit, long aboveMemBytes,
                       boolean module) {

    /** A built-in driver of the 1.2 kind, called from start_kernel's chain with memory_start. */
    public static Initcall builtin(String name, BootInit fn) {
        return new Initcall(name, fn, null, 0, false);
    }

    /** Built-in early-boot code of a modern kernel, given memblock. */
    public static Initcall early(String name, Consumer<Memblock> fn) {
        return new Initcall(name, null, fn, 0, false);
    }

    /** The same function built as a loadable module: registering it for boot is refused. */
    public static Initcall module(String name, BootInit fn) {
        return new Initcall(name, fn, null, 0, true);
    }

    /**
     * A built-in 1.2/2.0 driver that uses RAM above the mem= boot option: the kernel was told less
     * memory than there is, and the driver takes {@code bytes} of what lies above (never freed).
     */
    public static Initcall aboveMem(String name, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException(name + ": the size above mem= must be positive, got " + bytes);
        }
        return new Initcall(name, null, null, bytes, false);
    }
}
