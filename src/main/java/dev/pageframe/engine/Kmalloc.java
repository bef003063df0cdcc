package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * kmalloc's size classes over slabs of whole pages (mm/slab_common.c and mm/slub.c for modern
 * profiles, mm/kmalloc.c for Linux 2.0). Requests above the largest class go straight to the page
 * allocator on modern kernels; 2.0 refused anything that did not fit its largest bucket.
 */
final class Kmalloc {
    /** include/linux/slab.h: ZERO_SIZE_PTR, what kmalloc(0) returns. */
    static final long ZERO_SIZE_PTR = 16;
    /** mm/slub.c: MIN_PARTIAL, empty slabs a cache keeps instead of returning them. */
    static final int MIN_PARTIAL = 5;

    /** One size class's slabs and counters. */
    static final class Cache {
        final int index;
        final KmallocClass cls;
        final List<Slab> slabs = new ArrayList<>();

        Cache(int index, KmallocClass cls) {
            this.index = index;
            this.cls = cls;
        }

        /** SLUB's per-CPU slab: objects come from it until it is full (mm/slub.c: ___slab_alloc). */
        Slab cpu_slab;

        long num_objs() {
            long n = 0;
            for (Slab s : slabs) {
                n += s.objects;
            }
            return n;
        }

        long num_slabs() {
            return slabs.size();
        }

        /**
         * mm/slub.c: get_slabinfo: only the free objects of slabs on the partial list count as free
         * (count_partial_free_approx); the CPU slab and full slabs count as wholly in use.
         */
        long slabinfo_active_objs() {
            long free = 0;
            for (Slab s : slabs) {
                if (s != cpu_slab) {
                    free += s.objects - s.inuse;
                }
            }
            return num_objs() - free;
        }

        long pages() {
            long n = 0;
            for (Slab s : slabs) {
                n += 1L << s.order;
            }
            return n;
        }
    }

    /** Where a kmalloc'd object lives, for kfree and ksize. */
    record Owner(Cache cache, Slab slab, int index, int largePfn, int largeOrder) {}

    private final MachineProfile profile;
    private final FrameTable mem_map;
    private final PageAllocator pages;
    private final AddressSpace as;
    private final SimClock clock;
    private final KernelLog log;
    private final boolean modern;
    /** Normal caches first, then the same classes again for GFP_DMA requests (dma-kmalloc-*). */
    final List<Cache> caches = new ArrayList<>();
    private final int nrClasses;
    private final List<Slab> slabById = new ArrayList<>();
    private final IntList freeSlabIds = new IntList();
    /** Bytes requested versus bytes handed out, for waste charts. */
    long bytesRequested;
    long bytesAllocated;
    /** Pages held by large kmalloc allocations (modern only). */
    long largePages;
    /** mm/slub.c: ORDER_FALLBACK, slabs that had to be made at the cache's minimum order. */
    long order_fallback;

    Kmalloc(MachineProfile profile, FrameTable mem_map, PageAllocator pages, AddressSpace as, SimClock clock,
            KernelLog log) {
        this.profile = profile;
        this.log = log;
        this.mem_map = mem_map;
        this.pages = pages;
        this.as = as;
        this.clock = clock;
        this.modern = profile.era() == Era.MODERN;
        List<KmallocClass> classes = profile.kmallocClasses();
        nrClasses = classes.size();
        for (int i = 0; i < classes.size(); i++) {
            caches.add(new Cache(i, classes.get(i)));
        }
        // GFP_DMA objects must come from DMA pages, so they get caches of their own
        // (mm/slab_common.c: KMALLOC_DMA caches; 2.0 kept separate DMA free lists per size).
        for (int i = 0; i < classes.size(); i++) {
            KmallocClass c = classes.get(i);
            String name = modern ? "dma-" + c.name() : c.name() + "(DMA)";
            caches.add(new Cache(nrClasses + i, new KmallocClass(name, c.size(), c.objsPerSlab(), c.slabOrder(), c.header())));
        }
    }

    /** The class that serves a request, or null when it is larger than every class. */
    KmallocClass classFor(long size) {
        Cache c = cacheFor(size);
        return c == null ? null : c.cls;
    }

    /**
     * Modern: kmalloc_index: 96 and 192 catch the sizes just above 64 and 128, everything else goes
     * to the next power of two. 2.0: the first bucket whose block holds the request plus its header.
     */
    Cache cacheFor(long size) {
        return cacheFor(size, false);
    }

    private Cache cacheFor(long size, boolean dma) {
        for (int i = 0; i < nrClasses; i++) {
            Cache c = caches.get(i);
            if (size <= c.cls.usable()) {
                return dma ? caches.get(nrClasses + i) : c;
            }
        }
        return null;
    }

    private boolean isDma(int gfp) {
        return modern ? (gfp & Gfp.__GFP_DMA) != 0 : (gfp & Gfp20.GFP_DMA) != 0;
    }

    long largestCacheSize() {
        return caches.get(nrClasses - 1).cls.usable();
    }

    /** Allocates an object; returns its address, 0 for failure. Size and context are checked by the caller. */
    long alloc(long size, int gfp, boolean zero) {
        Cache c = cacheFor(size, isDma(gfp));
        if (c == null) {
            return allocLarge(size, gfp, zero);
        }
        Slab slab = modern ? c.cpu_slab : null;
        if (slab == null || slab.inuse == slab.objects) {
            slab = null;
            for (Slab s : c.slabs) {
                if (s.inuse < s.objects) {
                    slab = s;
                    break;
                }
            }
        }
        if (slab == null) {
            slab = newSlab(c, kmalloc_fix_flags(gfp));
            if (slab == null) {
                return 0;
            }
        }
        if (modern) {
            c.cpu_slab = slab;
        }
        int idx = slab.firstFree();
        slab.take(idx);
        bytesRequested += size;
        bytesAllocated += c.cls.size();
        clock.charge(profile.cost().slabAllocNs() + (zero ? profile.cost().clearNs(size) : 0));
        return objectAddress(slab, idx);
    }

    private long objectAddress(Slab slab, int idx) {
        KmallocClass cls = caches.get(slab.cacheIndex).cls;
        long base = as.pfn_to_virt(slab.pfn);
        // 2.0 put a page descriptor in front of the blocks of a page, and a header in front of each block.
        // mm/kmalloc.c: struct page_descriptor is two pointers and two ints: 16 bytes on i386, 24 on
        // Alpha; struct block_header is two longs (the header size here), so the descriptor is header + 8.
        long descriptor = cls.header() == 0 ? 0 : cls.header() + 8L;
        return base + descriptor + (long) idx * cls.size() + cls.header();
    }

    private Slab newSlab(Cache c, int gfp) {
        int order = c.cls.slabOrder();
        int pfn;
        if (modern) {
            // A slab holds only the cache's objects: never HighMem, never movable.
            int flags = (gfp & ~(Gfp.__GFP_HIGHMEM | Gfp.__GFP_MOVABLE | Gfp.__GFP_ZERO)) | (order > 0 ? Gfp.__GFP_COMP : 0);
            int minOrder = min_order(c.cls);
            // mm/slub.c: allocate_slab: the preferred order is only tried lightly (no warning, no
            // retry, no direct reclaim while a smaller order exists); then the smallest order that
            // holds one object is asked for with the caller's own flags.
            int light = (flags | Gfp.__GFP_NOWARN | Gfp.__GFP_NORETRY) & ~Gfp.__GFP_NOFAIL;
            if ((light & Gfp.__GFP_DIRECT_RECLAIM) != 0 && order > minOrder) {
                light = (light | Gfp.__GFP_NOMEMALLOC) & ~(Gfp.__GFP_DIRECT_RECLAIM | Gfp.__GFP_KSWAPD_RECLAIM);
            }
            pfn = pages.alloc_pages(light, order);
            if (pfn < 0) {
                order = minOrder;
                pfn = pages.alloc_pages((flags & ~Gfp.__GFP_COMP) | (order > 0 ? Gfp.__GFP_COMP : 0), order);
                if (pfn >= 0) {
                    order_fallback++;
                }
            }
        } else {
            pfn = pages.get_free_pages_legacy(gfp, order);
        }
        if (pfn < 0) {
            return null;
        }
        int id;
        if (freeSlabIds.size() > 0) {
            id = freeSlabIds.removeLast();
        } else {
            id = slabById.size();
            slabById.add(null);
        }
        int objects = order == c.cls.slabOrder() ? c.cls.objsPerSlab() : (int) ((profile.pageSize() << order) / c.cls.size());
        Slab s = new Slab(id, c.index, pfn, order, objects);
        slabById.set(id, s);
        mem_map.set(pfn, FrameTable.SLAB, c.index, order, id);
        c.slabs.add(s);
        return s;
    }

    /** mm/slub.c: calculate_sizes: s->min, the smallest slab order that holds one object. */
    int min_order(KmallocClass cls) {
        return getOrder(cls.size(), profile.pageShift());
    }

    /** mm/internal.h: GFP_SLAB_BUG_MASK, the zone bits slab memory cannot honour (with the bits beyond the mask). */
    static final int GFP_SLAB_BUG_MASK = Gfp.__GFP_DMA32 | Gfp.__GFP_HIGHMEM;

    /**
     * mm/slub.c: kmalloc_fix_flags. An object from a kmalloc cache can sit in neither DMA32 nor HighMem. Where a request
     * with those bits needs pages (a new slab, a large kmalloc), a modern kernel warns, names the bits and drops them; an
     * object from a slab that already has room takes no pages and draws no warning.
     */
    private int kmalloc_fix_flags(int gfp) {
        int invalid = gfp & GFP_SLAB_BUG_MASK;
        if (!modern || invalid == 0) {
            return gfp;
        }
        int fixed = gfp & ~GFP_SLAB_BUG_MASK;
        log.printk(String.format("Unexpected gfp: %#x (%s). Fixing up to gfp: %#x (%s). Fix your code!",
            invalid, Gfp.names(invalid), fixed, Gfp.names(fixed)));
        return fixed;
    }

    private long allocLarge(long size, int gfp, boolean zero) {
        gfp = kmalloc_fix_flags(gfp);
        int order = getOrder(size, profile.pageShift());
        int pfn = pages.alloc_pages(modern ? gfp | Gfp.__GFP_COMP : gfp, order);
        if (pfn < 0) {
            return 0;
        }
        mem_map.set(pfn, FrameTable.PAGE, FrameTable.PF_KMALLOC_LARGE, order, 0);
        largePages += 1L << order;
        bytesRequested += size;
        bytesAllocated += (long) profile.pageSize() << order;
        if (zero) {
            clock.charge(profile.cost().clearNs(size));
        }
        return as.pfn_to_virt(pfn);
    }

    /** include/asm-generic/getorder.h: get_order, the smallest order whose block holds size bytes. */
    static int getOrder(long size, int pageShift) {
        long pagesNeeded = (size + (1L << pageShift) - 1) >>> pageShift;
        return pagesNeeded <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(pagesNeeded - 1);
    }

    /** Finds what owns a kmalloc address, or null if it is not the start of a live object. */
    Owner owner(long addr) {
        if (!as.virt_addr_valid(addr)) {
            return null;
        }
        int pfn = as.virt_to_pfn(addr);
        int head = mem_map.headOf(pfn, profile.maxOrder());
        if (head < 0) {
            return null;
        }
        int tag = mem_map.tag(head);
        if (tag == FrameTable.PAGE && (mem_map.payloadA(head) & FrameTable.PF_KMALLOC_LARGE) != 0) {
            return new Owner(null, null, -1, head, mem_map.order(head));
        }
        if (tag != FrameTable.SLAB) {
            return null;
        }
        Slab slab = slabById.get(mem_map.payloadB(head));
        Cache c = caches.get(slab.cacheIndex);
        long first = objectAddress(slab, 0);
        long off = addr - first;
        if (off < 0 || off % c.cls.size() != 0 || off / c.cls.size() >= slab.objects) {
            return new Owner(c, slab, -1, -1, -1);
        }
        return new Owner(c, slab, (int) (off / c.cls.size()), -1, -1);
    }

    /** Frees a validated object; returns an empty slab to the page allocator as the era did. */
    void free(Owner o) {
        if (o.slab() == null) {
            mem_map.set(o.largePfn(), FrameTable.PAGE, 0, o.largeOrder(), 0);
            largePages -= 1L << o.largeOrder();
            bytesAllocated -= (long) profile.pageSize() << o.largeOrder();
            pages.free_pages(o.largePfn(), o.largeOrder());
            return;
        }
        Slab slab = o.slab();
        Cache c = o.cache();
        slab.release(o.index());
        bytesAllocated -= c.cls.size();
        clock.charge(profile.cost().slabAllocNs());
        if (slab.inuse == 0) {
            long empty = c.slabs.stream().filter(s -> s.inuse == 0).count();
            // 2.0 gave a page back as soon as its last block was freed; SLUB keeps a few empty slabs
            // and never discards the CPU slab on free.
            if (!modern || (empty > MIN_PARTIAL && slab != c.cpu_slab)) {
                discard(c, slab);
            }
        }
    }

    private void discard(Cache c, Slab slab) {
        c.slabs.remove(slab);
        if (c.cpu_slab == slab) {
            c.cpu_slab = null;
        }
        slabById.set(slab.id, null);
        freeSlabIds.add(slab.id);
        mem_map.set(slab.pfn, FrameTable.PAGE, 0, slab.order, 0);
        pages.free_pages(slab.pfn, slab.order);
    }

    /** Returns every empty slab to the page allocator (kmem_cache_shrink on all kmalloc caches). */
    long shrinkAll() {
        long freed = 0;
        for (Cache c : caches) {
            for (Slab s : new ArrayList<>(c.slabs)) {
                if (s.inuse == 0) {
                    discard(c, s);
                    freed += 1L << s.order;
                }
            }
        }
        return freed;
    }

    Slab slab(int id) {
        return slabById.get(id);
    }

    /** Pages in slabs of all caches. */
    long slabPages() {
        long n = 0;
        for (Cache c : caches) {
            n += c.pages();
        }
        return n;
    }

    /**
     * NR_SLAB_UNRECLAIMABLE_B in pages: the slabs plus the large kmalloc blocks, which
     * mm/slub.c (___kmalloc_large_node) accounts as unreclaimable slab memory.
     */
    long slabUnreclaimablePages() {
        return slabPages() + largePages;
    }
}
