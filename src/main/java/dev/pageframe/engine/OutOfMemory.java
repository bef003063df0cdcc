package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;

import java.util.List;

/**
 * What the page allocator does when memory runs out: the OOM killer (mm/oom_kill.c), the panic
 * when nothing can be killed, and the rate-limited failure report (mm/page_alloc.c: warn_alloc)
 * with mm/show_mem.c's dump.
 */
final class OutOfMemory {
    private final PageAllocator pa;
    private final KernelLog log;
    private final ExecContext ctx;
    private final SimClock clock;
    /** The report mm/show_mem.c prints; set by the kernel once slab and page cache exist. */
    ShowMem showMem;

    OutOfMemory(PageAllocator pa, KernelLog log, ExecContext ctx, SimClock clock) {
        this.pa = pa;
        this.log = log;
        this.ctx = ctx;
        this.clock = clock;
    }

    /**
     * mm/oom_kill.c: out_of_memory: kills the worst task. A request without __GFP_FS kills nothing
     * (killing does not make up for reclaim that could not do I/O) and just retries. With nothing
     * to kill the kernel panics.
     */
    void out_of_memory(int gfp, int order) {
        if ((gfp & __GFP_FS) == 0) {
            pa.trace.step("no __GFP_FS: the OOM killer is not used");
            return;
        }
        OomKiller.Task victim = pa.oom.select_bad_process();
        dump_header(gfp, order);
        if (victim == null) {
            log.printk("Out of memory and no killable processes...");
            throw panic("System is deadlocked on memory");
        }
        long kb = victim.pages.size() * (pa.profile.pageSize() / 1024);
        log.printk(String.format("Out of memory: Killed process %d (%s) total-vm:%dkB, anon-rss:%dkB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:0kB oom_score_adj:0",
            victim.pid, victim.comm, kb, kb));
        for (int i = 0; i < victim.pages.size(); i++) {
            int pfn = victim.pages.get(i);
            pa.mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
            pa.free_pages(pfn, 0);
        }
        victim.pages.clear();
        pa.oom.exit(victim);
        pa.oom.oom_kills++;
        pa.trace.step("OOM killer ran");
    }

    /** mm/oom_kill.c: dump_header: who invoked the killer, the memory report, and the task table. */
    private void dump_header(int gfp, int order) {
        log.printk(ctx.taskName() + " invoked oom-killer: gfp_mask=0x" + Integer.toHexString(gfp) + "("
            + pa.gfpNames(gfp) + "), order=" + order + ", oom_score_adj=0");
        log.printk(String.format("CPU: 0 PID: %d Comm: %s", ctx.taskPid(), ctx.taskName()));
        showMem.show_mem(pa.zoneFor(gfp)).forEach(log::printk);
        // mm/oom_kill.c: dump_tasks, memory values in pages.
        log.printk("Tasks state (memory values in pages):");
        log.printk("[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name");
        for (OomKiller.Task t : pa.oom.tasks()) {
            log.printk(String.format("[%7d] %5d %5d %8d %8d %8d %8d %9d %8d %8d %8d %s",
                t.pid, 0, t.pid, t.pages.size(), t.pages.size(), t.pages.size(), 0, 0, 0, 0, 0, t.comm));
        }
    }

    /** Set once the kernel has panicked: the machine is halted until it is rebooted. */
    String panicked;

    /** kernel/panic.c: panic: the message, then the machine stops. */
    KernelBugException panic(String why) {
        panicked = why;
        return pa.bug("Kernel panic: " + why + ". The simulated machine is halted, as a real one would be: "
                + "reboot() it, or restart the notebook's kernel",
            List.of("Kernel panic - not syncing: " + why,
                "---[ end Kernel panic - not syncing: " + why + " ]---"));
    }

    /** mm/page_alloc.c: nopage_rs, DEFINE_RATELIMIT_STATE(nopage_rs, 10*HZ, 1): one report per 10 s. */
    private final RateLimit nopage_rs = new RateLimit("warn_alloc", 10_000_000_000L, 1);

    /**
     * mm/page_alloc.c: warn_alloc: the failure line, the stack and the memory report of
     * mm/show_mem.c, unless the mask has __GFP_NOWARN or the rate limit holds it back.
     */
    void warn_alloc(int gfp, String what) {
        if ((gfp & __GFP_NOWARN) != 0 || !nopage_rs.allow(clock.now(), log)) {
            return;
        }
        log.printk(String.format("%s: %s, mode:%#x(%s), nodemask=(null),cpuset=/,mems_allowed=0",
            ctx.taskName(), what, gfp, Gfp.names(gfp)));
        log.printk(String.format("CPU: 0 PID: %d Comm: %s", ctx.taskPid(), ctx.taskName()));
        List.of("Call Trace:", " <TASK>", " warn_alloc+0x0/0x0", " __alloc_pages_slowpath+0x0/0x0",
            " __alloc_pages_noprof+0x0/0x0", " </TASK>").forEach(log::printk);
        showMem.show_mem(pa.zoneFor(gfp)).forEach(log::printk);
    }

}
