package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class KmallocTest {
    private static final long M = 1 << 20;
    private final Kernel modern = Kernel.boot(MachineProfiles.X86_64, 256 * M);

    @Test
    void sizesJustAboveSixtyFourAndOneTwentyEightLandInTheOddClasses() {
        assertNull(modern.kmalloc_cache_name(0), "kmalloc(0) is ZERO_SIZE_PTR, no cache (include/linux/slab.h)");
        assertEquals("kmalloc-96", modern.kmalloc_cache_name(65));
        assertEquals("kmalloc-96", modern.kmalloc_cache_name(96));
        assertEquals("kmalloc-128", modern.kmalloc_cache_name(97));
        assertEquals("kmalloc-192", modern.kmalloc_cache_name(129));
        assertEquals("kmalloc-256", modern.kmalloc_cache_name(193));
        assertEquals("kmalloc-8", modern.kmalloc_cache_name(1));
        assertEquals("kmalloc-8k", modern.kmalloc_cache_name(8192));
        assertNull(modern.kmalloc_cache_name(8193));
    }

    /**
     * mm/slub.c: kmalloc_fix_flags. __GFP_DMA32 is not a kmalloc zone: a request that needs pages is warned about and
     * served as if the bit were not there, from Normal on a machine that has it. A slab with room takes no pages.
     */
    @Test
    void kmallocWithGfpDma32WarnsWhenItNeedsPagesAndDropsTheBit() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 8L << 30);
        long dma32End = 1L << 32;
        String warning = "Unexpected gfp: 0x4 (GFP_DMA32). Fixing up to gfp: 0xcc0 (GFP_KERNEL). Fix your code!";

        long large = k.kmalloc(20_000, GFP_KERNEL | __GFP_DMA32);
        assertTrue(k.virt_to_phys(large) >= dma32End, "served from Normal: 0x" + Long.toHexString(k.virt_to_phys(large)));
        assertEquals(1, k.dmesg().lines().filter(l -> l.endsWith("] " + warning)).count(), k.dmesg("gfp"));

        long first = k.kmalloc(4000, GFP_KERNEL | __GFP_DMA32);
        long warned = k.dmesg().lines().filter(l -> l.endsWith("] " + warning)).count();
        assertEquals(2, warned, "kmalloc-4k had no slab yet, so it took pages");
        long second = k.kmalloc(4000, GFP_KERNEL | __GFP_DMA32);
        assertEquals(warned, k.dmesg().lines().filter(l -> l.endsWith("] " + warning)).count(), "the slab had room: no pages, no warning");
        assertTrue(k.virt_to_phys(first) >= dma32End && k.virt_to_phys(second) >= dma32End);
        assertEquals(0, k.dmesg().lines().filter(l -> l.contains("Unexpected gfp")).filter(l -> !l.endsWith("] " + warning)).count());
        // kzalloc adds __GFP_ZERO (include/linux/slab.h), and the fixed-up mask shows it.
        k.kzalloc(30_000, GFP_KERNEL | __GFP_DMA32);
        assertTrue(k.dmesg().contains("Fixing up to gfp: 0xdc0 (GFP_KERNEL|__GFP_ZERO). Fix your code!"), k.dmesg("gfp"));
    }

    @Test
    void linux20BucketsMustHoldTheRequestPlusAHeader() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M);
        assertEquals("size-32", k.kmalloc_cache_name(24));
        assertEquals("size-64", k.kmalloc_cache_name(25));
        assertEquals("size-4080", k.kmalloc_cache_name(2033));
        assertEquals("size-131056", k.kmalloc_cache_name(131048));
        assertNull(k.kmalloc_cache_name(131049));
    }

    /** mm/kmalloc.c of 2.0: no bucket fits: printk "kmalloc of too large a block (%d bytes)." and return NULL. */
    @Test
    void linux20RefusesTooLargeABlockWithItsMessage() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M);
        long free = k.nr_free_pages();
        assertEquals(0, k.kmalloc(200_000, Gfp20.GFP_KERNEL), "failure is a return value");
        assertTrue(k.dmesg().contains("kmalloc of too large a block (200000 bytes)."), k.dmesg());
        assertEquals(free, k.nr_free_pages());
        assertNotEquals(0, k.kmalloc(131048, Gfp20.GFP_KERNEL), "131072 - 16 with its 8-byte header still fits");
        Kernel alpha = Kernel.boot(MachineProfiles.ALPHA_LINUX_2_0, 16 * M);
        assertEquals(0, alpha.kmalloc(262144 - 32 - 16 + 1, Gfp20.GFP_KERNEL));
        assertNotEquals(0, alpha.kmalloc(262144 - 32 - 16, Gfp20.GFP_KERNEL));
    }

    /** mm/kmalloc.c of 2.0, PAGE_SIZE 8192: 64/127, 128/63, 248/31, 504/16, 1016/8, 2040/4, 4080/2. */
    @Test
    void alphaBucketsHoldTheBlocksPerPageOf20() {
        Kernel k = Kernel.boot(MachineProfiles.ALPHA_LINUX_2_0, 16 * M);
        int[][] expected = {{64, 127}, {128, 63}, {248, 31}, {504, 16}, {1016, 8}, {2040, 4}, {4080, 2}, {8160, 1}};
        for (int i = 0; i < expected.length; i++) {
            KmallocClass c = k.kmalloc.caches.get(i).cls;
            assertEquals(expected[i][0], c.size());
            assertEquals(expected[i][1], c.objsPerSlab(), c.name());
            // kmalloc_init's own check: the blocks and the page descriptor fit in the page.
            assertTrue(c.objsPerSlab() * c.size() + 24 <= 8192L << c.slabOrder(), c.name());
        }
        assertEquals("size-248", k.kmalloc_cache_name(248 - 16), "a 16-byte header on Alpha");
        // The first block sits after the 24-byte page descriptor and its own 16-byte header.
        long p = k.kmalloc(100, Gfp20.GFP_KERNEL);
        assertEquals(24 + 16, p & 8191);
        Kernel pc = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        assertEquals(16 + 8, pc.kmalloc(100, Gfp20.GFP_KERNEL) & 4095, "16-byte descriptor and 8-byte header on i386");
    }

    @Test
    void zeroSizeReturnsZeroSizePtrAndKfreeIgnoresIt() {
        assertEquals(16, modern.kmalloc(0, GFP_KERNEL));
        modern.kfree(16);
        modern.kfree(0);
    }

    @Test
    void ksizeReportsTheWholeObject() {
        long p = modern.kmalloc(100, GFP_KERNEL);
        assertEquals(128, modern.ksize(p));
        long big = modern.kmalloc(20_000, GFP_KERNEL);
        assertEquals(32768, modern.ksize(big), "above 8 KiB the page allocator serves get_order(size)");
        modern.kfree(p);
        modern.kfree(big);
    }

    /** mm/slub.c (get_slabinfo): the CPU slab counts as fully used, so two objects show as a whole slab's 64. */
    @Test
    void objectsOfOneClassShareASlab() {
        long a = modern.kmalloc(64, GFP_KERNEL);
        long b = modern.kmalloc(64, GFP_KERNEL);
        assertEquals(64, b - a);
        assertTrue(modern.cat("/proc/slabinfo").lines().anyMatch(l -> l.startsWith("kmalloc-64") && l.contains("    64     64     64   64    1")),
            modern.cat("/proc/slabinfo"));
    }

    @Test
    void doubleKfreeIsReportedAndChangesNothing() {
        long a = modern.kmalloc(64, GFP_KERNEL);
        long keep = modern.kmalloc(64, GFP_KERNEL);
        modern.kfree(a);
        String before = modern.cat("/proc/slabinfo");
        KernelBugException e = assertThrows(KernelBugException.class, () -> modern.kfree(a));
        assertTrue(e.report().stream().anyMatch(l -> l.contains("Object already free")), e.getMessage());
        assertEquals(before, modern.cat("/proc/slabinfo"));
        modern.kfree(keep);
    }

    @Test
    void kfreeOfVmallocMemoryIsRefused() {
        long v = modern.vmalloc(10_000);
        KernelBugException e = assertThrows(KernelBugException.class, () -> modern.kfree(v));
        assertTrue(e.getMessage().contains("vfree"));
        modern.vfree(v);
    }

    @Test
    void kfreeOfAPointerIntoAnObjectIsABadFree() {
        long a = modern.kmalloc(64, GFP_KERNEL);
        assertThrows(KernelBugException.class, () -> modern.kfree(a + 8));
        modern.kfree(a);
    }

    /**
     * mm/page_alloc.c: above KMALLOC_MAX_SIZE (4 MiB) the order exceeds MAX_PAGE_ORDER: WARN_ON_ONCE_GFP
     * fires once (not with __GFP_NOWARN) and kmalloc returns NULL.
     */
    @Test
    void kmallocAboveTheMaximumWarnsOnceAndReturnsNull() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 256 * M);
        assertEquals(0, k.kmalloc(8 * M, GFP_KERNEL | __GFP_NOWARN));
        assertEquals("", k.dmesg("WARNING"), "__GFP_NOWARN silences it");
        assertEquals(0, k.kmalloc(8 * M, GFP_KERNEL));
        assertEquals(0, k.kmalloc(5 * M, GFP_KERNEL));
        assertEquals(1, k.dmesg("WARNING: CPU: 0").lines().count(), "WARN_ON_ONCE: one backtrace per boot");
        assertTrue(k.dmesg().contains("mm/page_alloc.c"));
        assertNotEquals(0, k.kmalloc(4 * M, GFP_KERNEL), "exactly KMALLOC_MAX_SIZE is an order-10 block");
        Kernel i386 = Kernel.boot(MachineProfiles.I386, 256 * M);
        assertEquals(0, i386.kmalloc(8 * M, GFP_KERNEL));
        assertTrue(i386.dmesg().contains("WARNING: CPU: 0"));
    }

    @Test
    void gfpDmaObjectsComeFromDmaCachesBelowSixteenMib() {
        Kernel big = Kernel.boot(MachineProfiles.X86_64, 1L << 30);
        long normal = big.kmalloc(100, GFP_KERNEL);
        long dma = big.kmalloc(100, GFP_KERNEL | GFP_DMA);
        assertTrue(big.virt_to_phys(normal) >= 16 * M);
        assertTrue(big.virt_to_phys(dma) < 16 * M);
        assertTrue(big.cat("/proc/slabinfo").lines().anyMatch(l -> l.startsWith("dma-kmalloc-128") && l.contains("      1 ")),
            big.cat("/proc/slabinfo"));
        big.kfree(dma);
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 64 * M);
        long oldDma = old.kmalloc(100, Gfp20.GFP_KERNEL | Gfp20.GFP_DMA);
        assertTrue(old.virt_to_phys(oldDma) < 16 * M);
    }

    @Test
    void emptySlabsGoBackToThePageAllocatorOnShrink() {
        long free = modern.nr_free_pages();
        long[] objs = new long[1000];
        for (int i = 0; i < objs.length; i++) {
            objs[i] = modern.kmalloc(512, GFP_KERNEL);
        }
        for (long o : objs) {
            modern.kfree(o);
        }
        modern.kmem_cache_shrink_all();
        assertEquals(free, modern.nr_free_pages());
    }

    /**
     * mm/slub.c (allocate_slab): the preferred order is tried without reclaim and without a warning;
     * when no such block is free, the cache's minimum order (one object) is used, so a fragmented
     * machine still serves kmalloc(4096) from order-0 slabs.
     */
    @Test
    void slubFallsBackToTheMinimumOrderWhenNoPreferredBlockIsFree() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        java.util.List<Long> pages = new java.util.ArrayList<>();
        for (long a; (a = k.__get_free_page(__GFP_MEMALLOC | __GFP_NOWARN)) != 0; ) {
            pages.add(a);
        }
        for (int i = 0; i < pages.size(); i += 2) {
            k.free_page(pages.get(i));
        }
        String log = k.dmesg();
        long obj = k.kmalloc(4096, GFP_KERNEL);
        assertNotEquals(0, obj, "served from an order-0 slab");
        Kmalloc.Owner o = k.kmalloc.owner(obj);
        assertEquals(0, o.slab().order, "kmalloc-4k's minimum order");
        assertEquals(1, o.slab().objects);
        assertEquals(1, k.pageframe_counters().get("slub_order_fallback"));
        assertEquals(log, k.dmesg(), "the light first try at order 3 does not warn");
        assertTrue(k.cat("/proc/slabinfo").lines().anyMatch(l -> l.startsWith("kmalloc-4k ") && l.contains("      1      1   4096    8    8")),
            k.cat("/proc/slabinfo"));
    }

    /** mm/slub.c (get_slabinfo): free objects count only on partial slabs; active_slabs equals num_slabs. */
    @Test
    void slabinfoCountsOnlyPartialSlabsFreeObjects() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        long[] objs = new long[40];
        for (int i = 0; i < objs.length; i++) {
            objs[i] = k.kmalloc(128, GFP_KERNEL);
        }
        // 32 per slab: the first slab is full, the second is the CPU slab with 8 in use.
        for (int i = 0; i < 4; i++) {
            k.kfree(objs[i]);
        }
        // The first slab is now partial with 4 free; the CPU slab still counts as wholly in use.
        String row = k.cat("/proc/slabinfo").lines().filter(l -> l.startsWith("kmalloc-128 ")).findFirst().orElseThrow();
        assertTrue(row.matches("kmalloc-128 +60 +64 +128 +32 +1 : tunables +0 +0 +0 : slabdata +2 +2 +0"), row);
    }
}
