package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 1 TiB x86_64 machine, whose top frames lie above the 2^28 pfns the old link fields reached.
 * Its mem_map needs 2.15 GB, more than the test JVM's heap, so the checks run in a child JVM with
 * 2.5 GiB (the heap the issue allows) and report back through the exit status.
 */
class TerabyteMachineTest {
    private static final int OLD_LIMIT = 1 << 28;

    @Test
    void framesAboveTheOld28BitLimitAllocateSplitMergeAndFree() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx2560m", "-cp", System.getProperty("java.class.path"),
            TerabyteMachineTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), out);
        assertTrue(out.contains("all checks passed"), out);
    }

    public static void main(String[] args) {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1L << 40);
        check(k.max_pfn() > OLD_LIMIT, "1 TiB plus the PCI hole is more than 2^28 frames: " + k.max_pfn());
        String bootBuddyinfo = k.cat("/proc/buddyinfo");
        long bootFree = k.nr_free_pages();

        // Boot memory sits on the free lists bottom first (FPI_TO_TAIL), so the frames above the old limit are the last
        // handed out: take max-order blocks until one lies above it, and give that one back to head its list.
        List<Long> below = new java.util.ArrayList<>();
        long top;
        while (true) {
            long b = k.__get_free_pages(Gfp.GFP_KERNEL, k.MAX_ORDER());
            check(b != 0, "a max-order block while " + below.size() + " are held");
            if (k.virt_to_pfn(b) >= OLD_LIMIT) {
                top = b;
                break;
            }
            below.add(b);
        }
        k.free_pages(top, k.MAX_ORDER());
        long splits = k.pageframe_counters().get("buddy_splits");
        long first = k.__get_free_page(Gfp.GFP_KERNEL);
        int pfn = (int) k.virt_to_pfn(first);
        check(pfn >= OLD_LIMIT, "the page comes from above the old limit: pfn " + pfn);
        check(k.pageframe_counters().get("buddy_splits") - splits == k.MAX_ORDER(),
            "a max-order block was split down to one page");
        long second = k.__get_free_page(Gfp.GFP_KERNEL);
        check(k.virt_to_pfn(second) == BuddyAllocator.buddy_pfn(pfn, 0), "the next page is its order-0 buddy");
        long merges = k.pageframe_counters().get("buddy_merges");
        k.free_page(first);
        k.free_page(second);
        check(k.pageframe_counters().get("buddy_merges") - merges == k.MAX_ORDER(), "freeing both merged back to max order");

        // Higher orders, and the page-cache LRU whose links are whole pfns.
        long block = k.__get_free_pages(Gfp.GFP_KERNEL, 5);
        check(k.virt_to_pfn(block) >= OLD_LIMIT, "an order-5 block above the old limit");
        k.free_pages(block, 5);
        // The held blocks were taken for GFP_KERNEL, so their pageblocks turned unmovable: enough of them given back to
        // lift the zone over its high watermark (so no reclaim runs), while the page cache and a task's anonymous
        // pages, which are movable, still come from the movable blocks above the old limit.
        while (normal(k).free() <= normal(k).high()) {
            k.free_pages(below.removeLast(), k.MAX_ORDER());
        }
        long cached = k.page_cache_read(50_000);
        check(cached == 50_000, "page cache filled: " + cached);
        List<FrameRun> cache = k.frame_map().stream().filter(r -> r.kind() == FrameKind.PAGECACHE).toList();
        check(cache.stream().mapToLong(FrameRun::count).sum() == 50_000 && cache.stream().allMatch(r -> r.startPfn() >= OLD_LIMIT),
            "the page cache lies above the old limit, so its LRU links need more than 28 bits");
        check(k.cat("/proc/zoneinfo").contains("nr_zone_inactive_file 50000"), "zoneinfo counts the page cache");
        check(k.drop_caches() == 50_000, "every page-cache page was found again through the LRU");
        int pid = k.spawn_task("big");
        check(k.task_touch(pid, 10_000) == 10_000, "a task got its pages");
        k.task_exit(pid);
        below.forEach(b -> k.free_pages(b, k.MAX_ORDER()));
        check(k.nr_free_pages() == bootFree, "every page is back");
        check(k.cat("/proc/buddyinfo").equals(bootBuddyinfo), "the free lists are as boot left them after all of it");

        List<FrameRun> runs = k.frame_map();
        long free = runs.stream().filter(r -> r.kind() == FrameKind.FREE).mapToLong(FrameRun::count).sum();
        check(free == k.nr_free_pages(), "the frame map shows every free page");
        check(runs.getLast().startPfn() + runs.getLast().count() == k.max_pfn(), "the frame map reaches the top frame");
        System.out.println("all checks passed: " + k.max_pfn() + " frames, " + runs.size() + " runs in the frame map");
    }

    private static ZoneSnapshot normal(Kernel k) {
        return k.zones().stream().filter(z -> z.name().equals("Normal")).findFirst().orElseThrow();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
