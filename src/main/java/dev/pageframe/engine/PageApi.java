package dev.pageframe.engine;

import java.util.List;

/**
 * The page allocator's driver API behind {@link Kernel}: __get_free_pages, alloc_pages and their
 * frees, with the checks mm/page_alloc.c makes (order limits, bad page state).
 */
final class PageApi extends KernelPart {
    PageApi(Kernel k) {
        super(k);
    }

    /*
     * The calls every driver makes are kept small, with their rare cases in methods of their own, so
     * the JIT compiles the common path into its caller: this is the engine's fast path.
     */

    long __get_free_pages(int gfp, int order) {
        // mm/page_alloc.c (__alloc_pages): an order above MAX_PAGE_ORDER is refused before prepare_alloc_pages() reaches
        // might_alloc(), so in atomic context it warns rather than reporting a sleeping function.
        if (order < 0 || (modern && order > maxOrder)) {
            return refuseOrder(gfp, order);
        }
        gfp = checkGfp(gfp, "__get_free_pages");
        // Pages without a permanent mapping cannot be returned as an address (mm/page_alloc.c strips HIGHMEM).
        int pfn = modern ? pages.alloc_pages(gfp & ~Gfp.__GFP_HIGHMEM, order) : pages.get_free_pages_legacy(gfp, order);
        if (pfn < 0) {
            return 0;
        }
        mem_map.set(pfn, FrameTable.PAGE, pageFlags(gfp), order, 0);
        if (modern && (gfp & Gfp.__GFP_ZERO) != 0) {
            clock.charge(profile.cost().clearNs(profile.pageSize() << order));
        }
        return as.pfn_to_virt(pfn);
    }

    private final int maxOrder = profile.maxOrder();

    /** A negative order is a caller's bug; one above MAX_PAGE_ORDER warns once and gets NULL (modern only). */
    private long refuseOrder(int gfp, int order) {
        if (order < 0) {
            throw new IllegalArgumentException("order must be 0 or more, got " + order);
        }
        warnOrderAboveMax(gfp, "__get_free_pages");
        pages.trace.record("order " + order + " is above MAX_PAGE_ORDER (" + profile.maxOrder() + ")");
        return 0;
    }

    /** The PAGE payload: the migrate type the block was taken for and whether it is DMA memory. */
    private int pageFlags(int gfp) {
        int flags = modern ? Gfp.gfp_migratetype(gfp) : 0;
        if ((modern && (gfp & Gfp.__GFP_DMA) != 0) || (!modern && (gfp & Gfp20.GFP_DMA) != 0)) {
            flags |= FrameTable.PF_DMA;
        }
        return flags;
    }

    long __get_free_page(int gfp) {
        return __get_free_pages(gfp, 0);
    }

    long get_free_page(int gfp) {
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

    long get_zeroed_page(int gfp) {
        if (!modern) {
            throw new UnsupportedOperationException("no such function in Linux " + profile.era().release()
                + "; use get_free_page");
        }
        return zeroedPage(gfp);
    }

    long __get_dma_pages(int gfp, int order) {
        return __get_free_pages(gfp | (modern ? Gfp.GFP_DMA : Gfp20.GFP_DMA), order);
    }

    /**
     * Linux 2.0's own signature (include/linux/mm.h of 2.0): the DMA choice was a third argument, and GFP_DMA was
     * kmalloc's flag, which kmalloc turned into that argument. 1.2 had two arguments, and 2.4 folded the choice into
     * the mask, as the two-argument form here does on every profile.
     */
    long __get_free_pages(int priority, int order, int dma) {
        if (profile.era() != Era.LINUX_2_0) {
            throw new UnsupportedOperationException("__get_free_pages(priority, order, dma) is Linux 2.0's; Linux "
                + profile.era().release() + " takes (" + (modern ? "gfp" : "priority") + ", order), and DMA pages come "
                + "from __get_dma_pages(" + (modern ? "gfp" : "priority") + ", order)");
        }
        return __get_free_pages(dma != 0 ? priority | Gfp20.GFP_DMA : priority, order);
    }

    void free_pages(long addr, int order) {
        if (addr == 0 || (!modern && legacyIgnoresFree(addr))) {
            return;
        }
        if (!as.virt_addr_valid(addr) || (addr & (profile.pageSize() - 1)) != 0) {
            throw notAPageAddress(addr);
        }
        __free_pages_checked(as.virt_to_pfn(addr), order, "free_pages");
    }

    /** Addresses 1.2 and 2.0 return from free_pages without doing anything. */
    private boolean legacyIgnoresFree(long addr) {
        if (Long.compareUnsigned(addr - profile.pageOffset(), layout.memoryEnd()) >= 0
                && Long.compareUnsigned(addr - profile.pageOffset(), layout.installedEnd()) < 0) {
            // mm/page_alloc.c of 2.0, mm/swap.c of 1.2: free_pages only acts below high_memory; RAM above
            // mem= has no mem_map entry, so handing it back does nothing.
            return true;
        }
        // The same functions look at the page's map entry (MAP_NR(addr), any offset in the page)
        // and return at once for a reserved page.
        return as.virt_addr_valid(addr) && mem_map.tag(as.virt_to_pfn(addr)) == FrameTable.RESERVED;
    }

    /** free_pages of something that is not a direct-map page address: vmalloc memory gets its own words. */
    private KernelBugException notAPageAddress(long addr) {
        if (as.is_vmalloc_addr(addr)) {
            throw pages.bug("free_pages(0x" + Long.toHexString(addr) + "): that is a vmalloc address; use vfree()",
                List.of("kernel BUG at mm/page_alloc.c: free_pages: !virt_addr_valid(0x" + Long.toHexString(addr) + ")"));
        }
        return pages.bug("free_pages(0x" + Long.toHexString(addr) + "): not the address of a page from __get_free_pages",
            List.of("kernel BUG at mm/page_alloc.c: free_pages: !virt_addr_valid(0x" + Long.toHexString(addr) + ")"));
    }

    void free_page(long addr) {
        free_pages(addr, 0);
    }

    Page alloc_pages(int gfp, int order) {
        if (modern && order > profile.maxOrder()) {
            warnOrderAboveMax(gfp, "alloc_pages");
            return null;
        }
        gfp = checkGfp(gfp, "alloc_pages");
        int pfn = modern ? pages.alloc_pages(gfp, order) : pages.get_free_pages_legacy(gfp, order);
        if (pfn < 0) {
            return null;
        }
        mem_map.set(pfn, FrameTable.PAGE, modern ? Gfp.gfp_migratetype(gfp) : 0, order, 0);
        return new Page(pfn);
    }

    Page alloc_page(int gfp) {
        return alloc_pages(gfp, 0);
    }

    void __free_pages(Page page, int order) {
        if (page == null) {
            return;
        }
        __free_pages_checked((int) page.pfn(), order, "__free_pages");
    }

    private void __free_pages_checked(int pfn, int order, String fn) {
        if (pfn < 0 || pfn >= mem_map.size()) {
            throw new IllegalArgumentException(fn + ": pfn 0x" + Integer.toHexString(pfn) + " is outside memory");
        }
        // One test for the common case: the head of a block __get_free_pages handed out with this order.
        if (mem_map.tag(pfn) != FrameTable.PAGE || (mem_map.payloadA(pfn) & FrameTable.PF_KMALLOC_LARGE) != 0
                || mem_map.order(pfn) != order) {
            checkBadFree(pfn, order, fn);
            return;
        }
        pages.free_pages(pfn, order);
    }

    /**
     * mm/page_alloc.c: free_page_is_bad and its reports, for a free that is not the common case:
     * throws, or returns for 2.0's silent ignoring of reserved pages.
     */
    private void checkBadFree(int pfn, int order, String fn) {
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
        throw badPage(pfn, fn, "freed with the wrong order",
            "allocated with order " + allocated + ", freed with order " + order);
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
}
