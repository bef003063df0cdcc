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

    @Test
    void linux20KeepsOneGlobalReserveOfAHundredTwentyEighth() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 2L << 20);
        assertEquals(16, k.pages.min_free_pages, "a 2 MiB machine has fewer than 16*128 pages: the floor applies");
        Kernel big = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 64L << 20);
        assertEquals(big.nr_free_pages() / 128, big.pages.min_free_pages);
        assertEquals(big.pages.min_free_pages * 2, big.pages.free_pages_high);
        assertEquals(big.pages.min_free_pages * 3 / 2, big.pages.free_pages_low);
    }
}
