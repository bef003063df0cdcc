package dev.pageframe.engine;

import java.util.List;

/**
 * kmalloc, kfree and ksize behind {@link Kernel}, with the checks of mm/slub.c and of the legacy
 * mm/kmalloc.c (double free, invalid free, sizes beyond the largest cache).
 */
final class KmallocApi extends KernelPart {
    KmallocApi(Kernel k) {
        super(k);
    }

    long kmalloc(long size, int gfp) {
        return kmallocInternal(size, gfp, false, "kmalloc");
    }

    long kzalloc(long size, int gfp) {
        return kmallocInternal(size, gfp, true, "kzalloc");
    }

    private long kmallocInternal(long size, int gfp, boolean zero, String fn) {
        if (!modern) {
            gfp = checkGfp(gfp, fn);
        }
        if (zero && modern) {
            // include/linux/slab.h: kzalloc is kmalloc(size, flags | __GFP_ZERO), and traces and reports show the bit.
            gfp |= Gfp.__GFP_ZERO;
        }
        if (size < 0) {
            throw new IllegalArgumentException(fn + ": size must not be negative, got " + size);
        }
        // mm/slub.c (__do_kmalloc_node): a zero size and an oversize request are answered before the slab or page
        // allocator reaches might_alloc(), so in atomic context they return or warn without the sleeping-function BUG.
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
        if (modern) {
            gfp = checkGfp(gfp, fn);
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

    void kfree(long ptr) {
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

    long ksize(long ptr) {
        if (ptr == 0 || ptr == Kmalloc.ZERO_SIZE_PTR) {
            return 0;
        }
        Kmalloc.Owner o = kmalloc.owner(ptr);
        if (o == null || (o.slab() != null && (o.index() < 0 || o.slab().isFree(o.index())))) {
            throw kfreeBad(ptr, "ksize of memory that is not a live kmalloc object");
        }
        return o.slab() == null ? profile.pageSize() << o.largeOrder() : o.cache().cls.usable();
    }

    String kmalloc_cache_name(long size) {
        if (size == 0 && modern) {
            return null; // include/linux/slab.h: kmalloc_index(0) is 0, no cache; kmalloc returns ZERO_SIZE_PTR
        }
        KmallocClass c = kmalloc.classFor(size);
        return c == null ? null : c.name();
    }

    long kmem_cache_shrink_all() {
        return kmalloc.shrinkAll();
    }
}
