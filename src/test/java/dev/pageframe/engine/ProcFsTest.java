package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.regex.Pattern;
import java.util.List;
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

    /** Linux 1.2 fs/proc/array.c (get_meminfo): five byte columns, no cached column and no kB lines. */
    @Test
    void linux12MeminfoHasItsOwnFiveColumnTable() {
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 16L << 20);
        old.page_cache_read(10);
        List<String> lines = old.cat("/proc/meminfo").lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals("        total:   used:    free:   shared:  buffers:", lines.get(0));
        String[] mem = lines.get(1).trim().split("\\s+");
        assertEquals(6, mem.length, lines.get(1));
        assertEquals(String.valueOf(10L * 4096), mem[5], "what 1.2 read sits in its buffer cache");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> old.cat("/proc/zoneinfo"));
        assertTrue(e.getMessage().contains("Linux 1.2.13 has no such file"), e.getMessage());
    }

    /** Linux 2.0 fs/proc/array.c (get_meminfo): the page cache is page_cache_size, the "cached" column and line. */
    @Test
    void linux20MeminfoCountsThePageCacheAsCached() {
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16L << 20);
        old.page_cache_read(10);
        List<String> lines = old.cat("/proc/meminfo").lines().toList();
        String[] mem = lines.get(1).trim().split("\\s+");
        assertEquals("0", mem[5], "buffers: " + lines.get(1));
        assertEquals(String.valueOf(10L * 4096), mem[6], "cached: " + lines.get(1));
        assertTrue(lines.contains("Cached:          40 kB"), String.join("\n", lines));
        assertTrue(lines.contains("Buffers:          0 kB"), String.join("\n", lines));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> old.cat("/proc/zoneinfo"));
        assertTrue(e.getMessage().contains("Linux 2.0.40 has no such file"), e.getMessage());
    }

    /** buddyinfo, vmstat and ftrace came after 2.0: a legacy machine shows them under a first line that says so. */
    @Test
    void filesLaterThanTheMachinesKernelSaySoInTheirFirstLine() {
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 16L << 20);
        for (String path : List.of("/proc/buddyinfo", "/proc/vmstat", "/sys/kernel/tracing/trace")) {
            String first = old.cat(path).lines().findFirst().orElseThrow();
            assertEquals("# Linux 1.2.13 has no " + path + ": Pageframe shows its "
                + (path.contains("buddy") ? "free_area lists" : path.contains("vmstat") ? "counters" : "allocator events")
                + " in the layout of later kernels", first);
        }
        assertEquals(2, old.cat("/proc/buddyinfo").lines().count(), "the note, then the DMA zone");
        assertTrue(k.cat("/proc/buddyinfo").startsWith("Node 0, zone "), "a modern kernel's file is its own");
        assertTrue(old.cat("/proc/meminfo").startsWith("        total:"), "1.2 had /proc/meminfo");
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

    /**
     * mm/vmstat.c (pagetypeinfo_showfree_print) walks each list under the zone lock, so it stops at
     * 100000 blocks and prints ">100000"; the other lists and the per-type count keep their true numbers.
     */
    @Test
    void pagetypeinfoStopsCountingAListAtOneHundredThousandAsTheKernelDoes() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 2L << 30);
        // Every order-0 page GFP_KERNEL can get, then every other one back: about 250,000 single free pages that
        // cannot merge, all on the Unmovable lists.
        java.util.List<Long> held = new java.util.ArrayList<>();
        for (long page; (page = k.__get_free_page(Gfp.GFP_KERNEL | Gfp.__GFP_NOWARN | Gfp.__GFP_NORETRY)) != 0; ) {
            held.add(page);
        }
        java.util.Collections.sort(held);
        for (int i = 0; i < held.size(); i += 2) {
            k.free_page(held.get(i));
        }
        Zone dma32 = k.pages.zone(ZoneType.DMA32);
        long unmovable = dma32.free_area(0).nr_free(MigrateType.MIGRATE_UNMOVABLE);
        assertTrue(unmovable > 200_000, "single pages on the list: " + unmovable);
        String row = k.cat("/proc/pagetypeinfo").lines()
            .filter(l -> l.startsWith("Node    0, zone    DMA32, type    Unmovable ")).findFirst().orElseThrow();
        assertTrue(row.startsWith("Node    0, zone    DMA32, type    Unmovable >100000 "), row);
        assertEquals(dma32.free_area(0).nr_free(), java.util.stream.IntStream.range(0, dma32.nr_migratetypes)
            .mapToLong(mt -> dma32.free_area(0).nr_free(mt)).sum(), "the walks add up to nr_free");
    }

    /**
     * mm/vmstat.c (zoneinfo_show_print): promo and cma lines after high and managed, and one
     * protection entry per zone the kernel is built with: DMA, DMA32, Normal, Movable on x86-64;
     * DMA, Normal, HighMem, Movable on 32-bit x86, which has no DMA32.
     */
    @Test
    void zoneinfoHasPromoCmaAndTheArchitecturesZones() {
        String zi = k.cat("/proc/zoneinfo");
        assertTrue(Pattern.compile("        high     \\d+\n        promo    \\d+\n        spanned").matcher(zi).find(), zi);
        assertTrue(zi.contains("        cma      0\n        protection: ("), zi);
        Zone dma = k.pages.zone(ZoneType.DMA);
        assertTrue(zi.contains(String.format("protection: (0, %d, %d, %d)", dma.lowmem_reserve(ZoneType.DMA32),
            dma.lowmem_reserve(ZoneType.NORMAL), dma.lowmem_reserve(ZoneType.NORMAL))), zi);
        long promo = dma.high_wmark_pages() + (dma.high_wmark_pages() - dma.low_wmark_pages());
        assertTrue(zi.contains("promo    " + promo + "\n"), "WMARK_PROMO = high + the low-to-high step");
        Kernel i386 = Kernel.boot(MachineProfiles.I386, 2L << 30);
        Zone d = i386.pages.zone(ZoneType.DMA);
        String z32 = i386.cat("/proc/zoneinfo");
        assertTrue(z32.contains(String.format("protection: (0, %d, %d, %d)\n", d.lowmem_reserve(ZoneType.NORMAL),
            d.lowmem_reserve(ZoneType.HIGHMEM), d.lowmem_reserve(ZoneType.HIGHMEM))), z32);
    }

    /** mm/vmstat.c: extfrag_index "%2d.%03d " pads the whole part; unusable_index "%d.%03d " does not. */
    @Test
    void extfragPadsAndUnusableDoesNot() {
        for (int i = 0; i < 2000; i++) {
            k.__get_free_page(Gfp.GFP_KERNEL);
        }
        String unusable = k.cat("/sys/kernel/debug/extfrag/unusable_index");
        assertTrue(Pattern.compile("^Node 0, zone      DMA \\d\\.\\d{3} ").matcher(unusable).find(), unusable);
        String extfrag = k.cat("/sys/kernel/debug/extfrag/extfrag_index");
        assertTrue(Pattern.compile("(-1|  ?\\d)\\.\\d{3} ").matcher(extfrag).find(), extfrag);
        assertFalse(Pattern.compile("zone +\\w+ \\d\\.").matcher(extfrag).find(), "never an unpadded index: " + extfrag);
    }

    /** fs/proc/meminfo.c: (VMALLOC_END - VMALLOC_START) >> 10, and x86-64's VMALLOC_END is inclusive. */
    @Test
    void vmallocTotalOnX8664Is32TibMinusOneByte() {
        assertTrue(k.cat("/proc/meminfo").contains("VmallocTotal:   34359738367 kB\n"), k.cat("/proc/meminfo"));
    }

    /**
     * mm/vmstat.c (pagetypeinfo_showfree, pagetypeinfo_showblockcount): "%-43s " then "%6d " per
     * order; one row per migrate type including HighAtomic; pageblocks in holes are not counted.
     */
    @Test
    void pagetypeinfoHasEveryMigrateTypeAndSkipsHoles() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 8L << 30);
        java.util.List<String> lines = k.cat("/proc/pagetypeinfo").lines().toList();
        assertTrue(lines.contains("Free pages count per migrate type at order  " + "     0      1      2      3      4      5"
            + "      6      7      8      9     10 "), String.join("\n", lines));
        assertTrue(lines.contains("Node    0, zone    DMA32, type   HighAtomic      0      0      0      0      0      0      0"
            + "      0      0      0      0 "), String.join("\n", lines));
        assertEquals(6, lines.stream().filter(l -> l.startsWith("Node    0, zone   Normal, type")).count());
        assertTrue(lines.contains("Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate "),
            String.join("\n", lines));
        String dma32 = lines.stream().filter(l -> l.startsWith("Node 0, zone    DMA32 ")).findFirst().orElseThrow();
        long blocks = java.util.Arrays.stream(dma32.substring(22).trim().split(" +")).mapToLong(Long::parseLong).sum();
        assertEquals((3L << 30) - (16L << 20) >> 21, blocks, "16 MiB to 3 GiB: the PCI hole up to 4 GiB has no pageblocks");
    }

    /**
     * mm/vmstat.c (zoneinfo_show_print): the empty Movable zone is listed with its watermarks and
     * protection only; the node's stats follow the first populated zone; populated zones end with
     * their counters, pagesets and start_pfn.
     */
    @Test
    void zoneinfoListsTheEmptyMovableZoneAndThePerNodeAndPagesetSections() {
        String zi = k.cat("/proc/zoneinfo");
        assertTrue(zi.startsWith("Node 0, zone      DMA\n  per-node stats\n      nr_inactive_anon 0\n"), zi);
        assertEquals(1, zi.split("per-node stats", -1).length - 1, "only under the first populated zone");
        assertTrue(zi.endsWith("Node 0, zone  Movable\n  pages free     0\n        boost    0\n        min      0\n"
            + "        low      0\n        high     0\n        promo    0\n        spanned  0\n        present  0\n"
            + "        managed  0\n        cma      0\n        protection: (0, 0, 0, 0)\n"), zi);
        assertTrue(zi.contains("\n  pagesets\n    cpu: 0\n              count:    0\n"), zi);
        Zone dma32 = k.pages.zone(ZoneType.DMA32);
        assertTrue(zi.contains("\n      nr_free_pages " + dma32.free_pages + "\n"), zi);
        assertTrue(zi.contains("\n  start_pfn:           " + dma32.zone_start_pfn() + "\n"), zi);
    }
}
