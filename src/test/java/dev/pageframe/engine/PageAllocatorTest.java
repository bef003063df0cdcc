package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PageAllocatorTest {
    private static final long M = 1 << 20;

    /** Allocates with no reclaim and no reserves until the fast and slow paths both refuse. */
    private static void drainToMin(Kernel k) {
        while (k.__get_free_page(__GFP_NOWARN) != 0) {
            // keep going: without __GFP_HIGH or reclaim flags this stops at the min watermark
        }
    }

    /**
     * mm/page_alloc.c (__alloc_pages_may_oom): after the OOM step a __GFP_NOFAIL request may go below every
     * watermark. Without __GFP_FS the killer kills nothing, but the request is served from the pages still free.
     */
    @Test
    void nofailIsServedFromBelowTheWatermarksWhilePagesAreFree() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1L << 30);
        while (k.__get_free_page(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN) != 0) {
            // down to the min watermarks, with nothing to reclaim
        }
        long free = k.nr_free_pages();
        assertTrue(free > 500, "pages are still free below min: " + free);
        long page = k.__get_free_page(GFP_NOFS | __GFP_NOFAIL);
        assertTrue(page != 0, "__GFP_NOFAIL never fails while a page is free");
        assertEquals(free - 1, k.nr_free_pages());
    }

    /** With no page free at all, even below the watermarks, the kernel would retry forever: a kernel bug report. */
    @Test
    void nofailWithNoPageLeftAnywhereIsReportedAsTheEndlessLoop() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        while (k.__get_free_page(GFP_KERNEL | __GFP_MEMALLOC | __GFP_NORETRY | __GFP_NOWARN) != 0) {
            // every page, the reserves too
        }
        assertEquals(0, k.nr_free_pages());
        KernelBugException bug = assertThrows(KernelBugException.class, () -> k.__get_free_page(GFP_NOFS | __GFP_NOFAIL));
        assertTrue(bug.getMessage().contains("__GFP_NOFAIL"), bug.getMessage());
    }

    /** include/linux/gfp.h (OPT_ZONE_DMA32): a 32-bit kernel has no ZONE_DMA32, so __GFP_DMA32 asks for Normal. */
    @Test
    void onA32BitKernelGfpDma32IsServedFromNormalNotTheIsaZone() {
        Kernel k = Kernel.boot(MachineProfiles.I386, 2L << 30);
        long page = k.__get_free_page(GFP_DMA32);
        assertTrue(page != 0);
        assertTrue(k.virt_to_phys(page) >= 16 * M, "not the 16 MiB DMA zone: " + Long.toHexString(k.virt_to_phys(page)));
        assertTrue(k.virt_to_phys(page) < 896 * M, "low memory: a DMA32 request never gets HighMem");
        long mixed = k.__get_free_page(GFP_KERNEL | __GFP_DMA32);
        assertTrue(k.virt_to_phys(mixed) >= 16 * M);

        Kernel x86_64 = Kernel.boot(MachineProfiles.X86_64, 8L << 30);
        long dma32 = x86_64.__get_free_page(GFP_DMA32);
        assertTrue(x86_64.virt_to_phys(dma32) >= 16 * M && x86_64.virt_to_phys(dma32) < 4L << 30,
                "a 64-bit kernel serves it from DMA32");
    }

    @Test
    void linux20OrderSixRequestReturnsZero() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        assertEquals(0, k.__get_free_pages(Gfp20.GFP_KERNEL, 6));
        assertNotEquals(0, k.__get_free_pages(Gfp20.GFP_KERNEL, 5));
    }

    /** mm/page_alloc.c (__alloc_pages): order > MAX_PAGE_ORDER warns once unless __GFP_NOWARN, and returns NULL. */
    @Test
    void modernOrderAboveMaxWarnsOnceAndReturnsNull() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 11));
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 12));
        assertEquals(1, k.dmesg("WARNING: CPU: 0").lines().count(), k.dmesg());
        assertTrue(k.dmesg().contains("at mm/page_alloc.c"));
        assertNull(k.alloc_pages(GFP_KERNEL, 11));
        Kernel quiet = Kernel.boot(MachineProfiles.I386, 64 * M);
        assertEquals(0, quiet.__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 11));
        assertEquals("", quiet.dmesg("WARNING"));
    }

    @Test
    void gfpAtomicSucceedsBelowMinWithoutReclaim() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        drainToMin(k);
        long stalls = k.vmstat().get("allocstall_normal");
        assertNotEquals(0, k.__get_free_page(GFP_ATOMIC), "GFP_ATOMIC may use part of the reserve");
        assertEquals(stalls, k.vmstat().get("allocstall_normal"), "and never reclaims");
    }

    @Test
    void gfpKernelBelowMinMustReclaim() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        k.page_cache_read(2000);
        drainToMin(k);
        long cached = k.vmstat().get("nr_file_pages");
        assertNotEquals(0, k.__get_free_page(GFP_KERNEL));
        assertTrue(k.vmstat().get("allocstall_normal") > 0, "GFP_KERNEL entered direct reclaim");
        assertTrue(k.vmstat().get("nr_file_pages") < cached, "and dropped page cache to get its page");
    }

    @Test
    void gfpKernelFailsWithTheKernelsWarningWhenNothingCanBeReclaimed() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        drainToMin(k);
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 4));
        assertTrue(k.dmesg().contains("notebook: page allocation failure: order:4, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0"),
            k.dmesg());
    }

    @Test
    void nowarnSuppressesTheFailureWarning() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        drainToMin(k);
        String before = k.dmesg();
        assertEquals(0, k.__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 4));
        assertFalse(k.dmesg().substring(before.length()).contains("page allocation failure"));
    }

    @Test
    void oomKillerFreesTheLargestTask() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        int small = k.spawn_task("small");
        int hog = k.spawn_task("hog");
        k.task_touch(small, 100);
        k.task_touch(hog, 1_000_000);
        assertNotEquals(0, k.__get_free_page(GFP_KERNEL));
        assertTrue(k.dmesg().contains("Out of memory: Killed process " + hog + " (hog)"), k.dmesg());
        assertEquals(java.util.List.of(small), k.tasks());
    }

    @Test
    void directReclaimIsCountedAsPgstealDirect() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        k.page_cache_read(2000);
        drainToMin(k);
        k.__get_free_page(GFP_KERNEL);
        assertTrue(k.vmstat().get("pgsteal_direct") > 0);
    }

    @Test
    void dmaOnlyRequestsNeverInvokeTheOomKiller() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 128 * M);
        int hog = k.spawn_task("hog");
        k.task_touch(hog, 1000);
        while (k.__get_dma_pages(GFP_KERNEL | __GFP_NOWARN, 0) != 0) {
            // empty the DMA zone
        }
        assertEquals(java.util.List.of(hog), k.tasks(), "killing tasks cannot make DMA memory");
        assertFalse(k.dmesg().contains("invoked oom-killer"));
        assertTrue(k.last_slowpath().contains("OOM killer is not used for DMA-only requests"), k.last_slowpath());
    }

    @Test
    void slowPathSaysWhenFragmentationNotShortageIsTheCause() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        java.util.List<Long> pages = new java.util.ArrayList<>();
        for (long a; (a = k.__get_free_page(__GFP_MEMALLOC | __GFP_NOWARN)) != 0; ) {
            pages.add(a);
        }
        for (int i = 0; i < pages.size(); i += 2) {
            k.free_page(pages.get(i));
        }
        assertEquals(0, k.__get_free_pages(GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN, 2));
        assertTrue(k.last_slowpath().startsWith("no free block of order 2 or more in DMA32"), k.last_slowpath());
    }

    @Test
    void slowPathReasonCountsTheRequestsOtherPagesAsTheWatermarkCheckDoes() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        ZoneSnapshot dma32 = k.zones().get(1);
        // Leave DMA32 a few pages above its low mark: an order-0 request passes, an order-4 one does not.
        for (long free = dma32.free(); free > dma32.low() + 5; free = k.zones().get(1).free()) {
            assertNotEquals(0, k.__get_free_page(GFP_KERNEL | __GFP_NOWARN));
        }
        long free = k.zones().get(1).free();
        k.__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 4);
        assertTrue(k.last_slowpath().startsWith("DMA32 is below its low watermark (" + free + " free, " + (free - 15)
            + " once this order-4 request's other 15 pages are counted as taken; low " + dma32.low() + ")"),
            k.last_slowpath());
    }

    @Test
    void gfpDmaComesFromTheFirstSixteenMib() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1024 * M);
        long addr = k.__get_dma_pages(GFP_KERNEL, 2);
        assertTrue(k.virt_to_phys(addr) < 16 * M);
        assertEquals(0, k.dma_map_single(addr, 4 * 4096) >>> 24);
    }

    /**
     * include/linux/dma-mapping.h (dma_map_single_attrs) and kernel/dma/direct.h (dma_direct_map_phys):
     * vmalloc memory and memory out of the device's reach fail with DMA_MAPPING_ERROR, each site
     * warning once; dma_mapping_error says -ENOMEM. (The old test expected exceptions.)
     */
    @Test
    void dmaMappingFailuresAreReturnValues() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1024 * M);
        Device isa = Device.isa("sb16");
        long v = k.vmalloc(8192);
        assertEquals(Kernel.DMA_MAPPING_ERROR, k.dma_map_single(isa, v, 8192));
        assertEquals(Kernel.DMA_MAPPING_ERROR, k.dma_map_single(isa, v, 8192));
        assertEquals(1, k.dmesg("rejecting DMA map of vmalloc memory").lines().count(), "dev_WARN_ONCE");
        assertEquals(-12, k.dma_mapping_error(isa, Kernel.DMA_MAPPING_ERROR));
        long high = k.__get_free_page(GFP_KERNEL);
        assertTrue(k.virt_to_phys(high) >= 16 * M);
        assertFalse(k.swiotlb_active(), "1 GiB never reaches above 4 GiB: no swiotlb");
        assertEquals(Kernel.DMA_MAPPING_ERROR, k.dma_map_single(isa, high, 4096));
        assertTrue(k.dmesg().contains(String.format("sb16: DMA addr 0x%016x+4096 overflow (mask ffffff, bus limit 0).",
            k.virt_to_phys(high))), k.dmesg());
        long bus = k.dma_map_single(Device.pci32("nic"), high, 4096);
        assertEquals(k.virt_to_phys(high), bus);
        assertEquals(0, k.dma_mapping_error(Device.pci32("nic"), bus));
    }

    /** The same return values on modern 32-bit x86 (include/linux/dma-mapping.h, kernel/dma/direct.h). */
    @Test
    void dmaMappingFailuresAreReturnValuesOnI386Too() {
        Kernel k = Kernel.boot(MachineProfiles.I386, 512 * M);
        Device isa = Device.isa("sb16");
        assertEquals(Kernel.DMA_MAPPING_ERROR, k.dma_map_single(isa, k.vmalloc(4096), 4096));
        long high = k.__get_free_page(GFP_KERNEL);
        assertEquals(Kernel.DMA_MAPPING_ERROR, k.dma_map_single(isa, high, 4096));
        assertEquals(-12, k.dma_mapping_error(isa, Kernel.DMA_MAPPING_ERROR));
        assertTrue(k.dmesg().contains("rejecting DMA map of vmalloc memory") && k.dmesg().contains("overflow"), k.dmesg());
        long low = k.__get_dma_pages(GFP_KERNEL, 0);
        assertEquals(0, k.dma_mapping_error(isa, k.dma_map_single(isa, low, 4096)));
    }

    /** kernel/dma/swiotlb.c: with RAM above 4 GiB, an unreachable buffer bounces through the 64 MiB pool below 4 GiB. */
    @Test
    void swiotlbBouncesForA32BitDeviceWhenRamReachesAbove4Gib() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 8L << 30);
        assertTrue(k.swiotlb_active());
        assertTrue(k.dmesg().contains("software IO TLB: mapped [mem "), k.dmesg());
        assertTrue(k.dmesg().contains("(64MB)"));
        Device nic = Device.pci32("nic");
        long addr = 0;
        for (int i = 0; i < 100_000 && (addr == 0 || k.virt_to_phys(addr) < 1L << 32); i++) {
            addr = k.__get_free_page(GFP_KERNEL);
        }
        assertTrue(k.virt_to_phys(addr) >= 1L << 32);
        long bus = k.dma_map_single(nic, addr, 4096);
        assertNotEquals(Kernel.DMA_MAPPING_ERROR, bus);
        assertTrue(bus < 1L << 32 && bus != k.virt_to_phys(addr), "the device gets the bounce buffer's address");
        k.dma_unmap_single(nic, bus, 4096);
        // An ISA card cannot reach the pool either: swiotlb warns once and fails.
        assertEquals(Kernel.DMA_MAPPING_ERROR, k.dma_map_single(Device.isa("sb16"), addr, 4096));
        assertTrue(k.dmesg().contains("swiotlb addr"), k.dmesg());
    }

    @Test
    void doubleFreeIsABadPageAndChangesNothing() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        long a = k.__get_free_pages(GFP_KERNEL, 1);
        long keep = k.__get_free_pages(GFP_KERNEL, 1);
        k.free_pages(a, 1);
        String before = k.cat("/proc/buddyinfo");
        KernelBugException e = assertThrows(KernelBugException.class, () -> k.free_pages(a, 1));
        assertTrue(e.report().getFirst().startsWith("BUG: Bad page state in process notebook"));
        assertEquals(before, k.cat("/proc/buddyinfo"));
        k.free_pages(keep, 1);
    }

    @Test
    void freeWithTheWrongOrderIsRefused() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        long a = k.__get_free_pages(GFP_KERNEL, 2);
        KernelBugException e = assertThrows(KernelBugException.class, () -> k.free_pages(a, 1));
        assertTrue(e.getMessage().contains("allocated with order 2, freed with order 1"));
        k.free_pages(a, 2);
    }

    @Test
    void getFreePageCostsMostlyTheClearing() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        long t0 = k.clock().now();
        k.__get_free_page(Gfp20.GFP_KERNEL);
        long plain = k.clock().now() - t0;
        t0 = k.clock().now();
        k.get_free_page(Gfp20.GFP_KERNEL);
        long cleared = k.clock().now() - t0;
        assertTrue(cleared > 10 * plain, "clearing 4 KiB at 1996 bandwidth dwarfs the list work: " + plain + " vs " + cleared);
    }

    @Test
    void highmemPagesHaveNoDirectMapAddress() {
        Kernel k = Kernel.boot(MachineProfiles.I386, 2048 * M);
        Page p = k.alloc_pages(GFP_HIGHUSER, 0);
        assertTrue(p.pfn() >= (896 * M) >> 12);
        assertEquals(0, k.page_address(p));
        long addr = k.__get_free_pages(GFP_HIGHUSER, 0);
        assertTrue(k.virt_to_pfn(addr) < (896 * M) >> 12, "__get_free_pages strips __GFP_HIGHMEM");
    }

    @Test
    void gfpNamesDecodeLikeTheKernel() {
        assertEquals("GFP_KERNEL|__GFP_COMP", Gfp.names(0x40cc0));
        assertEquals("GFP_ATOMIC", Gfp.names(GFP_ATOMIC));
        // 0x820 since 6.3 removed __GFP_ATOMIC (0x200); older kernels printed 0xa20.
        assertEquals(0x820, GFP_ATOMIC);
        assertEquals(0xcc0, GFP_KERNEL);
        assertEquals("GFP_KERNEL|GFP_DMA", Gfp20.names(Gfp20.GFP_KERNEL | Gfp20.GFP_DMA));
    }
}
