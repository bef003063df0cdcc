package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class VmallocTest {
    private static final long M = 1 << 20;

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
