package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The zoned page allocator: which zones a request may use, whether a zone is above its watermark,
 * the fast and slow paths, reclaim, OOM and the failure warning (mm/page_alloc.c: __alloc_pages).
 * Linux 2.0's simpler rules (one global reserve, numeric priorities) are kept beside the modern ones.
 */
final class PageAllocator {
    /** mm/internal.h: ALLOC_* flags that matter to the watermark check. */
    static final int ALLOC_WMARK_MIN = 0;
    static final int ALLOC_WMARK_LOW = 1;
    static final int ALLOC_WMARK_HIGH = 2;
    static final int ALLOC_WMARK_MASK = 3;
    static final int ALLOC_NO_WATERMARKS = 0x04;
    static final int ALLOC_OOM = 0x08;
    static final int ALLOC_NON_BLOCK = 0x10;
    static final int ALLOC_MIN_RESERVE = 0x20;
    /** mm/internal.h: PAGE_ALLOC_COSTLY_ORDER: above it the allocator gives up rather than OOM-kill. */
    static final int PAGE_ALLOC_COSTLY_ORDER = 3;
    /** mm/internal.h: MAX_RECLAIM_RETRIES. */
    static final int MAX_RECLAIM_RETRIES = 16;

    final MachineProfile profile;
    final List<Zone> zones;
    private final Zone[] byType = new Zone[ZoneType.values().length];
    final FrameTable mem_map;
    final BuddyAllocator buddy;
    final Reclaim reclaim;
    final OomKiller oom;
    private final SimClock clock;
    private final KernelLog log;
    private final Tracer tracer;
    private final ExecContext ctx;
    private final CostModel cost;
    private final boolean modern;
    final Compaction compaction;

    /** Linux 2.0's global reserves (mm/swap.c of 2.0: min_free_pages, free_pages_low, free_pages_high). */
    long min_free_pages;
    long free_pages_low;
    long free_pages_high;

    /** /proc/vmstat counters. */
    long pgalloc;
    long pgfree;
    long allocstall;
    long alloc_fail;
    /** Set when the last request had to pass through the slow path, for cells that want to know why. */
    String lastSlowPath = "";

    PageAllocator(MachineProfile profile, List<Zone> zones, FrameTable mem_map, BuddyAllocator buddy,
                  Reclaim reclaim, OomKiller oom, SimClock clock, KernelLog log, Tracer tracer, ExecContext ctx) {
        this.profile = profile;
        this.zones = zones;
        for (Zone z : zones) {
            byType[z.type.ordinal()] = z;
        }
        this.mem_map = mem_map;
        this.buddy = buddy;
        this.reclaim = reclaim;
        this.oom = oom;
        this.clock = clock;
        this.log = log;
        this.tracer = tracer;
        this.ctx = ctx;
        this.cost = profile.cost();
        this.modern = profile.era() == Era.MODERN;
        this.compaction = new Compaction(mem_map, buddy, reclaim, oom, clock, cost, profile.pageSize());
    }

    Zone zone(ZoneType t) {
        return byType[t.ordinal()];
    }

    Zone zoneOf(int pfn) {
        for (Zone z : zones) {
            if (z.contains(pfn)) {
                return z;
            }
        }
        return null;
    }

    long nr_free_pages() {
        long n = 0;
        for (Zone z : zones) {
            n += z.free_pages;
        }
        return n;
    }

    /**
     * Allocates 2^order pages and returns the first pfn, or -1 when the kernel would return NULL.
     * The caller has already checked context and order limits.
     */
    int alloc_pages(int gfp, int order) {
        runDeferredKswapd();
        int pfn = modern ? alloc_modern(gfp, order) : alloc_20(gfp, order);
        if (pfn >= 0) {
            pgalloc += 1L << order;
            clock.charge(cost.pageAllocBaseNs());
            if (tracer.on("mm_page_alloc")) {
                tracer.emit("mm_page_alloc", String.format("page=%s pfn=0x%x order=%d migratetype=%d gfp_flags=%s",
                    pageStructAddress(pfn), pfn, order, modern ? gfp_migratetype(gfp) : 0, gfpNames(gfp)));
            }
        }
        return pfn;
    }

    /** Returns a block to its zone; the caller has validated that the block is allocated with this order. */
    void free_pages(int pfn, int order) {
        Zone z = zoneOf(pfn);
        long merges = buddy.merges;
        buddy.free_one_page(z, pfn, order);
        pgfree += 1L << order;
        clock.charge(cost.pageFreeBaseNs() + (buddy.merges - merges) * cost.perMergeNs());
        if (tracer.on("mm_page_free")) {
            tracer.emit("mm_page_free", String.format("page=%s pfn=0x%x order=%d", pageStructAddress(pfn), pfn, order));
        }
    }

    String gfpNames(int gfp) {
        return modern ? Gfp.names(gfp) : Gfp20.names(gfp);
    }

    /** The struct page address a tracepoint prints: vmemmap on x86-64, mem_map elsewhere. */
    String pageStructAddress(int pfn) {
        long base = modern ? 0xffffea0000000000L : profile.pageOffset() + 0x100000L;
        long size = modern ? 64 : 32;
        return String.format("%016x", base + pfn * size);
    }

    // ---------------------------------------------------------------- modern

    private int alloc_modern(int gfp, int order) {
        ZoneType highest = gfp_zone(gfp);
        List<Zone> zonelist = zonelist(highest);
        int mt = gfp_migratetype(gfp);
        long splits = buddy.splits;
        lastSlowPath = "";

        // Fast path: above the low watermark in some zone (mm/page_alloc.c: get_page_from_freelist).
        int pfn = get_page_from_freelist(zonelist, highest, order, mt, ALLOC_WMARK_LOW);
        if (pfn < 0) {
            pfn = alloc_slowpath(gfp, order, zonelist, highest, mt);
        }
        clock.charge((buddy.splits - splits) * cost.perSplitNs());
        if (pfn >= 0 && zone(highest) != null && zone(highest).free_pages < zone(highest).low_wmark_pages()
                && (gfp & __GFP_KSWAPD_RECLAIM) != 0) {
            reclaim.wakeup_kswapd();
        }
        return pfn;
    }

    /** Per highest zone type: the zones a request may use, preferred first, falling back downwards. */
    @SuppressWarnings("unchecked")
    private List<Zone>[] zonelists = new List[ZoneType.values().length];

    /** mm/page_alloc.c: build_all_zonelists, run once boot has sized every zone. */
    void build_zonelists() {
        for (ZoneType highest : ZoneType.values()) {
            List<Zone> list = new ArrayList<>(4);
            for (int t = highest.ordinal(); t >= 0; t--) {
                Zone z = byType[t];
                if (z != null && z.managed_pages > 0) {
                    list.add(z);
                }
            }
            zonelists[highest.ordinal()] = List.copyOf(list);
        }
    }

    List<Zone> zonelist(ZoneType highest) {
        return zonelists[highest.ordinal()];
    }

    private int get_page_from_freelist(List<Zone> zonelist, ZoneType highest, int order, int mt, int alloc_flags) {
        for (int i = 0, n = zonelist.size(); i < n; i++) {
            Zone z = zonelist.get(i);
            if ((alloc_flags & ALLOC_NO_WATERMARKS) == 0) {
                long mark = z._watermark[alloc_flags & ALLOC_WMARK_MASK];
                if (!zone_watermark_ok(z, order, mark, highest, alloc_flags)) {
                    continue;
                }
            }
            int pfn = buddy.rmqueue(z, order, mt);
            if (pfn >= 0) {
                return pfn;
            }
        }
        return -1;
    }

    /** mm/page_alloc.c: __zone_watermark_ok. */
    static boolean zone_watermark_ok(Zone z, int order, long mark, ZoneType highest, int alloc_flags) {
        long free_pages = z.free_pages - ((1L << order) - 1);
        long min = mark;
        if ((alloc_flags & ALLOC_MIN_RESERVE) != 0) {
            // __GFP_HIGH may use half the reserve; a caller that cannot sleep a further quarter.
            min -= min / 2;
            if ((alloc_flags & ALLOC_NON_BLOCK) != 0) {
                min -= min / 4;
            }
        }
        if ((alloc_flags & ALLOC_OOM) != 0) {
            min -= min / 2;
        }
        if (free_pages <= min + z.lowmem_reserve[highest.ordinal()]) {
            return false;
        }
        if (order == 0) {
            return true;
        }
        // Enough free pages in total is not enough: one block must be large enough.
        for (int o = order; o < z.free_area.length; o++) {
            if (z.free_area[o].nr_free > 0) {
                return true;
            }
        }
        return false;
    }

    /** Why the fast path found nothing, in words, judged on the preferred zone. */
    private static String fastPathMiss(List<Zone> zonelist, ZoneType highest, int order) {
        if (zonelist.isEmpty()) {
            return "no zone can serve this request";
        }
        Zone z = zonelist.getFirst();
        long usable = z.free_pages - ((1L << order) - 1);
        if (usable <= z.low_wmark_pages() + z.lowmem_reserve[highest.ordinal()]) {
            return z.name() + " is below its low watermark (" + z.free_pages + " free, low " + z.low_wmark_pages() + ")";
        }
        return "no free block of order " + order + " or more in " + z.name() + " (" + z.free_pages
            + " pages free, but fragmented)";
    }

    /** mm/page_alloc.c: gfp_to_alloc_flags. */
    static int gfp_to_alloc_flags(int gfp) {
        int alloc_flags = ALLOC_WMARK_MIN;
        if ((gfp & __GFP_HIGH) != 0) {
            alloc_flags |= ALLOC_MIN_RESERVE;
        }
        if (!gfpflags_allow_blocking(gfp) && (gfp & __GFP_NOMEMALLOC) == 0) {
            alloc_flags |= ALLOC_NON_BLOCK;
        }
        return alloc_flags;
    }

    /** mm/page_alloc.c: __alloc_pages_slowpath, without compaction and cpusets. */
    private int alloc_slowpath(int gfp, int order, List<Zone> zonelist, ZoneType highest, int mt) {
        int alloc_flags = gfp_to_alloc_flags(gfp);
        boolean can_direct_reclaim = gfpflags_allow_blocking(gfp);
        StringBuilder why = new StringBuilder(fastPathMiss(zonelist, highest, order));
        if ((gfp & __GFP_KSWAPD_RECLAIM) != 0) {
            reclaim.wakeup_kswapd();
            why.append("; woke kswapd");
        }
        int pfn = get_page_from_freelist(zonelist, highest, order, mt, alloc_flags);
        if (pfn >= 0) {
            lastSlowPath = why.append("; served from the reserve above min").toString();
            return pfn;
        }
        if ((gfp & __GFP_MEMALLOC) != 0 && (gfp & __GFP_NOMEMALLOC) == 0) {
            pfn = get_page_from_freelist(zonelist, highest, order, mt, ALLOC_NO_WATERMARKS);
            if (pfn >= 0) {
                lastSlowPath = why.append("; __GFP_MEMALLOC ignored the watermarks").toString();
                return pfn;
            }
        }
        if (!can_direct_reclaim) {
            return fail(gfp, order, why.append("; cannot sleep, so no direct reclaim").toString());
        }
        // Costly high-order requests try compaction before reclaim (mm/page_alloc.c: __alloc_pages_direct_compact).
        pfn = try_compaction(zonelist, highest, order, mt, alloc_flags, why);
        if (pfn >= 0) {
            lastSlowPath = why.toString();
            return pfn;
        }
        int noProgress = 0;
        for (int attempt = 0; attempt < MAX_RECLAIM_RETRIES || (gfp & __GFP_NOFAIL) != 0; attempt++) {
            allocstall++;
            long freed = reclaim.shrink(zonelist, Math.max(Reclaim.SWAP_CLUSTER_MAX, 1L << order));
            reclaim.pgsteal_direct += freed;
            if (freed > 0) {
                why.append(attempt == 0 ? "; direct reclaim freed " + freed + " page cache pages" : "");
            }
            pfn = get_page_from_freelist(zonelist, highest, order, mt, alloc_flags);
            if (pfn >= 0) {
                lastSlowPath = why.toString();
                return pfn;
            }
            if ((gfp & __GFP_NORETRY) != 0) {
                return fail(gfp, order, why.append("; __GFP_NORETRY gave up after one reclaim").toString());
            }
            if (freed > 0) {
                noProgress = 0;
                continue;
            }
            pfn = try_compaction(zonelist, highest, order, mt, alloc_flags, why);
            if (pfn >= 0) {
                lastSlowPath = why.toString();
                return pfn;
            }
            noProgress++;
            // Costly orders and callers that asked to fail are not worth killing a task for.
            if (order > PAGE_ALLOC_COSTLY_ORDER && (gfp & __GFP_NOFAIL) == 0) {
                return fail(gfp, order, why.append("; reclaim made no progress for a costly order").toString());
            }
            if ((gfp & __GFP_RETRY_MAYFAIL) != 0) {
                return fail(gfp, order, why.append("; __GFP_RETRY_MAYFAIL does not invoke the OOM killer").toString());
            }
            // mm/page_alloc.c: __alloc_pages_may_oom: killing tasks cannot help a lowmem-only request.
            if (highest.ordinal() < ZoneType.NORMAL.ordinal() && (gfp & __GFP_NOFAIL) == 0) {
                return fail(gfp, order, why.append("; the OOM killer is not used for ").append(highest.kernelName())
                    .append("-only requests").toString());
            }
            if (!out_of_memory(gfp, order)) {
                if ((gfp & __GFP_NOFAIL) != 0) {
                    throw bug("__GFP_NOFAIL allocation cannot be satisfied: no reclaimable memory and nothing to OOM-kill",
                        List.of("WARNING: mm/page_alloc.c: __alloc_pages_slowpath: __GFP_NOFAIL of order " + order
                            + " would loop forever"));
                }
                return fail(gfp, order, why.append("; nothing left to reclaim or kill").toString());
            }
            why.append("; OOM killer ran");
            if (noProgress > MAX_RECLAIM_RETRIES) {
                break;
            }
        }
        return fail(gfp, order, why.toString());
    }

    /** Compacts each zone where fragmentation, not shortage, is the problem, then retries. */
    private int try_compaction(List<Zone> zonelist, ZoneType highest, int order, int mt, int alloc_flags, StringBuilder why) {
        if (order == 0) {
            return -1;
        }
        for (Zone z : zonelist) {
            if (!Compaction.suitable(z, order)) {
                continue;
            }
            long moved = compaction.pgmigrate_success;
            boolean ok = compaction.compact_zone(z, order);
            why.append("; compaction in ").append(z.name()).append(" migrated ")
                .append(compaction.pgmigrate_success - moved).append(" pages").append(ok ? "" : " without success");
            if (ok) {
                int pfn = get_page_from_freelist(zonelist, highest, order, mt, alloc_flags);
                if (pfn >= 0) {
                    return pfn;
                }
            }
        }
        return -1;
    }

    /** mm/oom_kill.c: out_of_memory. Returns whether a task was killed. */
    private boolean out_of_memory(int gfp, int order) {
        OomKiller.Task victim = oom.select_bad_process();
        log.printk(ctx.taskName() + " invoked oom-killer: gfp_mask=0x" + Integer.toHexString(gfp) + "("
            + gfpNames(gfp) + "), order=" + order + ", oom_score_adj=0");
        if (victim == null) {
            log.printk("Out of memory and no killable processes...");
            return false;
        }
        long kb = victim.pages.size() * (profile.pageSize() / 1024);
        log.printk(String.format("Out of memory: Killed process %d (%s) total-vm:%dkB, anon-rss:%dkB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:0kB oom_score_adj:0",
            victim.pid, victim.comm, kb, kb));
        for (int i = 0; i < victim.pages.size(); i++) {
            int pfn = victim.pages.get(i);
            mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
            free_pages(pfn, 0);
        }
        victim.pages.clear();
        oom.exit(victim);
        oom.oom_kills++;
        return true;
    }

    private int fail(int gfp, int order, String why) {
        alloc_fail++;
        lastSlowPath = why;
        boolean nowarn = modern ? (gfp & __GFP_NOWARN) != 0 : false;
        if (!nowarn && modern) {
            // mm/page_alloc.c: warn_alloc
            log.printk(String.format("%s: page allocation failure: order:%d, mode:0x%x(%s), nodemask=(null)",
                ctx.taskName(), order, gfp, Gfp.names(gfp)));
            log.printk(String.format("CPU: 0 PID: %d Comm: %s", ctx.taskPid(), ctx.taskName()));
            for (Zone z : zones) {
                log.printk(String.format("Node 0 %s free:%dkB min:%dkB low:%dkB high:%dkB managed:%dkB",
                    z.name(), kb(z.free_pages), kb(z.min_wmark_pages()), kb(z.low_wmark_pages()),
                    kb(z.high_wmark_pages()), kb(z.managed_pages)));
            }
            log.printk(showFreeAreas());
        }
        return -1;
    }

    private long kb(long pages) {
        return pages * (profile.pageSize() / 1024);
    }

    /** mm/show_mem.c: the per-order line of show_free_areas, e.g. "Node 0 Normal: 3*4kB (U) ... = 12kB". */
    String showFreeAreas() {
        StringBuilder sb = new StringBuilder();
        for (Zone z : zones) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("Node 0 ").append(z.name()).append(": ");
            long total = 0;
            for (int o = 0; o < z.free_area.length; o++) {
                long n = z.free_area[o].nr_free;
                long size = kb(1L << o);
                sb.append(n).append('*').append(size).append("kB ");
                total += n * size;
            }
            sb.append("= ").append(total).append("kB");
        }
        return sb.toString();
    }

    /** kswapd runs between calls: it was woken during the last one and catches up before the next. */
    void runDeferredKswapd() {
        if (!reclaim.kswapdPending) {
            return;
        }
        reclaim.kswapdPending = false;
        if (modern) {
            // mm/vmscan.c: balance_pgdat reclaims each zone up to its high watermark.
            for (Zone z : zones) {
                long high = z.high_wmark_pages();
                if (z.free_pages < high) {
                    reclaim.pgsteal_kswapd += reclaim.shrink(List.of(z), high - z.free_pages);
                }
            }
        } else {
            long free = nr_free_pages();
            if (free < free_pages_high) {
                reclaim.pgsteal_kswapd += reclaim.shrink(zones, free_pages_high - free);
            }
        }
    }

    // ---------------------------------------------------------------- Linux 2.0

    /** The static count in legacy __get_free_pages: how many non-atomic calls came from interrupts. */
    int gfpNonatomicFromInterrupt;

    /**
     * The legacy sanity check, shared by __get_free_pages and kmalloc (mm/page_alloc.c of 2.0,
     * mm/swap.c and mm/kmalloc.c of 1.2: {@code if (++count < 5)}): the first four non-atomic calls
     * from an interrupt are reported and forced to GFP_ATOMIC; from the fifth on nothing is said
     * and nothing is forced, so the caller may go on to sleep in the interrupt.
     */
    int nonatomicFromInterrupt(int priority, int count, String who) {
        if (!ctx.in_interrupt() || (priority & Gfp20.GFP_LEVEL_MASK) == Gfp20.GFP_ATOMIC) {
            return priority;
        }
        if (count < 5) {
            log.printk(who + " called nonatomically from interrupt " + CallSite.caller());
            return (priority & Gfp20.GFP_DMA) | Gfp20.GFP_ATOMIC;
        }
        return priority;
    }

    /**
     * Legacy __get_free_pages(priority, order[, dma]): mm/page_alloc.c of 2.0.3x and mm/swap.c of
     * 1.2, in their order of checks. Returns the pfn, or -1 for the kernel's 0.
     */
    int get_free_pages_legacy(int priority, int order) {
        boolean v12 = profile.era() == Era.LINUX_1_2;
        // 2.0 refuses orders beyond its lists first; 1.2 had no such check (its RMQUEUE
        // then found nothing), so there the order is looked at after the interrupt check.
        if (!v12 && order > profile.maxOrder()) {
            return -1;
        }
        if (ctx.in_interrupt() && (priority & Gfp20.GFP_LEVEL_MASK) != Gfp20.GFP_ATOMIC) {
            priority = nonatomicFromInterrupt(priority, ++gfpNonatomicFromInterrupt, "gfp");
        }
        if (order > profile.maxOrder()) {
            return -1;
        }
        int pfn = alloc_pages(priority, order);
        return pfn;
    }

    /** Legacy allocation after the checks: reserve, RMQUEUE, try_to_free_page, repeat. */
    private int alloc_20(int priority, int order) {
        boolean v12 = profile.era() == Era.LINUX_1_2;
        boolean dma = (priority & Gfp20.GFP_DMA) != 0;
        int level = priority & Gfp20.GFP_LEVEL_MASK;
        if (v12 && dma && level != Gfp20.GFP_ATOMIC) {
            // mm/swap.c of 1.2 (__get_dma_pages): anything but an atomic request becomes GFP_BUFFER.
            level = Gfp20.GFP_BUFFER;
        }
        // GFP_NFS may dig deeper than anyone but atomic callers: it must not deadlock the server.
        long reserved_pages = Watermarks.reserved_pages_20(level, min_free_pages, profile.era().release());
        List<Zone> zonelist = zonelist(dma ? ZoneType.DMA : ZoneType.NORMAL);
        long splits = buddy.splits;
        lastSlowPath = "";
        try {
            while (true) {
                boolean allowed = level == Gfp20.GFP_ATOMIC || nr_free_pages() > reserved_pages;
                if (allowed) {
                    for (Zone z : zonelist) {
                        int pfn = buddy.rmqueue(z, order, 0);
                        if (pfn >= 0) {
                            if (!v12 && nr_free_pages() < free_pages_low) {
                                reclaim.wakeup_kswapd();
                            }
                            return pfn;
                        }
                    }
                    // 1.2 gives up at once; 2.0.3x falls through to try_to_free_page and tries again,
                    // GFP_ATOMIC included (mm/vmscan.c of 2.0 does not look at the priority).
                    if (v12) {
                        lastSlowPath = "no free block of order " + order + (dma ? " below 16 MiB" : "");
                        alloc_fail++;
                        return -1;
                    }
                }
                // GFP_BUFFER is what the buffer cache itself uses: reclaiming would recurse into it.
                if (level == Gfp20.GFP_BUFFER) {
                    lastSlowPath = allowed ? "no free block of order " + order + " and GFP_BUFFER never reclaims"
                        : "free pages at or below the reserve (" + reserved_pages + ") and GFP_BUFFER never reclaims";
                    alloc_fail++;
                    return -1;
                }
                if (ctx.in_interrupt() && level != Gfp20.GFP_ATOMIC) {
                    // try_to_free_page waits for I/O: schedule() in an interrupt (kernel/sched.c of the era).
                    throw sleepingInInterrupt(v12);
                }
                allocstall++;
                if (reclaim.shrink(zonelist, 1) == 0) {
                    lastSlowPath = (allowed ? "no free block of order " + order : "free pages at or below the reserve ("
                        + reserved_pages + ")") + " and try_to_free_page found nothing";
                    alloc_fail++;
                    return -1;
                }
                lastSlowPath = "try_to_free_page reclaimed a page and the allocation was retried";
            }
        } finally {
            clock.charge((buddy.splits - splits) * cost.perSplitNs());
        }
    }

    private KernelBugException sleepingInInterrupt(boolean v12) {
        String line = v12 ? "Aiee: scheduling in interrupt" : "Aiee: scheduling in interrupt " + CallSite.caller();
        return bug("a non-atomic allocation in an interrupt had to reclaim, and reclaim sleeps: after four "
                + "warnings the kernel stopped forcing GFP_ATOMIC, so this handler tried to schedule. "
                + "Use GFP_ATOMIC in interrupt handlers", List.of(line));
    }

    KernelBugException bug(String summary, List<String> report) {
        for (String line : report) {
            log.printk(line);
        }
        return new KernelBugException(summary, report);
    }
}
