package dev.pageframe.engine;

import java.util.List;

/**
 * What the simulated CPU is doing when a driver calls in: interrupt context, spinlocks and the
 * checks the kernel makes on them (might_sleep, the legacy eras' interrupt rule, WARN_ON_ONCE sites).
 */
final class CallContext extends KernelPart {
    CallContext(Kernel k) {
        super(k);
    }

    void in_interrupt(Runnable body) {
        ctx.irq_enter();
        try {
            body.run();
        } finally {
            ctx.irq_exit();
        }
    }

    boolean in_interrupt() {
        return ctx.in_interrupt();
    }

    boolean in_atomic() {
        return ctx.in_atomic();
    }

    Spinlock spin_lock_init(String name) {
        return new Spinlock(name);
    }

    void spin_lock(Spinlock lock) {
        lock(lock, false);
    }

    void spin_unlock(Spinlock lock) {
        unlock(lock, false);
    }

    long spin_lock_irqsave(Spinlock lock) {
        lock(lock, true);
        return 0x246;
    }

    void spin_unlock_irqrestore(Spinlock lock, long flags) {
        unlock(lock, true);
    }

    void lock(Spinlock lock, boolean irqsave) {
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

    void unlock(Spinlock lock, boolean irqrestore) {
        if (!lock.locked) {
            throw pages.bug("spin_unlock of a lock that is not held: " + lock.name,
                List.of("BUG: spinlock already unlocked on CPU#0, " + ctx.taskName() + "/" + ctx.taskPid(),
                    " lock: " + lock.name + ", .magic: dead4ead, .owner: <none>/-1, .owner_cpu: -1"));
        }
        lock.locked = false;
        ctx.preempt_enable(lock.irqsave);
    }

    List<String> return_to_user() {
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

    /**
     * Where a 6.12 kernel's check sits: kmalloc (slab_pre_alloc_hook), the page allocator (prepare_alloc_pages) and
     * vmalloc (its area's kzalloc, before any might_sleep of its own) all reach might_alloc() in
     * include/linux/sched/mm.h, whose might_sleep_if() is line 321 there. The report names the kernel's own check, not
     * the caller, who shows up in the call trace.
     */
    static final String MIGHT_ALLOC_SITE = "include/linux/sched/mm.h:321";

    /** might_sleep(): a call that can sleep is refused in atomic context (kernel/sched/core.c: __might_resched). */
    void might_sleep(String fn) {
        if (!ctx.in_atomic()) {
            return;
        }
        String caller = CallSite.caller();
        throw pages.bug(fn + "() may sleep and was called from " + (ctx.in_interrupt() ? "interrupt" : "atomic")
                + " context (holding a spinlock or in an interrupt handler); use GFP_ATOMIC there",
            List.of("BUG: sleeping function called from invalid context at " + MIGHT_ALLOC_SITE,
                String.format("in_atomic(): 1, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s",
                    ctx.irqs_disabled() ? 1 : 0, ctx.taskPid(), ctx.taskName()),
                "preempt_count: " + Integer.toHexString(ctx.in_interrupt() ? 0x10000 + ctx.preempt_count() : ctx.preempt_count())
                    + ", expected: 0",
                "Call Trace:", " __might_resched+0x0/0x0", " " + fn + "+0x0/0x0", " " + caller));
    }

    /**
     * Checks the context and the mask of a page or kmalloc request. Modern kernels refuse a sleeping
     * mask in atomic context; the legacy eras check their priorities here and the interrupt rule
     * where their own functions did (see {@link PageAllocator#nonatomicFromInterrupt}).
     */
    int checkGfp(int gfp, String fn) {
        if (modern) {
            if (Gfp.gfpflags_allow_blocking(gfp) && ctx.in_atomic()) {
                might_sleep(fn);
            }
            return gfp;
        }
        return checkPriority20(gfp);
    }

    /** 1.2 and 2.0 take a priority, not a mask: anything else is refused. */
    private int checkPriority20(int gfp) {
        if (!Gfp20.valid(gfp, profile.era())) {
            throw new IllegalArgumentException(String.format("0x%x is not a Linux %s priority: use GFP_BUFFER, "
                + "GFP_ATOMIC, GFP_USER, GFP_KERNEL, GFP_NOBUFFER%s or GFP_NFS, optionally | GFP_DMA", gfp,
                profile.era().release(), profile.era() == Era.LINUX_1_2 ? "" : ", GFP_IO"));
        }
        return gfp;
    }

    /** The static count in legacy kmalloc's own interrupt check (mm/kmalloc.c of 1.2 and 2.0). */
    private int kmallocNonatomicFromInterrupt;

    int kmallocInterruptCheck(int gfp) {
        if (ctx.in_interrupt() && (gfp & Gfp20.GFP_LEVEL_MASK) != Gfp20.GFP_ATOMIC) {
            return pages.nonatomicFromInterrupt(gfp, ++kmallocNonatomicFromInterrupt, "kmalloc");
        }
        return gfp;
    }

    /** WARN_ON_ONCE sites that have fired this boot. */
    private final java.util.Set<String> warnedSites = new java.util.HashSet<>();

    /** A WARN_ON_ONCE: the cut-here report with a backtrace, the first time a site fires. */
    void warnOnce(String site, String where, String fn) {
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
    void warnOrderAboveMax(int gfp, String fn) {
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
}
