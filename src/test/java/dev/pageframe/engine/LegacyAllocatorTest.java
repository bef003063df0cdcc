package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page and kmalloc rules of Linux 1.2 and 2.0, with the numbers their mm/ sources give. */
class LegacyAllocatorTest {
    private static final long M = 1 << 20;

    /** Takes GFP_ATOMIC pages (they ignore the reserve) until exactly {@code left} pages are free. */
    private static List<Long> drainTo(Kernel k, long left) {
        List<Long> taken = new ArrayList<>();
        while (k.nr_free_pages() > left) {
            long a = k.__get_free_page(Gfp20.GFP_ATOMIC);
            assertNotEquals(0, a);
            taken.add(a);
        }
        assertEquals(left, k.nr_free_pages());
        return taken;
    }

    /**
     * mm/page_alloc.c of 2.0.3x (__get_free_pages): once min_free_pages >= 48, GFP_BUFFER and GFP_IO
     * keep 12 + min/8 fewer pages back. 16 MiB: min 56, so they may go down to 56 - 19 = 37.
     */
    @Test
    void linux20BufferAndIoReachDeeperThanKernel() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        assertEquals(0x06, Gfp20.GFP_IO);
        drainTo(k, 40);
        assertEquals(0, k.__get_free_page(Gfp20.GFP_KERNEL), "40 <= 56 and nothing to reclaim");
        assertNotEquals(0, k.__get_free_page(Gfp20.GFP_BUFFER), "GFP_BUFFER's reserve is 37");
        assertNotEquals(0, k.__get_free_page(Gfp20.GFP_IO));
        drainTo(k, 37);
        assertEquals(0, k.__get_free_page(Gfp20.GFP_BUFFER));
        assertNotEquals(0, k.__get_free_page(Gfp20.GFP_NFS), "GFP_NFS keeps only 5 back");
        assertEquals(37 - 1, k.nr_free_pages());
    }

    /** mm/swap.c of 1.2: no deeper reach and no GFP_IO; the reserve is 1/64 of memory (16 MiB: 64). */
    @Test
    void linux12HasNoDeeperReachAndNoGfpIo() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 16 * M);
        drainTo(k, 60);
        assertEquals(0, k.__get_free_page(Gfp20.GFP_BUFFER));
        assertNotEquals(0, k.__get_free_page(Gfp20.GFP_NFS));
        assertThrows(IllegalArgumentException.class, () -> k.__get_free_page(Gfp20.GFP_IO));
    }

    /**
     * mm/page_alloc.c of 2.0 (__get_free_pages): {@code if (++count < 5)} prints and forces GFP_ATOMIC;
     * from the fifth call on it is silent and does not force, and a request that must reclaim then
     * schedules in the interrupt (kernel/sched.c: "Aiee: scheduling in interrupt").
     */
    @Test
    void linux20WarnsFourTimesThenLetsTheInterruptSleep() {
        // The same counter in mm/swap.c of 1.2 and on Alpha's 2.0 (generic mm/page_alloc.c).
        for (MachineProfile p : List.of(MachineProfiles.I386_LINUX_2_0, MachineProfiles.ALPHA_LINUX_2_0,
                MachineProfiles.I386_LINUX_1_2)) {
            Kernel k = Kernel.boot(p, 16 * M);
            for (int i = 0; i < 6; i++) {
                k.in_interrupt(() -> assertNotEquals(0, k.__get_free_page(Gfp20.GFP_KERNEL)));
            }
            assertEquals(4, k.dmesg("gfp called nonatomically from interrupt").lines().count(), k.dmesg());
            drainTo(k, k.pages.min_free_pages - 2);
            // Forced to GFP_ATOMIC the first four times it would have succeeded here; now GFP_KERNEL must reclaim.
            KernelBugException e = assertThrows(KernelBugException.class,
                () -> k.in_interrupt(() -> k.__get_free_page(Gfp20.GFP_KERNEL)));
            assertTrue(e.report().getFirst().startsWith("Aiee: scheduling in interrupt"), e.report().toString());
            assertEquals(4, k.dmesg("gfp called nonatomically").lines().count(), "still silent on " + p.name());
        }
    }

    /** mm/page_alloc.c of 2.0.3x on Alpha's 8 KiB pages: 16 MiB gives min 48, so GFP_BUFFER stops at 48 - (12 + 6) = 30. */
    @Test
    void alphaBufferReachUsesItsOwnReserve() {
        Kernel k = Kernel.boot(MachineProfiles.ALPHA_LINUX_2_0, 16 * M);
        drainTo(k, 35);
        assertEquals(0, k.__get_free_page(Gfp20.GFP_KERNEL));
        while (k.__get_free_page(Gfp20.GFP_BUFFER) != 0) {
            // down to GFP_BUFFER's reserve
        }
        assertEquals(30, k.nr_free_pages());
    }

    /** The same rule with the first four calls forced: below the reserve they still succeed as GFP_ATOMIC. */
    @Test
    void linux20ForcedCallsUseTheAtomicRule() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        drainTo(k, 50);
        for (int i = 0; i < 4; i++) {
            k.in_interrupt(() -> assertNotEquals(0, k.__get_free_page(Gfp20.GFP_KERNEL)));
        }
        assertEquals(46, k.nr_free_pages());
    }

    /** mm/kmalloc.c of 2.0 keeps its own count: "kmalloc called nonatomically from interrupt", four times. */
    @Test
    void linux20KmallocHasItsOwnFourWarnings() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        for (int i = 0; i < 7; i++) {
            k.in_interrupt(() -> assertNotEquals(0, k.kmalloc(4000, Gfp20.GFP_KERNEL)));
        }
        assertEquals(4, k.dmesg("kmalloc called nonatomically from interrupt").lines().count(), k.dmesg());
        // Each 4000-byte kmalloc needs a new page: the fifth to seventh reach __get_free_pages unforced.
        assertEquals(3, k.dmesg("gfp called nonatomically from interrupt").lines().count(), k.dmesg());
    }

    /** mm/kmalloc.c: 2.0 looks at the size before the interrupt check, 1.2 after it. */
    @Test
    void theOrderOfKmallocChecksDiffersBetween12And20() {
        Kernel v20 = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        v20.in_interrupt(() -> assertEquals(0, v20.kmalloc(200_000, Gfp20.GFP_KERNEL)));
        assertEquals("", v20.dmesg("nonatomically"));
        assertTrue(v20.dmesg().contains("kmalloc of too large a block (200000 bytes)."));
        Kernel v12 = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 16 * M);
        v12.in_interrupt(() -> assertEquals(0, v12.kmalloc(200_000, Gfp20.GFP_KERNEL)));
        List<String> lines = v12.log().lines();
        int warn = lines.indexOf(lines.stream().filter(l -> l.startsWith("kmalloc called nonatomically")).findFirst().orElseThrow());
        assertEquals("kmalloc of too large a block (200000 bytes).", lines.get(warn + 1));
    }

    /** mm/page_alloc.c of 2.0: "if (order >= NR_MEM_LISTS) return 0", before anything else. */
    @Test
    void orderSixReturnsZeroOnBothLegacyEras() {
        for (MachineProfile p : List.of(MachineProfiles.I386_LINUX_1_2, MachineProfiles.I386_LINUX_2_0,
                MachineProfiles.ALPHA_LINUX_2_0)) {
            Kernel k = Kernel.boot(p, 16 * M);
            assertEquals(0, k.__get_free_pages(Gfp20.GFP_KERNEL, 6), p.name());
            assertNotEquals(0, k.__get_free_pages(Gfp20.GFP_KERNEL, 5), p.name());
        }
    }

    /** mm/swap.c of 1.2 (__get_dma_pages): anything but GFP_ATOMIC becomes GFP_BUFFER, which never reclaims. */
    @Test
    void linux12DmaPagesNeverReclaim() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 8 * M);
        k.page_cache_read(200);
        long stalls = k.vmstat().get("allocstall_dma");
        while (k.__get_dma_pages(Gfp20.GFP_KERNEL, 0) != 0) {
            // take DMA pages until the reserve stops GFP_BUFFER
        }
        assertEquals(stalls, k.vmstat().get("allocstall_dma"), "GFP_BUFFER does not call try_to_free_page");
        assertTrue(k.nr_free_pages() <= k.pages.min_free_pages);
    }

    /** mm/swap.c of 1.2 has no kswapd: no low mark to wake it. */
    @Test
    void linux12NeverWakesKswapd() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 8 * M);
        drainTo(k, 20);
        assertEquals(0, k.vmstat().get("pageoutrun"), "kswapd never ran");
        Kernel v20 = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M);
        drainTo(v20, 20);
        assertTrue(v20.vmstat().get("pageoutrun") > 0, "2.0 wakes kswapd below free_pages_low");
    }

    /** mm/vmalloc.c of 1.2 and 2.0: a request larger than all of memory (high_memory) returns NULL at once. */
    @Test
    void legacyVmallocRefusesMoreThanHighMemory() {
        for (MachineProfile p : List.of(MachineProfiles.I386_LINUX_1_2, MachineProfiles.I386_LINUX_2_0)) {
            Kernel k = Kernel.boot(p, 8 * M);
            long free = k.nr_free_pages();
            assertEquals(0, k.vmalloc(8 * M + 1), p.name());
            assertEquals(free, k.nr_free_pages());
            long v = k.vmalloc(64 * 1024);
            assertNotEquals(0, v);
            assertEquals(((8 * M + 8 * M) & ~(8 * M - 1)), v, "the area starts 8 MiB above high_memory, 8 MiB aligned");
            k.vfree(v);
        }
    }

    /**
     * mm/page_alloc.c of 2.0.3x: when RMQUEUE finds nothing, every priority but GFP_BUFFER calls
     * try_to_free_page and repeats, GFP_ATOMIC too; mm/swap.c of 1.2 returns 0 at once.
     */
    @Test
    void linux20AtomicFallsThroughToTryToFreePageBut12DoesNot() {
        Kernel v20 = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M);
        // Keep kswapd asleep, so the page cache is still there when the free lists run dry.
        v20.pages.free_pages_low = 0;
        v20.pages.free_pages_high = 0;
        drainTo(v20, 300);
        // 8 MiB: min_free_pages max(24, 16) + 24 = 48, so GFP_BUFFER stops at 48 - (12 + 6) = 30.
        assertEquals(270, v20.page_cache_read(300));
        drainTo(v20, 0);
        assertNotEquals(0, v20.__get_free_page(Gfp20.GFP_ATOMIC), "shrink_mmap gave a cached page back");
        assertEquals(269, v20.vmstat().get("nr_file_pages"));
        Kernel v12 = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 8 * M);
        drainTo(v12, 300);
        v12.page_cache_read(200);
        drainTo(v12, 0);
        assertEquals(0, v12.__get_free_page(Gfp20.GFP_ATOMIC), "1.2: RMQUEUE failed, return 0");
        assertEquals(200, v12.vmstat().get("nr_file_pages"));
    }
}
