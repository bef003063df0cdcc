package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProcFsTest {
    private final Kernel k = Kernel.boot(MachineProfiles.X86_64, 1L << 30);

    @Test
    void buddyinfoHasTheKernelsColumns() {
        String[] lines = k.cat("/proc/buddyinfo").split("\n");
        assertEquals(2, lines.length);
        assertTrue(Pattern.matches("Node 0, zone      DMA( {1,6}\\d+ ){11}", lines[0]), lines[0]);
        assertTrue(lines[1].startsWith("Node 0, zone    DMA32 "));
    }

    @Test
    void buddyinfoAgreesWithTheFrameMap() {
        k.__get_free_pages(Gfp.GFP_KERNEL, 3);
        long[] fromMap = new long[11];
        for (FrameRun r : k.frame_map()) {
            if (r.kind() == FrameKind.FREE) {
                fromMap[r.order()] += r.count() >> r.order();
            }
        }
        long[] fromZones = new long[11];
        for (ZoneSnapshot z : k.zones()) {
            for (int o = 0; o < 11; o++) {
                fromZones[o] += z.nr_free()[o];
            }
        }
        assertArrayEquals(fromZones, fromMap);
    }

    @Test
    void zoneinfoShowsWatermarksAndProtection() {
        String zi = k.cat("/proc/zoneinfo");
        assertTrue(zi.contains("Node 0, zone    DMA32\n  pages free"));
        assertTrue(zi.contains("        protection: (0, "));
    }

    @Test
    void vmallocinfoCountsTheGuardPage() {
        long v = k.vmalloc(3 * 4096);
        String line = k.cat("/proc/vmallocinfo").lines().findFirst().orElseThrow();
        assertTrue(line.startsWith(String.format("0x%016x-0x%016x   16384 ", v, v + 16384)), line);
        assertTrue(line.endsWith("pages=3 vmalloc N0=3"));
    }

    @Test
    void linux20HasNoSlabinfo() {
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8L << 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> old.cat("/proc/slabinfo"));
        assertTrue(e.getMessage().contains("No such file or directory"));
        assertTrue(old.cat("/proc/meminfo").startsWith("        total:    used:    free:"));
    }

    @Test
    void tracepointsRecordAllocationsInTheirFormat() {
        k.trace().enable("mm_page_alloc", "kmalloc");
        long p = k.__get_free_pages(Gfp.GFP_KERNEL, 2);
        k.kmalloc(100, Gfp.GFP_KERNEL);
        String t = k.cat("/sys/kernel/tracing/trace");
        assertTrue(t.contains(String.format("mm_page_alloc: page=%s pfn=0x%x order=2 migratetype=0 gfp_flags=GFP_KERNEL",
            k.pages.pageStructAddress((int) k.virt_to_pfn(p)), k.virt_to_pfn(p))), t);
        assertTrue(t.contains("bytes_req=100 bytes_alloc=128 gfp_flags=GFP_KERNEL"), t);
    }

    @Test
    void extfragIndexIsPrintedPerOrder() {
        String s = k.cat("/sys/kernel/debug/extfrag/extfrag_index");
        assertTrue(s.startsWith("Node 0, zone      DMA -1.000"), s);
    }
}
