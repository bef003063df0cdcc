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
        this.buddy = new BuddyAllocator(mem_map, profile.maxOrder(), modern);
        this.reclaim = new Reclaim(mem_map, zones, buddy, clock, profile.cost());
        this.pages = new PageAllocator(profile, zones, mem_map, buddy, reclaim, oom, clock, log, tracer, ctx);
        this.as = new AddressSpace(profile, layout.lowmemEndPfn(), layout.memoryEnd());
        this.kmalloc = new Kmalloc(profile, mem_map, pages, as, clock);
        this.vmalloc = new Vmalloc(profile, mem_map, pages, as, clock);
        pages.showMem = new ShowMem(this);
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
            checkInitcall(profile, ic);
        }
        long aboveMem = initcalls.stream().mapToLong(Initcall::aboveMemBytes).sum();
        if (aboveMem > 0 && (memLimit == 0 || memLimit >= memoryBytes)) {
            throw new IllegalStateException("a driver wants " + aboveMem + " bytes above mem=, but the machine was "
                + "booted with all its memory: boot with mem= below the installed " + Sizes.format(memoryBytes));
        }
        return new Kernel(profile, memoryBytes, memLimit, seed, initcalls);
    }

    private static void checkInitcall(MachineProfile profile, Initcall ic) {
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
        ctx.irq_enter();
        try {
            body.run();
        } finally {
            ctx.irq_exit();
        }
    }

    /** Whether the simulated CPU is handling an interrupt right now. */
    public boolean in_interrupt() {
        return ctx.in_interrupt();
    }

    public boolean in_atomic() {
        return ctx.in_atomic();
    }

    /** DEFINE_SPINLOCK: a new, unlocked spinlock. */
    public Spinlock spin_lock_init(String name) {
        return new Spinlock(name);
    }

    public void spin_lock(Spinlock lock) {
        lock(lock, false);
    }

    public void spin_unlock(Spinlock lock) {
        unlock(lock, false);
    }

    /** Takes the lock with interrupts disabled; returns the saved flags for spin_unlock_irqrestore. */
    public long spin_lock_irqsave(Spinlock lock) {
        lock(lock, true);
        return 0x246;
    }

    public void spin_unlock_irqrestore(Spinlock lock, long flags) {
        unlock(lock, true);
    }

    private void lock(Spinlock lock, boolean irqsave) {
        if (lock.locked) {
            // One CPU spinning on a lock it holds never gets out: lib/spinlock_debug.c reports it.
            throw pages.bug("spinlock recursion: " + lock.name + " is already held",
                List.of("BUG: spinlock recursion on CPU#0, " + ctx.taskName() + "/" + ctx.taskPid(),
                    " lock: " + lock.name + ", .magic: dead4ead, .owner: " + ctx.taskName() + "/" + ctx.taskPid()
                        + ", .owner_cpu: 0"));
        }
        lock.locked = true;
        lock.irqsave = irqsave;
        ctx.preempt_disable(irqsave);
    }

    private void unlock(Spinlock lock, boolean irqrestore) {
        if (!lock.locked) {
            throw pages.bug("spin_unlock of a lock that is not held: " + lock.name,
                List.of("BUG: spinlock already unlocked on CPU#0, " + ctx.taskName() + "/" + ctx.taskPid(),
                    " lock: " + lock.name + ", .magic: dead4ead, .owner: <none>/-1, .owner_cpu: -1"));
        }
        lock.locked = false;
        ctx.preempt_enable(lock.irqsave);
    }

    /**
     * Called when a cell returns to the notebook, as the kernel checks on return to user space: a
     * lock still held is reported and the CPU's context reset so the next cell starts clean.
     */
    public List<String> return_to_user() {
        if (ctx.preempt_count() == 0 && !ctx.in_interrupt()) {
            return List.of();
        }
        List<String> report = List.of("WARNING: lock held when returning to user space!",
            ctx.taskName() + "/" + ctx.taskPid() + " is leaving the kernel with locks still held! preempt_count: "
                + ctx.preempt_count());
        report.forEach(log::printk);
        ctx.reset();
        return report;
    }

    /** might_sleep(): a call that can sleep is refused in atomic context (kernel/sched/core.c: __might_sleep). */
    private void might_sleep(String fn) {
        if (!ctx.in_atomic()) {
            return;
        }
        String where = CallSite.caller();
        throw pages.bug(fn + "() may sleep and was called from " + (ctx.in_interrupt() ? "interrupt" : "atomic")
                + " context (holding a spinlock or in an interrupt handler); use GFP_ATOMIC there",
            List.of("BUG: sleeping function called from invalid context at " + where,
                String.format("in_atomic(): 1, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s",
                    ctx.irqs_disabled() ? 1 : 0, ctx.taskPid(), ctx.taskName()),
                "preempt_count: " + Integer.toHexString(ctx.in_interrupt() ? 0x10000 + ctx.preempt_count() : ctx.preempt_count())
                    + ", expected: 0",
                "Call Trace:", " " + fn + "+0x0/0x0", " " + where));
    }

    /**
     * Checks the context and the mask of a page or kmalloc request. Modern kernels refuse a sleeping
     * mask in atomic context; the legacy eras check their priorities here and the interrupt rule
     * where their own functions did (see {@link PageAllocator#nonatomicFromInterrupt}).
     */
    private int checkGfp(int gfp, String fn) {
        if (modern) {
            if (Gfp.gfpflags_allow_blocking(gfp)) {
                might_sleep(fn);
            }
            return gfp;
        }
        if (!Gfp20.valid(gfp, profile.era())) {
            throw new IllegalArgumentException(String.format("0x%x is not a Linux %s priority: use GFP_BUFFER, "
                + "GFP_ATOMIC, GFP_USER, GFP_KERNEL, GFP_NOBUFFER%s or GFP_NFS, optionally | GFP_DMA", gfp,
                profile.era().release(), profile.era() == Era.LINUX_1_2 ? "" : ", GFP_IO"));
        }
        return gfp;
    }

    /** The static count in legacy kmalloc's own interrupt check (mm/kmalloc.c of 1.2 and 2.0). */
    private int kmallocNonatomicFromInterrupt;

    private int kmallocInterruptCheck(int gfp) {
        if (ctx.in_interrupt() && (gfp & Gfp20.GFP_LEVEL_MASK) != Gfp20.GFP_ATOMIC) {
            return pages.nonatomicFromInterrupt(gfp, ++kmallocNonatomicFromInterrupt, "kmalloc");
        }
        return gfp;
    }

    /** totalram_pages(): the pages the buddy allocator manages. */
    long totalram_pages() {
        long n = 0;
        for (Zone z : zones) {
            n += z.managed_pages;
        }
        return n;
    }

    /** WARN_ON_ONCE sites that have fired this boot. */
    private final java.util.Set<String> warnedSites = new java.util.HashSet<>();

    /** A WARN_ON_ONCE: the cut-here report with a backtrace, the first time a site fires. */
    private void warnOnce(String site, String where, String fn) {
        if (!warnedSites.add(site)) {
            return;
        }
        List.of("------------[ cut here ]------------",
            "WARNING: CPU: 0 PID: " + ctx.taskPid() + " at " + where,
            "CPU: 0 PID: " + ctx.taskPid() + " Comm: " + ctx.taskName(),
            "Call Trace:", " <TASK>", " " + fn + "+0x0/0x0", " " + CallSite.caller(),
            " </TASK>", "---[ end trace 0000000000000000 ]---").forEach(log::printk);
    }

    /** Set once mm/page_alloc.c's WARN_ON_ONCE_GFP(order > MAX_PAGE_ORDER) has fired. */
    private boolean warnedOrderAboveMax;

    /**
     * mm/page_alloc.c (__alloc_pages): an order above MAX_PAGE_ORDER warns once per boot, with a
     * backtrace, unless the mask has __GFP_NOWARN, and the request returns NULL.
     */
    private void warnOrderAboveMax(int gfp, String fn) {
        if (warnedOrderAboveMax || (gfp & Gfp.__GFP_NOWARN) != 0) {
            return;
        }
        warnedOrderAboveMax = true;
        List.of("------------[ cut here ]------------",
            "WARNING: CPU: 0 PID: " + ctx.taskPid() + " at mm/page_alloc.c: __alloc_pages_noprof",
            "CPU: 0 PID: " + ctx.taskPid() + " Comm: " + ctx.taskName(),
            "Call Trace:", " <TASK>", " __alloc_pages_noprof+0x0/0x0", " " + fn + "+0x0/0x0", " " + CallSite.caller(),
            " </TASK>", "---[ end trace 0000000000000000 ]---").forEach(log::printk);
    }

    // ------------------------------------------------------------------ page allocator

    /** Allocates 2^order physically contiguous pages; returns their direct-map address or 0. */
    public long __get_free_pages(int gfp, int order) {
        gfp = checkGfp(gfp, "__get_free_pages");
        if (order < 0) {
            throw new IllegalArgumentException("order must be 0 or more, got " + order);
        }
        if (modern && order > profile.maxOrder()) {
            warnOrderAboveMax(gfp, "__get_free_pages");
            pages.trace.record("order " + order + " is above MAX_PAGE_ORDER (" + profile.maxOrder() + ")");
            return 0;
        }
        // Pages without a permanent mapping cannot be returned as an address (mm/page_alloc.c strips HIGHMEM).
        int pfn = modern ? pages.alloc_pages(gfp & ~Gfp.__GFP_HIGHMEM, order) : pages.get_free_pages_legacy(gfp, order);
        if (pfn < 0) {
            return 0;
        }
        int flags = modern ? Gfp.gfp_migratetype(gfp) : 0;
        if ((modern && (gfp & Gfp.__GFP_DMA) != 0) || (!modern && (gfp & Gfp20.GFP_DMA) != 0)) {
            flags |= FrameTable.PF_DMA;
        }
        mem_map.set(pfn, FrameTable.PAGE, flags, order, 0);
        if (modern && (gfp & Gfp.__GFP_ZERO) != 0) {
            clock.charge(profile.cost().clearNs(profile.pageSize() << order));
        }
        return as.pfn_to_virt(pfn);
    }

    /** One page, not cleared. */
    public long __get_free_page(int gfp) {
        return __get_free_pages(gfp, 0);
    }

    /** Linux 1.2/2.0's get_free_page: one page, cleared, and most of its cost is the clearing. */
    public long get_free_page(int gfp) {
        if (modern) {
            throw new UnsupportedOperationException("no such function in Linux 6.x; use get_zeroed_page");
        }
        return zeroedPage(gfp);
    }

    private long zeroedPage(int gfp) {
        long addr = __get_free_pages(gfp, 0);
        if (addr != 0) {
            clock.charge(profile.cost().clearNs(profile.pageSize()));
            int pfn = as.virt_to_pfn(addr);
            mem_map.setPayloadA(pfn, mem_map.payloadA(pfn) | FrameTable.PF_ZEROED);
        }
        return addr;
    }

    /** The modern name of the clearing variant (include/linux/gfp.h); 1.2 and 2.0 call it get_free_page. */
    public long get_zeroed_page(int gfp) {
        if (!modern) {
            throw new UnsupportedOperationException("no such function in Linux " + profile.era().release()
                + "; use get_free_page");
        }
        return zeroedPage(gfp);
    }

    /** Pages a device on the ISA bus can reach: adds GFP_DMA. */
    public long __get_dma_pages(int gfp, int order) {
        return __get_free_pages(gfp | (modern ? Gfp.GFP_DMA : Gfp20.GFP_DMA), order);
    }

    /** Returns pages from __get_free_pages; the order must be the one they were allocated with. */
    public void free_pages(long addr, int order) {
        if (addr == 0) {
            return;
        }
        if (!modern && Long.compareUnsigned(addr - profile.pageOffset(), layout.memoryEnd()) >= 0
                && Long.compareUnsigned(addr - profile.pageOffset(), layout.installedEnd()) < 0) {
            // mm/page_alloc.c of 2.0, mm/swap.c of 1.2: free_pages only acts below high_memory; RAM above
            // mem= has no mem_map entry, so handing it back does nothing.
            return;
        }
        if (!modern && as.virt_addr_valid(addr) && mem_map.tag(as.virt_to_pfn(addr)) == FrameTable.RESERVED) {
            // The same functions look at the page's map entry (MAP_NR(addr), any offset in the page)
            // and return at once for a reserved page.
            return;
        }
        if (as.is_vmalloc_addr(addr)) {
            throw pages.bug("free_pages(0x" + Long.toHexString(addr) + "): that is a vmalloc address; use vfree()",
                List.of("kernel BUG at mm/page_alloc.c: free_pages: !virt_addr_valid(0x" + Long.toHexString(addr) + ")"));
        }
        if (!as.virt_addr_valid(addr) || (addr & (profile.pageSize() - 1)) != 0) {
            throw pages.bug("free_pages(0x" + Long.toHexString(addr) + "): not the address of a page from __get_free_pages",
                List.of("kernel BUG at mm/page_alloc.c: free_pages: !virt_addr_valid(0x" + Long.toHexString(addr) + ")"));
        }
        __free_pages_checked(as.virt_to_pfn(addr), order, "free_pages");
    }

    public void free_page(long addr) {
        free_pages(addr, 0);
    }

    /** alloc_pages: like __get_free_pages but returns the page, so HighMem is allowed. */
    public Page alloc_pages(int gfp, int order) {
        gfp = checkGfp(gfp, "alloc_pages");
        if (modern && order > profile.maxOrder()) {
            warnOrderAboveMax(gfp, "alloc_pages");
            return null;
        }
        int pfn = modern ? pages.alloc_pages(gfp, order) : pages.get_free_pages_legacy(gfp, order);
        if (pfn < 0) {
            return null;
        }
        mem_map.set(pfn, FrameTable.PAGE, modern ? Gfp.gfp_migratetype(gfp) : 0, order, 0);
        return new Page(pfn);
    }

    public Page alloc_page(int gfp) {
        return alloc_pages(gfp, 0);
    }

    public void __free_pages(Page page, int order) {
        if (page == null) {
            return;
        }
        __free_pages_checked((int) page.pfn(), order, "__free_pages");
    }

    private void __free_pages_checked(int pfn, int order, String fn) {
        if (pfn < 0 || pfn >= mem_map.size()) {
            throw new IllegalArgumentException(fn + ": pfn 0x" + Integer.toHexString(pfn) + " is outside memory");
        }
        int tag = mem_map.tag(pfn);
        if (tag == FrameTable.RESERVED) {
            if (!modern) {
                return; // 2.0: "if (PageReserved(map)) return;" reserved pages are never freed
            }
            throw badPage(pfn, fn, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set", "page is reserved (flags: reserved)");
        }
        if (tag == FrameTable.BUDDY || tag == FrameTable.TAIL && isInsideFreeBlock(pfn)) {
            throw badPage(pfn, fn, "VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
                "double free: the page is already free");
        }
        if (tag != FrameTable.PAGE) {
            String what = switch (tag) {
                case FrameTable.SLAB -> "the page belongs to a slab (kmalloc memory goes back with kfree)";
                case FrameTable.VMALLOC -> "the page belongs to a vmalloc area (use vfree)";
                case FrameTable.PAGECACHE -> "the page is in the page cache";
                case FrameTable.ANON -> "the page belongs to a user process";
                case FrameTable.HOLE -> "there is no memory at this address";
                default -> "not the first page of an allocation";
            };
            throw badPage(pfn, fn, "nonzero mapcount", what);
        }
        if ((mem_map.payloadA(pfn) & FrameTable.PF_KMALLOC_LARGE) != 0) {
            throw badPage(pfn, fn, "page still in use by kmalloc", "this block came from kmalloc; free it with kfree");
        }
        int allocated = mem_map.order(pfn);
        if (allocated != order) {
            throw badPage(pfn, fn, "freed with the wrong order",
                "allocated with order " + allocated + ", freed with order " + order);
        }
        pages.free_pages(pfn, order);
    }

    private boolean isInsideFreeBlock(int pfn) {
        int head = mem_map.headOf(pfn, profile.maxOrder());
        return head >= 0 && mem_map.tag(head) == FrameTable.BUDDY && pfn < head + (1 << mem_map.order(head));
    }

    private KernelBugException badPage(int pfn, String fn, String because, String plain) {
        // mm/page_alloc.c: bad_page
        return pages.bug(fn + ": bad page state at pfn 0x" + Integer.toHexString(pfn) + ": " + plain,
            List.of("BUG: Bad page state in process " + ctx.taskName() + "  pfn:" + String.format("%05x", pfn),
                String.format("page: refcount:0 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x%x", pfn),
                "page dumped because: " + because,
                "Call Trace:", " " + fn + "+0x0/0x0", " " + CallSite.caller()));
    }

    // ------------------------------------------------------------------ kmalloc

    /** Allocates size bytes from the kmalloc size classes (or the page allocator beyond them). */
    public long kmalloc(long size, int gfp) {
        return kmallocInternal(size, gfp, false, "kmalloc");
    }

    /** kmalloc with the memory cleared. */
    public long kzalloc(long size, int gfp) {
        return kmallocInternal(size, gfp, true, "kzalloc");
    }

    private long kmallocInternal(long size, int gfp, boolean zero, String fn) {
        gfp = checkGfp(gfp, fn);
        if (size < 0) {
            throw new IllegalArgumentException(fn + ": size must not be negative, got " + size);
        }
        if (size == 0 && modern) {
            return Kmalloc.ZERO_SIZE_PTR;
        }
        long limit = modern ? profile.kmallocMaxSize() : kmalloc.largestCacheSize();
        // mm/kmalloc.c: 1.2 checks the interrupt context before the size, 2.0 after it.
        if (profile.era() == Era.LINUX_1_2) {
            gfp = kmallocInterruptCheck(gfp);
        }
        if (size > limit) {
            pages.trace.record(fn + "(" + size + ") is larger than the largest kmalloc block (" + limit + " bytes)");
            if (!modern) {
                // mm/kmalloc.c of 1.2 and 2.0: no bucket is large enough: say so and return NULL.
                log.printk("kmalloc of too large a block (" + size + " bytes).");
                return 0;
            }
            // Above KMALLOC_MAX_SIZE the order is above MAX_PAGE_ORDER: __alloc_pages warns once, NULL.
            warnOrderAboveMax(gfp, "__kmalloc_large_node");
            return 0;
        }
        if (profile.era() == Era.LINUX_2_0) {
            gfp = kmallocInterruptCheck(gfp);
        }
        long addr = kmalloc.alloc(size, gfp, zero || (modern && (gfp & Gfp.__GFP_ZERO) != 0));
        if (tracer.on("kmalloc")) {
            KmallocClass cls = kmalloc.classFor(size);
            long alloc = cls != null ? cls.size() : profile.pageSize() << Kmalloc.getOrder(size, profile.pageShift());
            tracer.emit("kmalloc", String.format("call_site=%s ptr=%s bytes_req=%d bytes_alloc=%d gfp_flags=%s node=-1 accounted=false",
                CallSite.caller(), ptr(addr), size, addr == 0 ? 0 : alloc, pages.gfpNames(gfp)));
        }
        return addr;
    }

    /** Returns memory from kmalloc; NULL and ZERO_SIZE_PTR are ignored as in the kernel. */
    public void kfree(long ptr) {
        if (ptr == 0 || ptr == Kmalloc.ZERO_SIZE_PTR) {
            return;
        }
        if (as.is_vmalloc_addr(ptr)) {
            throw pages.bug("kfree(0x" + Long.toHexString(ptr) + "): that address came from vmalloc; free it with vfree() (or kvfree())",
                List.of("kernel BUG at mm/slub.c: kfree: virt_to_folio() of vmalloc address 0x" + Long.toHexString(ptr),
                    "Call Trace:", " kfree+0x0/0x0", " " + CallSite.caller()));
        }
        Kmalloc.Owner o = kmalloc.owner(ptr);
        if (o == null) {
            throw kfreeBad(ptr, "not memory that kmalloc handed out");
        }
        if (o.slab() != null && o.index() < 0) {
            throw kfreeBad(ptr, "points into the middle of a " + o.cache().cls.name() + " object");
        }
        if (o.slab() != null && o.slab().isFree(o.index())) {
            String cache = o.cache().cls.name();
            if (!modern) {
                throw pages.bug("kfree(" + ptr(ptr) + "): double free of a " + cache + " block",
                    List.of("kfree of non-kmalloced memory: " + ptr(ptr) + ", next= 00000000, order=" + o.slab().order));
            }
            throw pages.bug("kfree(" + ptr(ptr) + "): double free of a " + cache + " object",
                List.of("=============================================================================",
                    "BUG " + cache + " (Not tainted): Object already free",
                    "-----------------------------------------------------------------------------",
                    String.format("Slab 0x%s objects=%d used=%d fp=0x%s flags=0x200(slab|node=0|zone=2)",
                        pages.pageStructAddress(o.slab().pfn), o.slab().objects, o.slab().inuse, ptr(ptr)),
                    "Object " + ptr(ptr) + " @offset=" + (long) o.index() * o.cache().cls.size(),
                    "Call Trace:", " kfree+0x0/0x0", " " + CallSite.caller()));
        }
        kmalloc.free(o);
        if (tracer.on("kfree")) {
            tracer.emit("kfree", "call_site=" + CallSite.caller() + " ptr=" + ptr(ptr));
        }
    }

    private KernelBugException kfreeBad(long ptr, String what) {
        if (!modern) {
            return pages.bug("kfree(" + ptr(ptr) + "): " + what,
                List.of("kfree of non-kmalloced memory: " + ptr(ptr) + ", next= 00000000, order=0"));
        }
        return pages.bug("kfree(" + ptr(ptr) + "): " + what,
            List.of("BUG: KASAN: invalid-free in kfree+0x0/0x0", "Free of addr " + ptr(ptr) + " by task "
                + ctx.taskName() + "/" + ctx.taskPid(), "Call Trace:", " kfree+0x0/0x0", " " + CallSite.caller()));
    }

    /** How many bytes the block at ptr really holds. */
    public long ksize(long ptr) {
        if (ptr == 0 || ptr == Kmalloc.ZERO_SIZE_PTR) {
            return 0;
        }
        Kmalloc.Owner o = kmalloc.owner(ptr);
        if (o == null || (o.slab() != null && (o.index() < 0 || o.slab().isFree(o.index())))) {
            throw kfreeBad(ptr, "ksize of memory that is not a live kmalloc object");
        }
        return o.slab() == null ? profile.pageSize() << o.largeOrder() : o.cache().cls.usable();
    }

    /** The kmalloc class a request of this size lands in, e.g. "kmalloc-96"; null if none. */
    public String kmalloc_cache_name(long size) {
        KmallocClass c = kmalloc.classFor(size);
        return c == null ? null : c.name();
    }

    /** Empties the kmalloc caches of empty slabs; returns the pages handed back. */
    public long kmem_cache_shrink_all() {
        return kmalloc.shrinkAll();
    }

    // ------------------------------------------------------------------ vmalloc

    /** Maps size bytes of separately allocated pages into one contiguous virtual range; 0 on failure. */
    public long vmalloc(long size) {
        return vmallocInternal(size, false, "vmalloc");
    }

    public long vzalloc(long size) {
        return vmallocInternal(size, true, "vzalloc");
    }

    private long vmallocInternal(long size, boolean zero, String fn) {
        if (ctx.in_interrupt() && modern) {
            // mm/vmalloc.c: BUG_ON(in_interrupt()) in __get_vm_area_node
            throw pages.bug(fn + "() called from interrupt context: it sleeps and maps pages; allocate before "
                    + "the interrupt, or use kmalloc(GFP_ATOMIC)",
                List.of("kernel BUG at mm/vmalloc.c: __get_vm_area_node: BUG_ON(in_interrupt())",
                    "Call Trace:", " " + fn + "+0x0/0x0", " " + CallSite.caller()));
        }
        int gfp = modern ? Gfp.GFP_KERNEL | Gfp.__GFP_HIGHMEM : Gfp20.GFP_KERNEL;
        gfp = checkGfp(gfp, fn);
        if (!modern) {
            // mm/vmalloc.c of 1.2 and 2.0: the area descriptor comes from kmalloc(GFP_KERNEL), the
            // pages one by one from __get_free_page(GFP_KERNEL); each checks the interrupt rule.
            kmallocInterruptCheck(gfp);
        }
        if (size == 0) {
            // mm/vmalloc.c: __vmalloc_node_range_noprof: WARN_ON_ONCE(!size), then NULL.
            if (modern) {
                warnOnce("vmalloc-zero", "mm/vmalloc.c: __vmalloc_node_range_noprof", fn);
            }
            return 0;
        }
        if (modern && Long.compareUnsigned(size >>> profile.pageShift(), totalram_pages()) > 0) {
            // The same function refuses at once what all of RAM could not hold: no reclaim, no OOM kill.
            pages.warn_alloc(gfp, "vmalloc error: size " + Long.toUnsignedString(size) + ", exceeds total pages");
            pages.trace.record(fn + "(" + Long.toUnsignedString(size) + ") is larger than all of RAM");
            return 0;
        }
        if (size < 0) {
            return 0;
        }
        if (!modern && ((size + profile.pageSize() - 1) & -profile.pageSize()) > layout.memoryEnd()) {
            // mm/vmalloc.c of 1.2 and 2.0: "if (!size || size > high_memory) return NULL".
            return 0;
        }
        String caller = CallSite.caller();
        long addr = vmalloc.vmalloc(size, gfp, zero, caller);
        if (addr == 0 && modern) {
            pages.warn_alloc(gfp, "vmalloc error: size " + size + ", page order 0, failed to allocate pages");
        }
        if (tracer.on("vmalloc") && addr != 0) {
            tracer.emit("vmalloc", String.format("addr=0x%x size=%d caller=%s", addr, size, caller));
        }
        return addr;
    }

    /** Unmaps and frees a vmalloc area; the address must be the one vmalloc returned. */
    public void vfree(long addr) {
        if (addr == 0) {
            return;
        }
        Vmalloc.Area a = vmalloc.areaAt(addr);
        if (a == null) {
            throw pages.bug("vfree(0x" + Long.toHexString(addr) + "): no vmalloc area starts at this address"
                    + (as.virt_addr_valid(addr) ? " (it is a direct-map address: kmalloc memory goes back with kfree)" : ""),
                List.of("Trying to vfree() nonexistent vm area (" + ptr(addr) + ")",
                    "WARNING: CPU: 0 PID: " + ctx.taskPid() + " at mm/vmalloc.c: vfree",
                    "Call Trace:", " vfree+0x0/0x0", " " + CallSite.caller()));
        }
        vmalloc.vfree(a);
        if (tracer.on("vfree")) {
            tracer.emit("vfree", String.format("addr=0x%x", addr));
        }
    }

    /** The page behind a vmalloc address, found by walking the page tables; null if unmapped. */
    public Page vmalloc_to_page(long addr) {
        Vmalloc.Area a = vmalloc.areaContaining(addr);
        if (a == null) {
            return null;
        }
        int idx = (int) ((addr - a.addr()) >>> profile.pageShift());
        return new Page(a.pages().get(idx));
    }

    public long vmalloc_to_pfn(long addr) {
        Page p = vmalloc_to_page(addr);
        return p == null ? 0 : p.pfn();
    }

    public boolean is_vmalloc_addr(long addr) {
        return as.is_vmalloc_addr(addr);
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
        return dma_map_single(isaDevice, addr, size);
    }

    /** include/linux/dma-mapping.h: DMA_MAPPING_ERROR, ~(dma_addr_t)0: what a failed mapping returns. */
    public static final long DMA_MAPPING_ERROR = ~0L;

    /** dev_WARN_ONCE sites already fired: each warns once per boot. */
    private final java.util.Set<String> warnedOnce = new java.util.HashSet<>();

    private void devWarnOnce(String site, Device dev, String message, String where) {
        if (!warnedOnce.add(site)) {
            return;
        }
        List.of("------------[ cut here ]------------", dev.name() + ": " + message,
            "WARNING: CPU: 0 PID: " + ctx.taskPid() + " at " + where,
            "Call Trace:", " <TASK>", " dma_map_single_attrs+0x0/0x0", " " + CallSite.caller(), " </TASK>",
            "---[ end trace 0000000000000000 ]---").forEach(log::printk);
    }

    /**
     * Maps a buffer for DMA and returns its bus address, or {@link #DMA_MAPPING_ERROR}: drivers check
     * with {@link #dma_mapping_error}. vmalloc memory is rejected with a one-time warning
     * (include/linux/dma-mapping.h: dma_map_single_attrs); a buffer the device cannot reach bounces
     * through swiotlb when the machine has it, otherwise warns "DMA addr ... overflow" once and
     * fails (kernel/dma/direct.h: dma_direct_map_phys). An address outside the direct map
     * altogether is a driver bug and is reported as one.
     */
    public long dma_map_single(Device dev, long addr, long size) {
        if (as.is_vmalloc_addr(addr)) {
            devWarnOnce("dma_map_single_attrs", dev, "rejecting DMA map of vmalloc memory",
                "include/linux/dma-mapping.h: dma_map_single_attrs");
            return DMA_MAPPING_ERROR;
        }
        if (!as.virt_addr_valid(addr) || !as.virt_addr_valid(addr + Math.max(size, 1) - 1)) {
            throw pages.bug("dma_map_single: " + ptr(addr) + " is not in the kernel's direct map",
                List.of(dev.name() + ": DMA-API: device driver maps memory from invalid area [addr=" + ptr(addr)
                    + "] [len=" + size + "]"));
        }
        long phys = as.virt_to_phys(addr);
        if (dma_capable(dev, phys, size)) {
            return phys;
        }
        if (swiotlb != null) {
            return swiotlb.map(dev, phys, size);
        }
        devWarnOnce("dma_direct_map_phys", dev, String.format("DMA addr 0x%016x+%d overflow (mask %x, bus limit 0).",
            phys, size, dev.dma_mask()), "kernel/dma/direct.h: dma_direct_map_phys");
        return DMA_MAPPING_ERROR;
    }

    /** kernel/dma/direct.h: dma_capable: the whole buffer lies within the device's mask. */
    static boolean dma_capable(Device dev, long busAddr, long size) {
        return Long.compareUnsigned(busAddr + Math.max(size, 1) - 1, dev.dma_mask()) <= 0;
    }

    /** include/linux/dma-mapping.h: dma_mapping_error: -ENOMEM for {@link #DMA_MAPPING_ERROR}, else 0. */
    public int dma_mapping_error(Device dev, long dma_addr) {
        return dma_addr == DMA_MAPPING_ERROR ? -12 : 0;
    }

    /** Ends a mapping; a bounced one gives its swiotlb slots back. */
    public void dma_unmap_single(Device dev, long dma_addr, long size) {
        if (swiotlb != null && dma_addr != DMA_MAPPING_ERROR) {
            swiotlb.unmap(dma_addr, size);
        }
    }

    /** The bounce buffer, on machines that set one up at boot (null otherwise). */
    Swiotlb swiotlb;

    /** Whether this machine bounces unreachable DMA through swiotlb. */
    public boolean swiotlb_active() {
        return swiotlb != null;
    }

    private String ptr(long addr) {
        return String.format(profile.pageOffset() < 0 || profile.vmallocStart() < 0 ? "%016x" : "%08x", addr);
    }

    // ------------------------------------------------------------------ page cache and user tasks

    /** Reads pages of a file into the page cache: reclaimable memory that kswapd and direct reclaim drop. */
    public long page_cache_read(long nrPages) {
        int gfp = modern ? Gfp.GFP_HIGHUSER_MOVABLE : Gfp20.GFP_BUFFER;
        long added = 0;
        for (long i = 0; i < nrPages; i++) {
            int pfn = pages.alloc_pages(modern ? (gfp & ~Gfp.__GFP_DIRECT_RECLAIM) | Gfp.__GFP_NOWARN : gfp, 0);
            if (pfn < 0) {
                break;
            }
            reclaim.lru_add(pfn);
            added++;
        }
        return added;
    }

    /** Drops the whole clean page cache, as {@code echo 1 > /proc/sys/vm/drop_caches}. */
    public long drop_caches() {
        return reclaim.shrink(zones, Long.MAX_VALUE);
    }

    /** Starts a user process; it owns anonymous memory until it exits or is OOM-killed. Returns its pid. */
    public int spawn_task(String comm) {
        return oom.spawn(comm).pid;
    }

    /**
     * The task touches nrPages more anonymous pages; returns how many it got before memory ran out.
     * The faults run as that task, so an OOM report names it (current->comm).
     */
    public long task_touch(int pid, long nrPages) {
        OomKiller.Task t = oom.task(pid);
        if (t == null) {
            throw new IllegalArgumentException("no task with pid " + pid + " (it may have been OOM-killed)");
        }
        String comm = ctx.comm;
        int curPid = ctx.pid;
        ctx.comm = t.comm;
        ctx.pid = t.pid;
        try {
            return touch(t, nrPages);
        } finally {
            ctx.comm = comm;
            ctx.pid = curPid;
        }
    }

    private long touch(OomKiller.Task t, long nrPages) {
        int gfp = modern ? Gfp.GFP_HIGHUSER_MOVABLE : Gfp20.GFP_USER;
        long got = 0;
        for (long i = 0; i < nrPages; i++) {
            int pfn = pages.alloc_pages(gfp, 0);
            if (pfn < 0 || oom.task(t.pid) == null) {
                if (pfn >= 0) {
                    mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
                    pages.free_pages(pfn, 0);
                }
                break;
            }
            mem_map.set(pfn, FrameTable.ANON, t.pid & FrameTable.PAYLOAD, 0, t.pages.size());
            t.pages.add(pfn);
            got++;
        }
        return got;
    }

    /** The task exits and its memory is freed. */
    public void task_exit(int pid) {
        OomKiller.Task t = oom.task(pid);
        if (t == null) {
            return;
        }
        for (int i = 0; i < t.pages.size(); i++) {
            mem_map.set(t.pages.get(i), FrameTable.PAGE, 0, 0, 0);
            pages.free_pages(t.pages.get(i), 0);
        }
        oom.exit(t);
    }

    /** Pids of the user tasks still alive. */
    public List<Integer> tasks() {
        return oom.tasks().stream().map(t -> t.pid).toList();
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
                nr[o] = z.free_area[o].nr_free;
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
        return pages.panicked;
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
