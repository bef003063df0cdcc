package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionTest {
    /** Fills a machine with page cache interleaved with pinned kernel pages, every other page. */
    private static Kernel fragmentedBy(boolean movableHoles) {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64L << 20);
        int task = k.spawn_task("cache-user");
        List<Long> kernelPages = new ArrayList<>();
        while (true) {
            // __GFP_MEMALLOC ignores the watermarks: take every last page.
            long a = k.__get_free_page(__GFP_MEMALLOC | __GFP_NOWARN);
            if (a == 0) {
                break;
            }
            kernelPages.add(a);
        }
        // Free every other page and put user (movable) memory there, or leave it fragmented and free.
        kernelPages.sort(Long::compareUnsigned);
        for (int i = 0; i < kernelPages.size(); i += 2) {
            k.free_page(kernelPages.get(i));
        }
        if (movableHoles) {
            // User memory takes the even holes; then the kernel's odd pages go, leaving user pages pinning nothing.
            k.task_touch(task, k.nr_free_pages() - k.zones().getLast().min() - 8);
            assertEquals(List.of(task), k.tasks(), "set-up stays clear of the OOM killer");
            for (int i = 1; i < kernelPages.size(); i += 2) {
                k.free_page(kernelPages.get(i));
            }
        }
        return k;
    }

    @Test
    void compactionMovesUserPagesToMakeAHighOrderBlock() {
        Kernel k = fragmentedBy(true);
        int largestFree = 0;
        for (ZoneSnapshot z : k.zones()) {
            for (int o = 0; o < z.nr_free().length; o++) {
                if (z.nr_free()[o] > 0) {
                    largestFree = Math.max(largestFree, o);
                }
            }
        }
        assertTrue(largestFree < 10, "set-up leaves memory fragmented");
        long addr = k.__get_free_pages(GFP_KERNEL, largestFree + 1);
        assertNotEquals(0, addr, k.last_slowpath());
        assertTrue(k.vmstat().get("pgmigrate_success") > 0);
        assertTrue(k.last_slowpath().contains("compaction"), k.last_slowpath());
    }

    @Test
    void pinnedKernelPagesDefeatCompaction() {
        Kernel k = fragmentedBy(false);
        long moved = k.vmstat().get("pgmigrate_success");
        assertEquals(0, k.__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 3));
        assertEquals(moved, k.vmstat().get("pgmigrate_success"), "nothing movable: nothing migrated");
    }

    @Test
    void migrationKeepsTheOwnersBookkeeping() {
        Kernel k = fragmentedBy(true);
        k.__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 4);
        for (int pid : k.tasks()) {
            k.task_exit(pid);
        }
        // Every user page was found again through the task's list after migration and freed.
        assertTrue(k.frame_map().stream().noneMatch(r -> r.kind() == FrameKind.ANON));
    }
}
