package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarksTest {
    @Test
    void oneEightGibZoneGetsTheKernelsWatermarks() {
        Zone z = new Zone(ZoneType.NORMAL, 0, 1 << 21, 10, 3, 9, new FrameTable(1 << 21));
        z.managed_pages = 1 << 21; // 8 GiB of 4 KiB pages
        long minFreeKb = Watermarks.min_free_kbytes(z.managed_pages * 4);
        assertEquals(11585, minFreeKb);
        Watermarks.setup_per_zone_wmarks(List.of(z), minFreeKb, 12);
        assertEquals(2896, z.min_wmark_pages());
        assertEquals(4993, z.low_wmark_pages());
        assertEquals(7090, z.high_wmark_pages());
    }

    @Test
    void minFreeKbytesIsClampedAndOneGibGivesFourMib() {
        assertEquals(4096, Watermarks.min_free_kbytes(1024 * 1024));
        assertEquals(128, Watermarks.min_free_kbytes(100));
        assertEquals(262144, Watermarks.min_free_kbytes(1L << 40));
    }

    @Test
    void intSqrtIsTheFloor() {
        assertEquals(11585, Watermarks.int_sqrt(134217728));
        assertEquals(3, Watermarks.int_sqrt(15));
        assertEquals(4, Watermarks.int_sqrt(16));
    }

    @Test
    void lowerZonesKeepAReserveAgainstRequestsThatCouldGoHigher() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 8L << 30);
        Zone dma = k.pages.zone(ZoneType.DMA);
        Zone dma32 = k.pages.zone(ZoneType.DMA32);
        Zone normal = k.pages.zone(ZoneType.NORMAL);
        assertEquals((dma32.managed_pages + normal.managed_pages) / 256, dma.lowmem_reserve(ZoneType.NORMAL));
        assertEquals(normal.managed_pages / 256, dma32.lowmem_reserve(ZoneType.NORMAL));
        assertEquals(0, normal.lowmem_reserve(ZoneType.NORMAL));
    }

    /** mm/page_alloc.c of 2.0.3x (free_area_init): max(24, pages/128) + 24 of all memory; low 1.5x, high 2x. */
    @Test
    void linux20ReserveComesFromAllOfMemory() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16L << 20);
        // 16 MiB = 4096 pages: 4096/128 = 32, max(24, 32) + 24 = 56; low 84; high 112.
        assertEquals(56, k.pages.min_free_pages);
        assertEquals(84, k.pages.free_pages_low);
        assertEquals(112, k.pages.free_pages_high);
        assertTrue(k.nr_free_pages() / 128 + 24 < 56, "sized from end_mem, not from the pages left free");
        Kernel small = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 2L << 20);
        assertEquals(48, small.pages.min_free_pages, "512 pages: the floor of 24, plus 24");
        Kernel big = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 64L << 20);
        assertEquals(128 + 24, big.pages.min_free_pages);
    }

    /** The same rule on Alpha's 8 KiB pages (mm/page_alloc.c of 2.0.3x). */
    @Test
    void alphaLinux20ReserveUsesItsOwnPageCount() {
        Kernel k = Kernel.boot(MachineProfiles.ALPHA_LINUX_2_0, 16L << 20);
        // 16 MiB = 2048 pages: 2048/128 = 16, max(24, 16) + 24 = 48; low 72; high 96.
        assertEquals(48, k.pages.min_free_pages);
        assertEquals(72, k.pages.free_pages_low);
        assertEquals(96, k.pages.free_pages_high);
    }

    /** mm/page_alloc.c of 2.0.0-2.0.2x: max(16, pages/128), before 2.0.3x added the 24. */
    @Test
    void earlyLinux20ReserveHadNoExtraTwentyFour() {
        assertArrayEquals(new long[] {32, 48, 64}, Watermarks.legacy_free_pages(Era.LINUX_2_0, "2.0.20", 4096));
        assertArrayEquals(new long[] {16, 24, 32}, Watermarks.legacy_free_pages(Era.LINUX_2_0, "2.0.0", 512));
        assertArrayEquals(new long[] {56, 84, 112}, Watermarks.legacy_free_pages(Era.LINUX_2_0, "2.0.40", 4096));
    }

    /** mm/swap.c of 1.2 (free_area_init): pages/64 of all memory, at least 16; no low or high mark (no kswapd). */
    @Test
    void linux12ReserveIsASixtyFourthWithoutLowAndHigh() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 16L << 20);
        assertEquals(64, k.pages.min_free_pages);
        assertEquals(0, k.pages.free_pages_low);
        assertEquals(0, k.pages.free_pages_high);
        assertEquals(16, Kernel.boot(MachineProfiles.I386_LINUX_1_2, 512L << 10 << 2).pages.min_free_pages);
    }
}
