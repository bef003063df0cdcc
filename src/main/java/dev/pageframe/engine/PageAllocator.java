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
    /** The same zones as an array: the per-call paths walk it without an iterator or interface call. */
    private final Zone[] zoneArray;
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
    /** mm/show_mem.c: totalreserve_pages, what MemAvailable holds back (modern only). */
    long totalreserve_pages;

    /** /proc/vmstat counters: pgalloc_<zone> by the zone that served, allocstall_<zone> by the request's highest zone. */
    final long[] pgalloc = new long[ZoneType.values().length + 1];
    long pgfree;
    final long[] allocstall = new long[ZoneType.values().length + 1];
    /** Pageframe's own count of requests that returned NULL; the kernel has no such counter. */
    long alloc_fail;
    /** What the last request did in the slow path, for cells that want to know why. */
    final SlowPathTrace trace = new SlowPathTrace();
    /** The index of ZONE_MOVABLE in the per-zone counters: the kernel has it, these machines leave it empty. */
    static final int ZONE_MOVABLE = ZoneType.values().length;

    PageAllocator(MachineProfile profile, List<Zone> zones, FrameTable mem_map, BuddyAllocator buddy,
                  Reclaim reclaim, OomKiller oom, SimClock clock, KernelLog log, Tracer tracer, ExecContext ctx) {
        this.profile = profile;
        this.zones = zones;
        this.zoneArray = zones.toArray(new Zone[0]);
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
        this.pageAllocBaseNs = cost.pageAllocBaseNs();
        this.pageFreeBaseNs = cost.pageFreeBaseNs();
        this.perSplitNs = cost.perSplitNs();
        this.perMergeNs = cost.perMergeNs();
        this.modern = profile.era() == Era.MODERN;
        this.oomKill = new OutOfMemory(this, log, ctx, clock);
        this.compaction = new Compaction(mem_map, buddy, reclaim, oom, clock, cost, profile.pageSize());
    }

    Zone zone(ZoneType t) {
        return byType[t.ordinal()];
    }

    Zone zoneOf(int pfn) {
        // Highest zone first: it holds most of memory, so most frees find their zone at once.
        for (int i = zoneArray.length - 1; i >= 0; i--) {
            if (zoneArray[i].contains(pfn)) {
                return zoneArray[i];
            }
        }
        return null;
    }

    /** The cost model's per-call charges, read once: the fast path charges them on every call. */
    private final long pageAllocBaseNs;
    private final long pageFreeBaseNs;
    private final long perSplitNs;
    private final long perMergeNs;

    /** Index of the zone this request's block came from (-1: none yet), so pgalloc needs no zone search. */
    private int served = -1;

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
        if (reclaim.kswapdPending) {
            runDeferredKswapd();
        }
        served = -1;
        int pfn = modern ? alloc_modern(gfp, order) : alloc_20(gfp, order);
        if (pfn >= 0) {
            Zone z = served >= 0 && byType[served].contains(pfn) ? byType[served] : zoneOf(pfn);
            // mm/page_alloc.c: __count_zid_vm_events(PGALLOC, page_zonenum(page), 1 << order)
            pgalloc[z.type.ordinal()] += 1L << order;
            clock.charge(pageAllocBaseNs);
            if (tracer.on("mm_page_alloc")) {
                trace_mm_page_alloc(pfn, order, gfp);
            }
        }
        return pfn;
    }

    /** include/trace/events/kmem.h: mm_page_alloc, built only when the event is on. */
    private void trace_mm_page_alloc(int pfn, int order, int gfp) {
        tracer.emit("mm_page_alloc", String.format("page=%s pfn=0x%x order=%d migratetype=%d gfp_flags=%s",
            pageStructAddress(pfn), pfn, order, modern ? gfp_migratetype(gfp) : 0, gfpNames(gfp)));
    }

    /** Returns a block to its zone; the caller has validated that the block is allocated with this order. */
    void free_pages(int pfn, int order) {
        Zone z = zoneOf(pfn);
        long merges = buddy.merges;
        buddy.free_one_page(z, pfn, order);
        pgfree += 1L << order;
        clock.charge(pageFreeBaseNs + (buddy.merges - merges) * perMergeNs);
        if (tracer.on("mm_page_free")) {
            trace_mm_page_free(pfn, order);
        }
    }

    private void trace_mm_page_free(int pfn, int order) {
        tracer.emit("mm_page_free", String.format("page=%s pfn=0x%x order=%d", pageStructAddress(pfn), pfn, order));
    }

    String gfpNames(int gfp) {
        return modern ? Gfp.names(gfp) : Gfp20.names(gfp);
    }

    /** The highest zone a modern request may use on this machine: gfp_zone as this kernel was built. */
    ZoneType zoneFor(int gfp) {
        return gfp_zone(gfp, profile.hasDma32());
    }

    /** The struct page address a tracepoint prints: vmemmap on x86-64, mem_map elsewhere. */
    String pageStructAddress(int pfn) {
        long base = modern ? 0xffffea0000000000L : profile.pageOffset() + 0x100000L;
        long size = modern ? 64 : 32;
        return String.format("%016x", base + pfn * size);
    }

    // ---------------------------------------------------------------- modern

    private int alloc_modern(int gfp, int order) {
        ZoneType highest = zoneFor(gfp);
        int mt = gfp_migratetype(gfp);
        long splits = buddy.splits;
        trace.fastPath();

        // Fast path: above the low watermark in some zone (mm/page_alloc.c: get_page_from_freelist).
        int pfn = get_page_from_freelist(zonelistArrays[highest.ordinal()], highest, order, mt, ALLOC_WMARK_LOW);
        if (pfn < 0) {
            pfn = alloc_slowpath(gfp, order, zonelist(highest), highest, mt);
        }
        clock.charge((buddy.splits - splits) * perSplitNs);
        Zone preferred = byType[highest.ordinal()];
        if (pfn >= 0 && preferred != null && preferred.free_pages < preferred.low_wmark_pages()
                && (gfp & __GFP_KSWAPD_RECLAIM) != 0) {
            reclaim.wakeup_kswapd();
        }
        return pfn;
    }

    /** Per highest zone type: the zones a request may use, preferred first, falling back downwards. */
    @SuppressWarnings("unchecked")
    private List<Zone>[] zonelists = new List[ZoneType.values().length];
    /** The same zonelists as arrays, for the fast path. */
    private final Zone[][] zonelistArrays = new Zone[ZoneType.values().length][];

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
            zonelistArrays[highest.ordinal()] = list.toArray(new Zone[0]);
        }
    }

    List<Zone> zonelist(ZoneType highest) {
        return zonelists[highest.ordinal()];
    }

    private int get_page_from_freelist(List<Zone> zonelist, ZoneType highest, int order, int mt, int alloc_flags) {
        // The slow path only: a copy per call is nothing beside reclaim and compaction.
        return get_page_from_freelist(zonelist.toArray(new Zone[0]), highest, order, mt, alloc_flags);
    }

    private int get_page_from_freelist(Zone[] zonelist, ZoneType highest, int order, int mt, int alloc_flags) {
        for (Zone z : zonelist) {
            if ((alloc_flags & ALLOC_NO_WATERMARKS) == 0) {
                long mark = z._watermark[alloc_flags & ALLOC_WMARK_MASK];
                if (!Watermarks.zone_watermark_ok(z, order, mark, highest, alloc_flags)) {
                    continue;
                }
            }
            int pfn = buddy.rmqueue(z, order, mt);
            if (pfn >= 0) {
                served = z.type.ordinal();
                return pfn;
            }
        }
        return -1;
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

    /** One request's way through the slow path: what it asked for and where it may look. */
    private record Request(int gfp, int order, List<Zone> zonelist, ZoneType highest, int mt, int alloc_flags) {
        boolean costly() {
            return order > PAGE_ALLOC_COSTLY_ORDER;
        }
    }

    /** mm/page_alloc.c: __alloc_pages_slowpath, without cpusets. */
    private int alloc_slowpath(int gfp, int order, List<Zone> zonelist, ZoneType highest, int mt) {
        Request rq = new Request(gfp, order, zonelist, highest, mt, gfp_to_alloc_flags(gfp));
        trace.enter(SlowPathTrace.fastPathMiss(zonelist, highest, order));
        if ((gfp & __GFP_KSWAPD_RECLAIM) != 0) {
            reclaim.wakeup_kswapd();
            trace.step("woke kswapd");
        }
        int pfn = get_page_from_freelist(zonelist, highest, order, mt, rq.alloc_flags());
        if (pfn >= 0) {
            return got(pfn, "served from the reserve above min");
        }
        boolean memalloc = (gfp & __GFP_MEMALLOC) != 0 && (gfp & __GFP_NOMEMALLOC) == 0;
        if (memalloc) {
            pfn = get_page_from_freelist(zonelist, highest, order, mt, ALLOC_NO_WATERMARKS);
            if (pfn >= 0) {
                return got(pfn, "__GFP_MEMALLOC ignored the watermarks");
            }
        }
        if (!gfpflags_allow_blocking(gfp)) {
            return fail(rq, "cannot sleep, so no direct reclaim");
        }
        // Costly orders, and high orders that cannot be moved later, try compaction before reclaim.
        if ((rq.costly() || (order > 0 && mt != MigrateType.MIGRATE_MOVABLE)) && !memalloc) {
            pfn = direct_compact(rq);
            if (pfn >= 0) {
                return got(pfn, null);
            }
            if (rq.costly() && (gfp & __GFP_NORETRY) != 0 && compactSkipped) {
                return fail(rq, "compaction was skipped, and a costly __GFP_NORETRY request gives up without reclaim");
            }
        }
        return reclaim_and_retry(rq);
    }

    /** The retry loop: direct reclaim, compaction, and the OOM killer as the last resort. */
    private int reclaim_and_retry(Request rq) {
        int gfp = rq.gfp();
        int noProgress = 0;
        for (int attempt = 0; attempt < MAX_RECLAIM_RETRIES || (gfp & __GFP_NOFAIL) != 0; attempt++) {
            long freed = direct_reclaim(rq.zonelist(), reclaim_idx(gfp), Math.max(Reclaim.SWAP_CLUSTER_MAX, 1L << rq.order()));
            if (freed > 0 && attempt == 0) {
                trace.step("direct reclaim freed " + freed + " page cache pages");
            }
            int pfn = get_page_from_freelist(rq.zonelist(), rq.highest(), rq.order(), rq.mt(), rq.alloc_flags());
            if (pfn >= 0) {
                return got(pfn, null);
            }
            if ((gfp & __GFP_NORETRY) != 0) {
                return fail(rq, "__GFP_NORETRY gave up after one reclaim");
            }
            if (freed > 0) {
                noProgress = 0;
                continue;
            }
            pfn = direct_compact(rq);
            if (pfn >= 0) {
                return got(pfn, null);
            }
            noProgress++;
            String stop = whyNotOom(rq);
            if (stop != null) {
                return fail(rq, stop);
            }
            oomKill.out_of_memory(gfp, rq.order());
            if ((gfp & __GFP_NOFAIL) != 0) {
                // mm/page_alloc.c: __alloc_pages_may_oom: once the OOM step has run, a request that must not fail
                // may take from below every watermark rather than loop while pages are free.
                pfn = get_page_from_freelist(rq.zonelist(), rq.highest(), rq.order(), rq.mt(), ALLOC_NO_WATERMARKS);
                if (pfn >= 0) {
                    return got(pfn, "__GFP_NOFAIL took a page from below the watermarks");
                }
            }
            if (noProgress > MAX_RECLAIM_RETRIES) {
                break;
            }
        }
        if ((gfp & __GFP_NOFAIL) != 0) {
            throw bug("__GFP_NOFAIL allocation cannot be satisfied: no free block of its order is left, even below the "
                + "watermarks, and reclaim and the OOM killer made no progress",
                List.of("WARNING: mm/page_alloc.c: __alloc_pages_slowpath: __GFP_NOFAIL of order " + rq.order()
                    + " would loop forever"));
        }
        return fail(rq, "no progress after " + MAX_RECLAIM_RETRIES + " retries");
    }

    /** Why this request may not OOM-kill a task (mm/page_alloc.c: __alloc_pages_may_oom), or null if it may. */
    private static String whyNotOom(Request rq) {
        int gfp = rq.gfp();
        if ((gfp & __GFP_NOFAIL) != 0) {
            return null;
        }
        if (rq.costly()) {
            return "reclaim made no progress for a costly order";
        }
        if ((gfp & __GFP_RETRY_MAYFAIL) != 0) {
            return "__GFP_RETRY_MAYFAIL does not invoke the OOM killer";
        }
        // Killing tasks cannot help a lowmem-only request.
        if (rq.highest().ordinal() < ZoneType.NORMAL.ordinal()) {
            return "the OOM killer is not used for " + rq.highest().kernelName() + "-only requests";
        }
        return null;
    }

    private int got(int pfn, String how) {
        trace.done(how);
        return pfn;
    }

    /**
     * The zone index reclaim counts against (mm/vmscan.c: sc->reclaim_idx = gfp_zone(gfp)), with
     * ZONE_MOVABLE for movable HighMem requests as the kernel's GFP_ZONE_TABLE maps them.
     */
    int reclaim_idx(int gfp) {
        if (modern && (gfp & (__GFP_MOVABLE | __GFP_HIGHMEM)) == (__GFP_MOVABLE | __GFP_HIGHMEM)) {
            return ZONE_MOVABLE;
        }
        return modern ? zoneFor(gfp).ordinal() : ((gfp & Gfp20.GFP_DMA) != 0 ? ZoneType.DMA : ZoneType.NORMAL).ordinal();
    }

    /** mm/vmscan.c: try_to_free_pages: one direct reclaim stall, counted in allocstall_<zone>. */
    long direct_reclaim(List<Zone> zonelist, int reclaim_idx, long target) {
        allocstall[reclaim_idx]++;
        long freed = reclaim.shrink(zonelist, target);
        // Every page the simulated LRU scans is clean page cache and is reclaimed, so scanned equals stolen.
        reclaim.pgscan_direct += freed;
        reclaim.pgsteal_direct += freed;
        return freed;
    }

    /** Whether the last direct compaction found no zone worth compacting (COMPACT_SKIPPED). */
    private boolean compactSkipped;

    /**
     * mm/page_alloc.c: __alloc_pages_direct_compact: compacts each zone where compaction can help
     * (mm/compaction.c: compaction_suitable), then retries. compact_stall counts an attempt that
     * ran, compact_success only one that then got its page.
     */
    private int direct_compact(Request rq) {
        compactSkipped = true;
        if (rq.order() == 0) {
            return -1;
        }
        int pfn = -1;
        for (Zone z : rq.zonelist()) {
            if (!Compaction.suitable(z, rq.order(), rq.highest())) {
                continue;
            }
            compactSkipped = false;
            long moved = compaction.pgmigrate_success;
            boolean ok = compaction.compact_zone(z, rq.order());
            trace.step("compaction in " + z.name() + " migrated " + (compaction.pgmigrate_success - moved) + " pages"
                + (ok ? "" : " without success"));
            if (ok) {
                pfn = get_page_from_freelist(rq.zonelist(), rq.highest(), rq.order(), rq.mt(), rq.alloc_flags());
                if (pfn >= 0) {
                    break;
                }
            }
        }
        if (compactSkipped) {
            return -1;
        }
        compaction.compact_stall++;
        if (pfn >= 0) {
            compaction.compact_success++;
        } else {
            compaction.compact_fail++;
        }
        return pfn;
    }

    /** The OOM killer, the panic and the failure report. */
    final OutOfMemory oomKill;

    private int fail(Request rq, String why) {
        alloc_fail++;
        trace.done(why);
        oomKill.warn_alloc(rq.gfp(), "page allocation failure: order:" + rq.order());
        return -1;
    }

    /** kswapd runs between calls: it was woken during the last one and catches up before the next. */
    void runDeferredKswapd() {
        if (!reclaim.kswapdPending) {
            return;
        }
        reclaim.kswapdPending = false;
        // mm/vmscan.c: balance_pgdat counts each run in pageoutrun.
        reclaim.pageoutrun++;
        if (modern) {
            // balance_pgdat reclaims each zone up to its high watermark.
            for (Zone z : zones) {
                long high = z.high_wmark_pages();
                if (z.free_pages < high) {
                    kswapd_shrink(List.of(z), high - z.free_pages);
                }
            }
        } else {
            long free = nr_free_pages();
            if (free < free_pages_high) {
                kswapd_shrink(zones, free_pages_high - free);
            }
        }
    }

    private void kswapd_shrink(List<Zone> eligible, long target) {
        long freed = reclaim.shrink(eligible, target);
        reclaim.pgscan_kswapd += freed;
        reclaim.pgsteal_kswapd += freed;
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
        trace.fastPath();
        try {
            while (true) {
                boolean allowed = level == Gfp20.GFP_ATOMIC || nr_free_pages() > reserved_pages;
                if (allowed) {
                    for (Zone z : zonelist) {
                        int pfn = buddy.rmqueue(z, order, 0);
                        if (pfn >= 0) {
                            served = z.type.ordinal();
                            if (!v12 && nr_free_pages() < free_pages_low) {
                                reclaim.wakeup_kswapd();
                            }
                            return pfn;
                        }
                    }
                    // 1.2 gives up at once; 2.0.3x falls through to try_to_free_page and tries again,
                    // GFP_ATOMIC included (mm/vmscan.c of 2.0 does not look at the priority).
                    if (v12) {
                        trace.record("no free block of order " + order + (dma ? " below 16 MiB" : ""));
                        alloc_fail++;
                        return -1;
                    }
                }
                // GFP_BUFFER is what the buffer cache itself uses: reclaiming would recurse into it.
                if (level == Gfp20.GFP_BUFFER) {
                    trace.record(allowed ? "no free block of order " + order + " and GFP_BUFFER never reclaims"
                        : "free pages at or below the reserve (" + reserved_pages + ") and GFP_BUFFER never reclaims");
                    alloc_fail++;
                    return -1;
                }
                if (ctx.in_interrupt() && level != Gfp20.GFP_ATOMIC) {
                    // try_to_free_page waits for I/O: schedule() in an interrupt (kernel/sched.c of the era).
                    throw sleepingInInterrupt(v12);
                }
                allocstall[(dma ? ZoneType.DMA : ZoneType.NORMAL).ordinal()]++;
                if (reclaim.shrink(zonelist, 1) == 0) {
                    trace.record((allowed ? "no free block of order " + order : "free pages at or below the reserve ("
                        + reserved_pages + ")") + " and try_to_free_page found nothing");
                    alloc_fail++;
                    return -1;
                }
                trace.record("try_to_free_page reclaimed a page and the allocation was retried");
            }
        } finally {
            clock.charge((buddy.splits - splits) * perSplitNs);
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
