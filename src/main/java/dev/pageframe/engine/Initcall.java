package dev.pageframe.engine;

import java.util.function.Consumer;

/**
 * A driver init function registered before boot: 2.0-style ({@code mem_start} in, new
 * {@code mem_start} out) or modern early-boot code that uses memblock. {@code module} marks code
 * built as a loadable module, which runs long after boot and so may use neither.
 */
public record Initcall(String name, BootInit memStartInit, Consumer<Memblock> earlyInit, boolean module) {

    /** A built-in driver of the 2.0 kind. */
    public static Initcall builtin(String name, BootInit fn) {
        return new Initcall(name, fn, null, false);
    }

    /** Built-in early-boot code of a modern kernel, given memblock. */
    public static Initcall early(String name, Consumer<Memblock> fn) {
        return new Initcall(name, null, fn, false);
    }

    /** The same function built as a loadable module: registering it for boot is refused. */
    public static Initcall module(String name, BootInit fn) {
        return new Initcall(name, fn, null, true);
    }
}
