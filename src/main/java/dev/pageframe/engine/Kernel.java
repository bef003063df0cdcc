package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One booted simulated machine and the kernel API a driver calls on it, under the kernel's own
 * names and argument order. Addresses are {@code long}s in the profile's kernel address space.
 *
 * <p>Misuse is reported as the kernel reports it (to {@link #log()}) and thrown to the caller as a
 * {@link KernelBugException}; the machine is left as it was before the call.
 */
public final class Kernel {
    private final MachineProfile profile;
    private final long memoryBytes;
    private final long seed;
    private final SimClock clock = new SimClock();
    private final KernelLog log;
    private final Tracer tracer = new Tracer(clock);
    private final ExecContext ctx = new ExecContext();
    private final Random random;
    final FrameTable mem_map;
    final List<Zone> zones;
    final BuddyAllocator buddy;
    final Reclaim reclaim;
    final OomKiller oom = new OomKiller();
    final PageAllocator pages;
    final AddressSpace as;
    final Kmalloc kmalloc;
    final Vmalloc vmalloc;
    final BootLayout layout;
    private final List<String> reservationOwners = new ArrayList<>();
    private final boolean modern;

    private final Boot boot;
    final CallContext calls;
    private final PageApi pageApi;
    private final KmallocApi kmallocApi;
    private final VmallocApi vmallocApi;
    private final DmaApi dmaApi;
    private final UserTasks userTasks;

    private Kernel(MachineProfile profile, long memoryBytes, long memLimit, long seed, List<Initcall> initcalls) {
        this.profile = profile;
        this.memoryBytes = memoryBytes;
        this.seed = seed;
        this.random = new Random(seed);
        this.modern = profile.era() == Era.MODERN;
        // printk of 1.2 and 2.0 had no timestamps (kernel/printk.c); modern kernels stamp each line.
        this.log = new KernelLog(clock, modern);
        this.layout = BootLayout.of(profile, memoryBytes, memLimit);
        this.mem_map = new FrameTable((int) (layout.installedEnd() >>> profile.pageShift()));
        this.zones = layout.createZones(mem_map);
        this.buddy = new BuddyAllocator(mem_map, profile.maxOrder(), modern, !modern);
        this.reclaim = new Reclaim(mem_map, zones, buddy, clock, profile.cost());
        this.pages = new PageAllocator(profile, zones, mem_map, buddy, reclaim, oom, clock, log, tracer, ctx);
        this.as = new AddressSpace(profile, layout.lowmemEndPfn(), layout.memoryEnd());
        this.kmalloc = new Kmalloc(profile, mem_map, pages, as, clock, log);
        this.vmalloc = new Vmalloc(profile, mem_map, pages, as, clock);
        pages.oomKill.showMem = new ShowMem(this);
        this.calls = new CallContext(this);
        this.pageApi = new PageApi(this);
        this.kmallocApi = new KmallocApi(this);
        this.vmallocApi = new VmallocApi(this);
        this.dmaApi = new DmaApi(this);
        this.userTasks = new UserTasks(this);
        this.boot = new Boot(this, initcalls);
        boot.run();
    }

    /** Boots a machine of the given profile and memory size with no extra init functions. */
    public static Kernel boot(MachineProfile profile, long memoryBytes) {
        return boot(profile, memoryBytes, 0, List.of());
    }

    /**
     * Boots a machine; built-in init functions run during boot, in order, before memory is handed
     * to the buddy allocator. The seed drives the workloads, nothing else.
     */
    public static Kernel boot(MachineProfile profile, long memoryBytes, long seed, List<Initcall> initcalls) {
        return boot(profile, memoryBytes, 0, seed, initcalls);
    }

    /**
     * Boots with the mem= option: the kernel manages memory only up to memLimit (0 = all of it); on
     * 1.2 and 2.0 built-in drivers registered with {@link Initcall#aboveMem} use RAM above it.
     */
    public static Kernel boot(MachineProfile profile, long memoryBytes, long memLimit, long seed, List<Initcall> initcalls) {
        for (Initcall ic : initcalls) {
            InitcallRules.check(profile, ic);
        }
        long aboveMem = initcalls.stream().mapToLong(Initcall::aboveMemBytes).sum();
        if (aboveMem > 0 && (memLimit == 0 || memLimit >= memoryBytes)) {
            throw new IllegalStateException("a driver wants " + aboveMem + " bytes above mem=, but the machine was "
                + "booted with all its memory: boot with mem= below the installed " + Sizes.format(memoryBytes));
        }
        return new Kernel(profile, memoryBytes, memLimit, seed, initcalls);
    }

    /**
     * Calls an init function now, after boot, the way loading a module calls its init: a function
     * that wants {@code mem_start} (or memblock) is refused, since mem_init already handed every free
     * page to the buddy allocator. Built-in init functions must be registered before boot.
     */
    public void do_initcall(Initcall ic) {
        String why = ic.module()
            ? "'" + ic.name() + "' is a loadable module: it loads after mem_init, when there is no mem_start any more"
            : "'" + ic.name() + "' is a built-in init function, and boot is over: mem_init has handed all free memory "
                + "to the buddy allocator";
        List<String> report = List.of(ic.name() + ": boot-time reservation refused after mem_init");
        report.forEach(log::printk);
        throw new KernelBugException(why + ". Reserve boot memory by rebooting with it built in "
            + "(reboot(builtin_init(...)) on Linux 1.2, reboot_mem(\"mem=...\", above_mem_init(...)) on 1.2 and 2.0, "
            + "reboot(early_init(...)) with memblock on modern kernels), "
            + "or allocate at run time with kmalloc, __get_free_pages or vmalloc.", report);
    }

    // ------------------------------------------------------------------ identity

    @Override
    public String toString() {
        return String.format("Kernel[%s, %s, %d pages free, up %.3f ms]", profile.name(), Sizes.format(memoryBytes),
            nr_free_pages(), clock.now() / 1e6);
    }

    public MachineProfile profile() {
        return profile;
    }

    /** The legacy start_kernel chain as it ran: who took memory_start and how much (empty on modern kernels). */
    public List<BootStep> boot_chain() {
        return boot.chain();
    }

    /** RAM installed in the machine; more than {@link #memoryBytes()}' managed part when booted with mem=. */
    public long installed_memory() {
        return layout.installedEnd();
    }

    /** The mem= limit the kernel manages, or 0 when it was booted without one. */
    public long mem_limit() {
        return layout.installedEnd() == layout.memoryEnd() ? 0 : layout.memoryEnd();
    }

    /**
     * The kernel-segment address of the RAM above mem= a built-in driver took at boot, or 0 if it
     * took none. On 1.2 and 2.0 i386 the kernel segment covers all physical memory, so the driver
     * just uses the address.
     */
    public long above_mem_address(String driver) {
        for (PhysRange r : boot.aboveMem()) {
            if (r.label().equals(driver)) {
                return profile.pageOffset() + r.start();
            }
        }
        return 0;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    public SimClock clock() {
        return clock;
    }

    public KernelLog log() {
        return log;
    }

    public Tracer trace() {
        return tracer;
    }

    public long PAGE_SIZE() {
        return profile.pageSize();
    }

    public int PAGE_SHIFT() {
        return profile.pageShift();
    }

    public int MAX_ORDER() {
        return profile.maxOrder();
    }

    List<String> reservationOwners() {
        return reservationOwners;
    }

    int ownerIndex(String owner) {
        int i = reservationOwners.indexOf(owner);
        if (i < 0) {
            reservationOwners.add(owner);
            i = reservationOwners.size() - 1;
        }
        return i;
    }

    // ------------------------------------------------------------------ context

    /** Runs body as an interrupt handler would run: atomic, with interrupts off. */
    public void in_interrupt(Runnable body) {
        calls.in_interrupt(body);
    }

    /** Whether the simulated CPU is handling an interrupt right now. */
    public boolean in_interrupt() {
        return calls.in_interrupt();
    }

    public boolean in_atomic() {
        return calls.in_atomic();
    }

    /** DEFINE_SPINLOCK: a new, unlocked spinlock. */
    public Spinlock spin_lock_init(String name) {
        return calls.spin_lock_init(name);
    }

    public void spin_lock(Spinlock lock) {
        calls.spin_lock(lock);
    }

    public void spin_unlock(Spinlock lock) {
        calls.spin_unlock(lock);
    }

    /** Takes the lock with interrupts disabled; returns the saved flags for spin_unlock_irqrestore. */
    public long spin_lock_irqsave(Spinlock lock) {
        return calls.spin_lock_irqsave(lock);
    }

    public void spin_unlock_irqrestore(Spinlock lock, long flags) {
        calls.spin_unlock_irqrestore(lock, flags);
    }

    /**
     * Called when a cell returns to the notebook, as the kernel checks on return to user space: a
     * lock still held is reported and the CPU's context reset so the next cell starts clean.
     */
    public List<String> return_to_user() {
        return calls.return_to_user();
    }

    /** totalram_pages(): the pages the buddy allocator manages. */
    long totalram_pages() {
        long n = 0;
        for (Zone z : zones) {
            n += z.managed_pages;
        }
        return n;
    }

    // ------------------------------------------------------------------ page allocator

    /** Allocates 2^order physically contiguous pages; returns their direct-map address or 0. */
    public long __get_free_pages(int gfp, int order) {
        return pageApi.__get_free_pages(gfp, order);
    }

    /** One page, not cleared. */
    public long __get_free_page(int gfp) {
        return pageApi.__get_free_page(gfp);
    }

    /** Linux 1.2/2.0's get_free_page: one page, cleared, and most of its cost is the clearing. */
    public long get_free_page(int gfp) {
        return pageApi.get_free_page(gfp);
    }

    /** The modern name of the clearing variant (include/linux/gfp.h); 1.2 and 2.0 call it get_free_page. */
    public long get_zeroed_page(int gfp) {
        return pageApi.get_zeroed_page(gfp);
    }

    /** Pages a device on the ISA bus can reach: adds GFP_DMA. */
    public long __get_dma_pages(int gfp, int order) {
        return pageApi.__get_dma_pages(gfp, order);
    }

    /** Linux 2.0's form, with the DMA choice as a third argument (0 or 1); other eras refuse it with their own form. */
    public long __get_free_pages(int priority, int order, int dma) {
        return pageApi.__get_free_pages(priority, order, dma);
    }

    /** Returns pages from __get_free_pages; the order must be the one they were allocated with. */
    public void free_pages(long addr, int order) {
        pageApi.free_pages(addr, order);
    }

    public void free_page(long addr) {
        pageApi.free_page(addr);
    }

    /** alloc_pages: like __get_free_pages but returns the page, so HighMem is allowed. */
    public Page alloc_pages(int gfp, int order) {
        return pageApi.alloc_pages(gfp, order);
    }

    public Page alloc_page(int gfp) {
        return pageApi.alloc_page(gfp);
    }

    public void __free_pages(Page page, int order) {
        pageApi.__free_pages(page, order);
    }

    // ------------------------------------------------------------------ kmalloc

    /** Allocates size bytes from the kmalloc size classes (or the page allocator beyond them). */
    public long kmalloc(long size, int gfp) {
        return kmallocApi.kmalloc(size, gfp);
    }

    /** kmalloc with the memory cleared. */
    public long kzalloc(long size, int gfp) {
        return kmallocApi.kzalloc(size, gfp);
    }

    /** Returns memory from kmalloc; NULL and ZERO_SIZE_PTR are ignored as in the kernel. */
    public void kfree(long ptr) {
        kmallocApi.kfree(ptr);
    }

    /** How many bytes the block at ptr really holds. */
    public long ksize(long ptr) {
        return kmallocApi.ksize(ptr);
    }

    /** The kmalloc class a request of this size lands in, e.g. "kmalloc-96"; null if none. */
    public String kmalloc_cache_name(long size) {
        return kmallocApi.kmalloc_cache_name(size);
    }

    /** Empties the kmalloc caches of empty slabs; returns the pages handed back. */
    public long kmem_cache_shrink_all() {
        return kmallocApi.kmem_cache_shrink_all();
    }

    // ------------------------------------------------------------------ vmalloc

    /** Maps size bytes of separately allocated pages into one contiguous virtual range; 0 on failure. */
    public long vmalloc(long size) {
        return vmallocApi.vmalloc(size);
    }

    public long vzalloc(long size) {
        return vmallocApi.vzalloc(size);
    }

    /** Unmaps and frees a vmalloc area; the address must be the one vmalloc returned. */
    public void vfree(long addr) {
        vmallocApi.vfree(addr);
    }

    /** The page behind a vmalloc address, found by walking the page tables; null if unmapped. */
    public Page vmalloc_to_page(long addr) {
        return vmallocApi.vmalloc_to_page(addr);
    }

    public long vmalloc_to_pfn(long addr) {
        return vmallocApi.vmalloc_to_pfn(addr);
    }

    public boolean is_vmalloc_addr(long addr) {
        return vmallocApi.is_vmalloc_addr(addr);
    }

    // ------------------------------------------------------------------ addresses and DMA

    /** Physical address of a direct-map address; for vmalloc addresses the result is wrong, as in the kernel. */
    public long virt_to_phys(long addr) {
        if (!as.virt_addr_valid(addr)) {
            log.printk("virt_to_phys used for non-linear address: " + ptr(addr) + " (" + CallSite.caller() + ")");
        }
        return as.virt_to_phys(addr);
    }

    public long __pa(long addr) {
        return virt_to_phys(addr);
    }

    public long __va(long phys) {
        return as.pageOffset + phys;
    }

    public Page virt_to_page(long addr) {
        return new Page(as.virt_to_pfn(addr));
    }

    public long page_to_pfn(Page page) {
        return page.pfn();
    }

    public Page pfn_to_page(long pfn) {
        return new Page(pfn);
    }

    /** The direct-map address of a page, or 0 for a HighMem page (it has none). */
    public long page_address(Page page) {
        return page.pfn() < as.lowmemEndPfn ? as.pfn_to_virt((int) page.pfn()) : 0;
    }

    public long virt_to_pfn(long addr) {
        return as.virt_to_pfn(addr);
    }

    /** An ISA device: the default for {@link #dma_map_single(long, long)}. */
    public final Device isaDevice = Device.isa("isa-dma");

    /** Maps a buffer for DMA by the default ISA device (24-bit addresses). */
    public long dma_map_single(long addr, long size) {
        return dmaApi.dma_map_single(addr, size);
    }

    /** include/linux/dma-mapping.h: DMA_MAPPING_ERROR, ~(dma_addr_t)0: what a failed mapping returns. */
    public static final long DMA_MAPPING_ERROR = ~0L;

    /**
     * Maps a buffer for DMA and returns its bus address, or {@link #DMA_MAPPING_ERROR}: drivers check
     * with {@link #dma_mapping_error}. vmalloc memory is rejected with a one-time warning
     * (include/linux/dma-mapping.h: dma_map_single_attrs); a buffer the device cannot reach bounces
     * through swiotlb when the machine has it, otherwise warns "DMA addr ... overflow" once and
     * fails (kernel/dma/direct.h: dma_direct_map_phys). An address outside the direct map
     * altogether is a driver bug and is reported as one.
     */
    public long dma_map_single(Device dev, long addr, long size) {
        return dmaApi.dma_map_single(dev, addr, size);
    }

    /** include/linux/dma-mapping.h: dma_mapping_error: -ENOMEM for {@link #DMA_MAPPING_ERROR}, else 0. */
    public int dma_mapping_error(Device dev, long dma_addr) {
        return dmaApi.dma_mapping_error(dev, dma_addr);
    }

    /** Ends a mapping; a bounced one gives its swiotlb slots back. */
    public void dma_unmap_single(Device dev, long dma_addr, long size) {
        dmaApi.dma_unmap_single(dev, dma_addr, size);
    }

    /** The bounce buffer, on machines that set one up at boot (null otherwise). */
    Swiotlb swiotlb;

    /** Whether this machine bounces unreachable DMA through swiotlb. */
    public boolean swiotlb_active() {
        return swiotlb != null;
    }

    String ptr(long addr) {
        return String.format(profile.pageOffset() < 0 || profile.vmallocStart() < 0 ? "%016x" : "%08x", addr);
    }

    // ------------------------------------------------------------------ page cache and user tasks

    /** Reads pages of a file into the page cache: reclaimable memory that kswapd and direct reclaim drop. */
    public long page_cache_read(long nrPages) {
        return userTasks.page_cache_read(nrPages);
    }

    /** Drops the whole clean page cache, as {@code echo 1 > /proc/sys/vm/drop_caches}. */
    public long drop_caches() {
        return userTasks.drop_caches();
    }

    /** Starts a user process; it owns anonymous memory until it exits or is OOM-killed. Returns its pid. */
    public int spawn_task(String comm) {
        return userTasks.spawn_task(comm);
    }

    /**
     * The task touches nrPages more anonymous pages; returns how many it got before memory ran out.
     * The faults run as that task, so an OOM report names it (current->comm).
     */
    public long task_touch(int pid, long nrPages) {
        return userTasks.task_touch(pid, nrPages);
    }

    /** The task exits and its memory is freed. */
    public void task_exit(int pid) {
        userTasks.task_exit(pid);
    }

    /** Pids of the user tasks still alive. */
    public List<Integer> tasks() {
        return userTasks.tasks();
    }

    // ------------------------------------------------------------------ introspection

    /** The contents of a /proc (or debugfs) file as this kernel would print it. */
    public String cat(String path) {
        return new ProcFs(this).read(path);
    }

    public String dmesg() {
        return log.dmesg();
    }

    /** The log lines that contain the text, as {@code dmesg | grep text}. */
    public String dmesg(String grep) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.lines()) {
            if (line.contains(grep)) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** Free pages in all zones. */
    public long nr_free_pages() {
        return pages.nr_free_pages();
    }

    /** Each zone's counters now. */
    public List<ZoneSnapshot> zones() {
        List<ZoneSnapshot> out = new ArrayList<>();
        for (Zone z : zones) {
            long[] nr = new long[z.free_area.length];
            for (int o = 0; o < nr.length; o++) {
                nr[o] = z.nr_free[o];
            }
            long min = modern ? z.min_wmark_pages() : pages.min_free_pages;
            long low = modern ? z.low_wmark_pages() : pages.free_pages_low;
            long high = modern ? z.high_wmark_pages() : pages.free_pages_high;
            out.add(new ZoneSnapshot(z.name(), z.zone_start_pfn, z.zone_end_pfn(), z.present_pages,
                z.managed_pages, z.free_pages, min, low, high, nr));
        }
        return out;
    }

    /** The zone objects themselves, read-only use. */
    public List<Zone> zoneList() {
        return List.copyOf(zones);
    }

    /** Who owns every page frame, as runs of equal use. */
    public List<FrameRun> frame_map() {
        return new FrameMapper(this).runs();
    }

    /** Frames in the machine's physical address range (holes included). */
    public long max_pfn() {
        return mem_map.size();
    }

    /** Why the kernel panicked, or null while it runs; a panicked machine is halted until rebooted. */
    public String panicked() {
        return pages.oomKill.panicked;
    }

    /** Why the last page allocation took the slow path or failed, in words; empty if it did not. */
    public String last_slowpath() {
        return pages.trace.last();
    }

    /** Counters in /proc/vmstat's names and meanings (mm/vmstat.c). */
    public java.util.Map<String, Long> vmstat() {
        return new VmStat(this).counters();
    }

    /**
     * Counters the kernel does not have but Pageframe keeps for teaching (buddy splits and merges,
     * kswapd wakeups, failed allocations, SLUB order fallbacks), also in
     * /sys/kernel/debug/pageframe/counters.
     */
    public java.util.Map<String, Long> pageframe_counters() {
        return new VmStat(this).pageframe();
    }

    /** Lets kswapd finish work it was woken for, as if time passed with nothing else running. */
    public void kswapd() {
        pages.runDeferredKswapd();
    }

    long kb(long pages) {
        return pages * (profile.pageSize() / 1024);
    }

    boolean modern() {
        return modern;
    }

    ExecContext ctx() {
        return ctx;
    }
}
