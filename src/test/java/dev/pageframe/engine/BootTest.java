package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootTest {
    private static final long M = 1 << 20;

    /** init/main.c of 1.2: built-in drivers take memory_start through chr_dev_init, blk_dev_init, ... (was a 2.0 test). */
    @Test
    void builtinDriverKeepsWhatItTookFromMemStartForGood() {
        long[] seen = new long[2];
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 8 * M, 0, List.of(
            Initcall.builtin("scsi_dev_init", (mem_start, mem_end) -> {
                seen[0] = mem_start;
                seen[1] = mem_end;
                return mem_start + 100_000;
            })));
        assertEquals(8 * M, seen[1]);
        assertTrue(seen[0] > M && seen[0] < 2 * M, "mem_start follows the kernel image loaded at 1 MiB");
        FrameRun run = k.frame_map().stream().filter(r -> r.owner().equals("scsi_dev_init")).findFirst().orElseThrow();
        assertEquals(FrameKind.BOOT_RESERVED, run.kind());
        assertEquals((seen[0] + 100_000 + 4095) / 4096 - seen[0] / 4096, run.count());
        // 1.2 ignores free_pages on reserved memory (mm/swap.c: MAP_PAGE_RESERVED).
        long free = k.nr_free_pages();
        k.free_pages(seen[0] & ~4095L, 0);
        assertEquals(free, k.nr_free_pages());
    }

    @Test
    void aModernKernelHandsBootMemoryOutFromTheBottomOfTheZoneUp() {
        // mm/page_alloc.c since 5.10: boot memory goes to the tail of the free lists, so the first request splits the
        // zone's lowest block and the next ones follow it up.
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 8L << 30);
        ZoneSnapshot normal = k.zones().stream().filter(z -> z.name().equals("Normal")).findFirst().orElseThrow();
        long first = k.virt_to_pfn(k.__get_free_page(Gfp.GFP_KERNEL));
        long second = k.virt_to_pfn(k.__get_free_page(Gfp.GFP_KERNEL));
        long block = k.virt_to_pfn(k.__get_free_pages(Gfp.GFP_KERNEL, k.MAX_ORDER()));
        assertEquals(normal.startPfn(), first, "the first page is the zone's first frame");
        assertEquals(first + 1, second);
        assertEquals(normal.startPfn() + (1L << k.MAX_ORDER()), block, "the next whole block is the one above it");
    }

    @Test
    void modernI386HandsOutHighMemFromTheTopAndLowMemoryFromTheBottom() {
        // arch/x86/mm/init_32.c (before 6.15) frees HighMem page by page to the head of the lists; memblock frees
        // the Normal zone to the tail.
        Kernel k = Kernel.boot(MachineProfiles.I386, 2L << 30);
        ZoneSnapshot high = k.zones().stream().filter(z -> z.name().equals("HighMem")).findFirst().orElseThrow();
        ZoneSnapshot normal = k.zones().stream().filter(z -> z.name().equals("Normal")).findFirst().orElseThrow();
        Page page = k.alloc_pages(Gfp.GFP_HIGHUSER, 0);
        assertEquals(high.endPfn() - (1L << k.MAX_ORDER()), page.pfn(), "the first page of the top HighMem block");
        long low = k.virt_to_pfn(k.__get_free_page(Gfp.GFP_KERNEL));
        assertTrue(low >= normal.startPfn() && low < normal.startPfn() + (normal.endPfn() - normal.startPfn()) / 2,
            "a GFP_KERNEL page from the bottom half of Normal: pfn 0x" + Long.toHexString(low));
    }

    @Test
    void linux20HandsOutTheLastBlockBootFreedFirst() {
        // 2.0's mem_init frees upward and each free goes to the front of its queue: the top of memory comes first.
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        long first = k.__get_free_pages(Gfp20.GFP_KERNEL, 5);
        assertEquals(16 * M - (128 << 10), k.virt_to_phys(first), "the highest 128 KiB block");
    }

    @Test
    void aModuleMayNotReserveBootMemory() {
        KernelBugException e = assertThrows(KernelBugException.class, () -> Kernel.boot(MachineProfiles.I386_LINUX_1_2,
            8 * M, 0, List.of(Initcall.module("sound", (s, end) -> s + 4096))));
        assertTrue(e.getMessage().contains("loadable module"));
    }

    @Test
    void reservingAfterMemInitIsRefusedForModulesAndBuiltins() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M);
        long free = k.nr_free_pages();
        KernelBugException mod = assertThrows(KernelBugException.class,
            () -> k.do_initcall(Initcall.module("sound", (s, e) -> s + 4096)));
        assertTrue(mod.getMessage().contains("loadable module"), mod.getMessage());
        KernelBugException late = assertThrows(KernelBugException.class,
            () -> k.do_initcall(Initcall.builtin("late", (s, e) -> s + 4096)));
        assertTrue(late.getMessage().contains("mem_init has handed all free memory"), late.getMessage());
        assertEquals(free, k.nr_free_pages());
        assertTrue(k.dmesg().contains("late: boot-time reservation refused after mem_init"));
    }

    @Test
    void initFunctionThatMovesMemStartBackwardsPanics() {
        assertThrows(IllegalStateException.class, () -> Kernel.boot(MachineProfiles.I386_LINUX_1_2, 8 * M, 0,
            List.of(Initcall.builtin("bad", (s, end) -> s - 4096))));
    }

    @Test
    void modernEarlyBootUsesMemblockAndThenItIsGone() {
        Memblock[] kept = new Memblock[1];
        long[] addr = new long[1];
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 256 * M, 0, List.of(Initcall.early("crashkernel", mb -> {
            kept[0] = mb;
            addr[0] = mb.memblock_alloc(16 * M, 2 * M);
        })));
        assertNotEquals(0, addr[0]);
        assertEquals(0, k.virt_to_phys(addr[0]) % (2 * M));
        assertTrue(k.frame_map().stream().anyMatch(r -> r.owner().equals("crashkernel") && r.count() == 4096));
        assertThrows(KernelBugException.class, () -> kept[0].memblock_alloc(4096, 4096));
    }

    @Test
    void memStartInitcallsAreRefusedOnModernProfiles() {
        assertThrows(IllegalStateException.class, () -> Kernel.boot(MachineProfiles.X86_64, 256 * M, 0,
            List.of(Initcall.builtin("old", (s, e) -> s))));
    }

    @Test
    void largeX86MachinesHaveAPciHoleAndThreeZones() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 8L << 30);
        assertEquals(List.of("DMA", "DMA32", "Normal"), k.zones().stream().map(ZoneSnapshot::name).toList());
        assertTrue(k.frame_map().stream().anyMatch(r -> r.kind() == FrameKind.HOLE && r.startPfn() == (3L << 30) >> 12));
    }

    @Test
    void i386HasHighmemAbove896Mib() {
        Kernel k = Kernel.boot(MachineProfiles.I386, 2L << 30);
        assertEquals(List.of("DMA", "Normal", "HighMem"), k.zones().stream().map(ZoneSnapshot::name).toList());
        assertTrue(k.cat("/proc/meminfo").contains("HighTotal:"));
    }

    @Test
    void memorySizesOutsideTheProfileAreRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Kernel.boot(MachineProfiles.I386_LINUX_2_0, 2L << 30));
        assertTrue(e.getMessage().contains("i386-linux-2.0 supports 2M to 960M"), e.getMessage());
    }

    @Test
    void everyProfileBootsFromTwoMib() {
        for (MachineProfile p : MachineProfiles.all()) {
            long mem = Math.max(2 * M, p.minMemory());
            Kernel k = Kernel.boot(p, mem);
            assertTrue(k.nr_free_pages() > 0, p.name());
        }
    }

    /** init/main.c of 1.2: the whole chain, drivers included, between kmalloc_init and inode_init. */
    @Test
    void linux12ChainHandsMemoryStartToDrivers() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_1_2, 16 * M, 0, List.of(
            Initcall.builtin("sbpcd_init", (s, e) -> s + 8192)));
        List<String> names = k.boot_chain().stream().map(BootStep::function).toList();
        assertEquals(List.of("paging_init", "console_init", "bios32_init", "kmalloc_init", "sbpcd_init", "inode_init",
            "file_table_init", "name_cache_init"), names);
        BootStep driver = k.boot_chain().get(4);
        assertTrue(driver.driver());
        assertEquals(8192, driver.bytes());
        for (int i = 1; i < names.size(); i++) {
            assertEquals(k.boot_chain().get(i - 1).returned(), k.boot_chain().get(i).mem_start(), "each takes the last's return");
        }
    }

    /**
     * init/main.c of 2.0: only core init takes memory_start (paging, console, PCI, kmalloc, inode,
     * file table, name cache); drivers run later from device_setup() without it.
     */
    @Test
    void linux20ChainIsCoreOnlyAndRefusesDrivers() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M);
        assertEquals(List.of("paging_init", "console_init", "pci_init", "kmalloc_init", "inode_init", "file_table_init",
            "name_cache_init"), k.boot_chain().stream().map(BootStep::function).toList());
        assertTrue(k.boot_chain().stream().noneMatch(BootStep::driver));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kernel.boot(MachineProfiles.I386_LINUX_2_0,
            16 * M, 0, List.of(Initcall.builtin("sbpcd_init", (s, end) -> s + 8192))));
        assertTrue(e.getMessage().contains("device_setup()"), e.getMessage());
        assertTrue(Kernel.boot(MachineProfiles.X86_64, 64 * M).boot_chain().isEmpty());
    }

    /**
     * The era's other trick: mem= below the installed RAM, a built-in driver uses what lies above. The
     * kernel never manages it, so its reserve is sized from mem= (mm/page_alloc.c of 2.0: end_mem) and
     * free_pages on it does nothing (it is above high_memory).
     */
    @Test
    void memOptionLeavesRamAboveForABuiltinDriver() {
        for (MachineProfile p : List.of(MachineProfiles.I386_LINUX_1_2, MachineProfiles.I386_LINUX_2_0,
                MachineProfiles.ALPHA_LINUX_2_0)) {
            Kernel k = Kernel.boot(p, 16 * M, 14 * M, 0, List.of(Initcall.aboveMem("framegrabber", M)));
            assertEquals(16 * M, k.installed_memory());
            assertEquals(14 * M, k.mem_limit());
            long addr = k.above_mem_address("framegrabber");
            assertEquals(14 * M, k.virt_to_phys(addr), p.name());
            long pages = (14 * M) >> p.pageShift();
            long managed = k.zones().stream().mapToLong(ZoneSnapshot::managed).sum();
            assertTrue(managed <= pages, "the kernel manages only what mem= gave it");
            // 1.2: 3584 / 64 = 56; 2.0 i386: max(24, 28) + 24 = 52; Alpha: max(24, 14) + 24 = 48.
            assertEquals(p.era() == Era.LINUX_1_2 ? 56 : p.pageShift() == 12 ? 52 : 48, k.pages.min_free_pages);
            long free = k.nr_free_pages();
            k.free_pages(addr, 0);
            assertEquals(free, k.nr_free_pages(), "never freed: no mem_map entry covers it");
            assertTrue(k.frame_map().stream().anyMatch(r -> r.owner().equals("framegrabber (above mem=)")
                && r.count() == M >> p.pageShift()));
            assertTrue(k.frame_map().stream().anyMatch(r -> r.owner().startsWith("above mem=") && r.count() == M >> p.pageShift()));
            assertThrows(KernelBugException.class, () -> k.do_initcall(Initcall.aboveMem("late", 4096)));
        }
        assertThrows(IllegalStateException.class, () -> Kernel.boot(MachineProfiles.I386_LINUX_2_0, 16 * M, 0, 0,
            List.of(Initcall.aboveMem("framegrabber", M))), "without mem= there is nothing above it");
        assertThrows(IllegalArgumentException.class, () -> Kernel.boot(MachineProfiles.X86_64, 256 * M, 128 * M, 0,
            List.of()));
    }

    /**
     * arch/i386/mm/init.c of 1.2 and 2.0: "Memory: %luk/%luk available (%dk kernel code, %dk reserved,
     * %dk data)" and the banner after it; kernel/printk.c of the era had no timestamps.
     */
    @Test
    void legacyBootLogLooksLikeItsEra() {
        for (MachineProfile p : List.of(MachineProfiles.I386_LINUX_1_2, MachineProfiles.I386_LINUX_2_0)) {
            Kernel k = Kernel.boot(p, 16 * M);
            List<String> lines = k.log().lines();
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("[")), "no timestamps: " + lines);
            String memory = lines.stream().filter(l -> l.startsWith("Memory: ")).findFirst().orElseThrow();
            assertTrue(memory.matches("Memory: \\d+k/16384k available \\(\\d+k kernel code, 384k reserved, \\d+k data\\)"),
                memory);
            assertEquals("Memory: " + k.nr_free_pages() * 4 + "k", memory.substring(0, memory.indexOf('/')));
            assertTrue(lines.indexOf(memory) < lines.size() - 1
                && lines.getLast().startsWith("Linux version " + p.era().release()), "banner after mem_init");
        }
        Kernel alpha = Kernel.boot(MachineProfiles.ALPHA_LINUX_2_0, 16 * M);
        assertTrue(alpha.dmesg().contains("Memory: " + alpha.nr_free_pages() * 8 + "k available\n"), alpha.dmesg());
        assertTrue(Kernel.boot(MachineProfiles.X86_64, 64 * M).log().lines().getFirst().startsWith("[    0.000000] Linux version 6."));
    }
}
