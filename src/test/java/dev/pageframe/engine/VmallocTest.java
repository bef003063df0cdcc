package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class VmallocTest {
    private static final long M = 1 << 20;

    /**
     * mm/vmalloc.c (alloc_vmap_area, then __vmalloc_node_range_noprof): i386's vmalloc space runs out long before its
     * memory, with the kernel's two lines. arch/x86/mm/pgtable_32.c (parse_vmalloc): vmalloc= buys more space with
     * low memory, so the Normal zone ends lower and HighMem begins there.
     */
    @Test
    void i386RunsOutOfVmallocSpaceFirstAndVmallocOptionTradesLowMemoryForIt() {
        Kernel k = Kernel.boot(MachineProfiles.I386, 2048 * M);
        assertNotEquals(0, k.vmalloc(100 * M));
        long free = k.nr_free_pages();
        assertEquals(0, k.vmalloc(32 * M), "120 MiB of space: 100 MiB and a guard page leave too little");
        assertEquals(free, k.nr_free_pages(), "no page was taken");
        assertTrue(k.dmesg().contains("vmalloc_node_range for size " + (32 * M + 4096)
            + " failed: Address range restricted to 0xf8800000 - 0xffffffff"), k.dmesg("vmalloc"));
        assertTrue(k.dmesg().contains("vmalloc error: size " + 32 * M + ", vm_struct allocation failed"), k.dmesg("vmalloc"));
        assertEquals(896 * M >> 12, k.zones().get(1).endPfn(), "Normal ends at 896 MiB");

        // arch/x86/include/asm/pgtable_32_areas.h: the area starts 8 MiB above high_memory, unrounded, and ends at a
        // fixed VMALLOC_END, so a machine with less low memory has more vmalloc space.
        Kernel small = Kernel.boot(MachineProfiles.I386, 500 * M);
        assertTrue(small.cat("/proc/meminfo").contains("VmallocTotal:     " + (1024 - 500 - 8) * 1024 + " kB"),
            small.cat("/proc/meminfo"));
        long odd = Kernel.boot(MachineProfiles.I386.withVmallocReserve(100 * M), 2048 * M).vmalloc(4096);
        assertEquals(0xc0000000L + (1024 - 8 - 100) * M + 8 * M, odd, "high_memory + 8 MiB: 0x" + Long.toHexString(odd));

        Kernel wide = Kernel.boot(MachineProfiles.I386.withVmallocReserve(256 * M), 2048 * M);
        assertEquals("Normal", wide.zones().get(1).name());
        assertEquals((1024 - 8 - 256) * M >> 12, wide.zones().get(1).endPfn(), "Normal gives up what vmalloc gains");
        assertEquals((1024 - 8 - 256) * M >> 12, wide.zones().get(2).startPfn(), "and HighMem starts there");
        assertNotEquals(0, wide.vmalloc(100 * M));
        assertNotEquals(0, wide.vmalloc(150 * M));
        assertTrue(wide.cat("/proc/meminfo").contains("VmallocTotal:     262144 kB"), wide.cat("/proc/meminfo"));

        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
            () -> MachineProfiles.I386.withVmallocReserve(1000 * M));
        assertTrue(big.getMessage().contains("may be at most 984M"), big.getMessage());
        IllegalArgumentException x64 = assertThrows(IllegalArgumentException.class,
            () -> MachineProfiles.X86_64.withVmallocReserve(256 * M));
        assertTrue(x64.getMessage().startsWith("vmalloc= is an option of 32-bit x86 kernels"), x64.getMessage());
    }

    /** mm/vmalloc.c (__vmalloc_node_range_noprof): WARN_ON_ONCE(!size) and NULL. */
    @Test
    void vmallocOfZeroWarnsOnceAndReturnsNull() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        assertEquals(0, k.vmalloc(0));
        assertEquals(0, k.vmalloc(0));
        assertEquals(1, k.dmesg("WARNING: CPU: 0").lines().count(), k.dmesg());
        assertTrue(k.dmesg().contains("at mm/vmalloc.c: __vmalloc_node_range_noprof"), k.dmesg());
    }

    /**
     * mm/vmalloc.c (__vmalloc_node_range_noprof): a size above totalram_pages fails at once through
     * warn_alloc, "vmalloc error: size N, exceeds total pages", with no reclaim and no OOM kill.
     */
    @Test
    void vmallocLargerThanAllRamFailsAtOnce() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        int task = k.spawn_task("bystander");
        k.task_touch(task, 1000);
        k.page_cache_read(1000);
        long cached = k.vmstat().get("nr_file_pages");
        assertEquals(0, k.vmalloc(128 * M));
        assertTrue(k.dmesg().contains("notebook: vmalloc error: size 134217728, exceeds total pages, mode:0xcc2(GFP_KERNEL|__GFP_HIGHMEM)"),
            k.dmesg());
        assertEquals(cached, k.vmstat().get("nr_file_pages"), "no reclaim");
        assertEquals(java.util.List.of(task), k.tasks(), "no OOM kill");
        assertEquals(0, k.vmstat().get("allocstall_normal"));
    }
}
