package dev.pageframe.engine.api;

import dev.pageframe.engine.Device;
import dev.pageframe.engine.Fragmentation;
import dev.pageframe.engine.FrameRun;
import dev.pageframe.engine.Initcall;
import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.Memblock;
import dev.pageframe.engine.Page;
import dev.pageframe.engine.BootInit;
import dev.pageframe.engine.BootStep;
import dev.pageframe.engine.Spinlock;
import dev.pageframe.engine.WorkloadResult;
import dev.pageframe.engine.Workloads;
import dev.pageframe.engine.ZoneSnapshot;
import java.util.List;
import java.util.function.Consumer;

/**
 * The kernel API as static functions on the session's machine, imported into every cell:
 * {@code long buf = __get_free_pages(GFP_KERNEL, 3); cat("/proc/buddyinfo"); free_pages(buf, 3);}
 */
public final class KernelApi {
    private KernelApi() {}

    private static Kernel k() {
        return Session.kernel();
    }

    // Page allocator
    public static long __get_free_pages(int gfp, int order) { return k().__get_free_pages(gfp, order); }
    public static long __get_free_page(int gfp) { return k().__get_free_page(gfp); }
    // get_free_page (1.2, 2.0) and get_zeroed_page (modern) are era names: see LegacyApi and ModernApi.
    public static long __get_dma_pages(int gfp, int order) { return k().__get_dma_pages(gfp, order); }
    public static void free_pages(long addr, int order) { k().free_pages(addr, order); }
    public static void free_page(long addr) { k().free_page(addr); }
    public static Page alloc_pages(int gfp, int order) { return k().alloc_pages(gfp, order); }
    public static Page alloc_page(int gfp) { return k().alloc_page(gfp); }
    public static void __free_pages(Page page, int order) { k().__free_pages(page, order); }
    public static void __free_page(Page page) { k().__free_pages(page, 0); }

    // kmalloc
    public static long kmalloc(long size, int gfp) { return k().kmalloc(size, gfp); }
    public static long kzalloc(long size, int gfp) { return k().kzalloc(size, gfp); }
    public static void kfree(long ptr) { k().kfree(ptr); }
    public static long ksize(long ptr) { return k().ksize(ptr); }
    public static String kmalloc_cache_name(long size) { return k().kmalloc_cache_name(size); }

    // vmalloc
    public static long vmalloc(long size) { return k().vmalloc(size); }
    public static long vzalloc(long size) { return k().vzalloc(size); }
    public static void vfree(long addr) { k().vfree(addr); }
    public static Page vmalloc_to_page(long addr) { return k().vmalloc_to_page(addr); }
    public static long vmalloc_to_pfn(long addr) { return k().vmalloc_to_pfn(addr); }
    public static boolean is_vmalloc_addr(long addr) { return k().is_vmalloc_addr(addr); }

    // Addresses and DMA
    public static long virt_to_phys(long addr) { return k().virt_to_phys(addr); }
    public static long __pa(long addr) { return k().__pa(addr); }
    public static long __va(long phys) { return k().__va(phys); }
    public static Page virt_to_page(long addr) { return k().virt_to_page(addr); }
    public static long page_to_pfn(Page page) { return k().page_to_pfn(page); }
    public static Page pfn_to_page(long pfn) { return k().pfn_to_page(pfn); }
    public static long page_address(Page page) { return k().page_address(page); }
    public static long dma_map_single(long addr, long size) { return k().dma_map_single(addr, size); }
    public static long dma_map_single(Device dev, long addr, long size) { return k().dma_map_single(dev, addr, size); }
    /** What a failed mapping returns: ~0. */
    public static final long DMA_MAPPING_ERROR = Kernel.DMA_MAPPING_ERROR;
    /** -ENOMEM (-12) when the mapping failed, 0 when the bus address may be used. */
    public static int dma_mapping_error(Device dev, long dma_addr) { return k().dma_mapping_error(dev, dma_addr); }
    /** The same check for the default ISA device. */
    public static int dma_mapping_error(long dma_addr) { return k().dma_mapping_error(k().isaDevice, dma_addr); }
    public static void dma_unmap_single(Device dev, long dma_addr, long size) { k().dma_unmap_single(dev, dma_addr, size); }

    // Context
    public static void in_interrupt(Runnable handler) { k().in_interrupt(handler); }
    public static boolean in_interrupt() { return k().in_interrupt(); }
    public static Spinlock DEFINE_SPINLOCK(String name) { return k().spin_lock_init(name); }
    public static void spin_lock(Spinlock lock) { k().spin_lock(lock); }
    public static void spin_unlock(Spinlock lock) { k().spin_unlock(lock); }
    public static long spin_lock_irqsave(Spinlock lock) { return k().spin_lock_irqsave(lock); }
    public static void spin_unlock_irqrestore(Spinlock lock, long flags) { k().spin_unlock_irqrestore(lock, flags); }

    // Introspection
    /** Prints a /proc file, as the shell's cat would. */
    public static void cat(String path) { System.out.print(k().cat(path)); }
    /** A /proc file's text. */
    public static String proc(String path) { return k().cat(path); }
    /** Prints the kernel log. */
    public static void dmesg() { System.out.print(k().dmesg()); }
    /** Prints the kernel log lines containing the text, like {@code dmesg | grep text}. */
    public static void dmesg(String grep) { System.out.print(k().dmesg(grep)); }
    public static long nr_free_pages() { return k().nr_free_pages(); }
    public static List<ZoneSnapshot> zones() { return k().zones(); }
    public static List<FrameRun> frame_map() { return k().frame_map(); }
    public static String last_slowpath() { return k().last_slowpath(); }
    /** /proc/vmstat's counters, by the kernel's names. */
    public static java.util.Map<String, Long> vmstat() { return k().vmstat(); }
    /** Counters only Pageframe keeps (buddy_splits, buddy_merges, kswapd_wakeups, alloc_fail, slub_order_fallback). */
    public static java.util.Map<String, Long> pageframe_counters() { return k().pageframe_counters(); }
    /** Simulated nanoseconds since boot. */
    public static long now_ns() { return k().clock().now(); }
    public static void trace_enable(String... events) { k().trace().enable(events); }
    public static void trace_disable(String... events) { k().trace().disable(events); }
    public static int fragmentation_index(ZoneSnapshot zone, int order) { return Fragmentation.fragmentation_index(zone.nr_free(), order); }
    public static int unusable_free_index(ZoneSnapshot zone, int order) { return Fragmentation.unusable_free_index(zone.nr_free(), order); }
    /** The current machine, for everything the functions above do not cover. */
    public static Kernel kernel() { return k(); }
    /**
     * Boots a second machine beside the notebook's own, e.g. {@code machine("i386-linux-2.0", "16M")}, to compare
     * eras side by side: cells call its methods ({@code old.kmalloc(100, Gfp20.GFP_KERNEL)}); it never becomes current. Init functions ({@code builtin_init}, {@code early_init}, …) are built into it.
     */
    public static Kernel machine(String profile, String memory, Initcall... initcalls) {
        return Kernel.boot(dev.pageframe.engine.MachineProfiles.byName(profile), dev.pageframe.engine.Sizes.parse(memory), 0,
            List.of(initcalls));
    }

    // Page cache, tasks, reclaim
    public static long page_cache_read(long pages) { return k().page_cache_read(pages); }
    public static long drop_caches() { return k().drop_caches(); }
    public static int spawn_task(String comm) { return k().spawn_task(comm); }
    public static long task_touch(int pid, long pages) { return k().task_touch(pid, pages); }
    public static void task_exit(int pid) { k().task_exit(pid); }

    // Boot
    /** A Linux 1.2 built-in driver init function: takes mem_start, mem_end; returns the new mem_start. */
    public static Initcall builtin_init(String name, BootInit fn) { return Initcall.builtin(name, fn); }
    /** A Linux 1.2/2.0 built-in driver that uses bytes of the RAM above mem= (see reboot_mem). */
    public static Initcall above_mem_init(String name, long bytes) { return Initcall.aboveMem(name, bytes); }
    /** The kernel address of the RAM above mem= a built-in driver took, or 0. */
    public static long above_mem_address(String driver) { return k().above_mem_address(driver); }
    /** The legacy start_kernel chain: who took memory_start, and how much. */
    public static List<BootStep> boot_chain() { return k().boot_chain(); }
    /** The same, built as a loadable module: rebooting with it is refused. */
    public static Initcall module_init(String name, BootInit fn) { return Initcall.module(name, fn); }
    /** Modern early-boot code using memblock. */
    public static Initcall early_init(String name, Consumer<Memblock> fn) { return Initcall.early(name, fn); }
    /** Runs an init function now, as insmod would: boot-time reservation is refused after mem_init. */
    public static void do_initcall(Initcall ic) { k().do_initcall(ic); }
    /** Reboots the same profile and memory size with these init functions built in. */
    public static Kernel reboot(Initcall... initcalls) {
        return Session.reboot(0, initcalls);
    }
    /**
     * Reboots the same machine with the mem= option, e.g. {@code reboot_mem("mem=14M", ...)}: the
     * kernel manages only that much, and the RAM above it is left to built-in drivers.
     */
    public static Kernel reboot_mem(String option, Initcall... initcalls) {
        String value = option.startsWith("mem=") ? option.substring(4) : option;
        return Session.reboot(dev.pageframe.engine.Sizes.parse(value), initcalls);
    }
    /**
     * Reboots the same i386 machine with the vmalloc= option, e.g. {@code reboot_vmalloc("vmalloc=256M")}: a larger
     * vmalloc area, and low memory smaller by as much.
     */
    public static Kernel reboot_vmalloc(String option, Initcall... initcalls) {
        String value = option.startsWith("vmalloc=") ? option.substring(8) : option;
        return Session.reboot(0, dev.pageframe.engine.Sizes.parse(value), initcalls);
    }

    // Workloads
    private static Workloads workloads() { return new Workloads(k(), Session.progress()); }
    public static WorkloadResult random_churn(long ops, int targetLive, long seed) { return workloads().random_churn(ops, targetLive, seed); }
    public static WorkloadResult fragment(double fraction, long seed) { return workloads().fragment(fraction, seed); }
    public static WorkloadResult dma_driver(int buffers, int order) { return workloads().dma_driver(buffers, order); }
    public static WorkloadResult page_cache_pressure(long pages) { return workloads().page_cache_pressure(pages); }

    // Devices
    public static Device isa_device(String name) { return Device.isa(name); }
    public static Device pci32_device(String name) { return Device.pci32(name); }
    public static Device pci64_device(String name) { return Device.pci64(name); }
}
