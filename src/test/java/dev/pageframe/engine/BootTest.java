package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootTest {
    private static final long M = 1 << 20;

    @Test
    void builtinDriverKeepsWhatItTookFromMemStartForGood() {
        long[] seen = new long[2];
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M, 0, List.of(
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
        // 2.0 ignores free_pages on reserved memory.
        long free = k.nr_free_pages();
        k.free_pages(seen[0] & ~4095L, 0);
        assertEquals(free, k.nr_free_pages());
    }

    @Test
    void aModuleMayNotReserveBootMemory() {
        KernelBugException e = assertThrows(KernelBugException.class, () -> Kernel.boot(MachineProfiles.I386_LINUX_2_0,
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
        assertThrows(IllegalStateException.class, () -> Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M, 0,
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
}
