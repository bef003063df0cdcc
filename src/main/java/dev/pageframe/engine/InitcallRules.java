package dev.pageframe.engine;

import java.util.List;

/**
 * Which boot-time init functions each era's kernel runs (init/main.c of 1.2 and 2.0, memblock on
 * modern kernels), checked before a machine boots so a wrong one is refused with the way to do it.
 */
final class InitcallRules {
    private InitcallRules() {}

    /** Refuses, before boot, an init function the profile's kernel could not have run. */
    static void check(MachineProfile profile, Initcall ic) {
        if (ic.module()) {
            throw new KernelBugException(ic.name() + ": boot-time reservation refused: '" + ic.name()
                + "' is a loadable module, and modules load after mem_init has handed all memory to the "
                + "page allocator. Only built-in drivers get mem_start; a module must use kmalloc, "
                + "__get_free_pages or vmalloc in its init_module.", List.of());
        }
        if (ic.memStartInit() != null && profile.era() == Era.MODERN) {
            throw new IllegalStateException(ic.name() + ": mem_start/mem_end driver init functions are Linux 1.2's "
                + "(2.0 kept memory_start for core init only, and bootmem replaced it in 2.3); on " + profile.name()
                + " register early_init(name, mb -> mb.memblock_alloc(size, align)) instead.");
        }
        if (ic.memStartInit() != null && profile.era() == Era.LINUX_2_0) {
            // init/main.c of 2.0: only paging, console, PCI, kmalloc, inode, file and name-cache init
            // still take memory_start; drivers run later from device_setup() (drivers/block/genhd.c).
            throw new IllegalStateException(ic.name() + ": Linux 2.0 no longer hands memory_start to drivers: "
                + "only core init (paging_init, console_init, pci_init, kmalloc_init, inode_init, file_table_init, "
                + "name_cache_init) takes it, and drivers are initialised later by device_setup(). Boot an "
                + "i386-linux-1.2 machine to see drivers carve boot memory, or on 2.0 boot with mem= and use "
                + "above_mem_init(name, bytes), or allocate at run time with kmalloc or __get_free_pages.");
        }
        if (ic.aboveMemBytes() > 0 && profile.era() == Era.MODERN) {
            throw new IllegalStateException(ic.name() + ": using RAM above mem= is a Linux 1.2/2.0 trick; on "
                + profile.name() + " reserve early memory with early_init and memblock_alloc.");
        }
        if (ic.earlyInit() != null && profile.era().legacy()) {
            throw new IllegalStateException(ic.name() + ": memblock does not exist on " + profile.name()
                + "; Linux 1.2 drivers take (mem_start, mem_end) and return the new mem_start: "
                + "use builtin_init(name, (mem_start, mem_end) -> mem_start + size) on i386-linux-1.2.");
        }
    }
}
