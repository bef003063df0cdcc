package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.GFP_KERNEL;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuddyAllocatorTest {
    private static final long M = 1 << 20;

    private static long[] nrFree(Kernel k, String zone) {
        return k.zones().stream().filter(z -> z.name().equals(zone)).findFirst().orElseThrow().nr_free();
    }

    @Test
    void buddyOfABlockDiffersInTheOrderBit() {
        assertEquals(0x1001, BuddyAllocator.buddy_pfn(0x1000, 0));
        assertEquals(0x1000, BuddyAllocator.buddy_pfn(0x1002, 1));
        assertEquals(0x1400, BuddyAllocator.buddy_pfn(0x1000, 10));
    }

    @Test
    void allocationSplitsTheSmallestBlockAndKeepsTheUpperHalves() {
        Kernel k = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M);
        int request = 2;
        long[] before = nrFree(k, "DMA").clone();
        int smallest = request;
        while (before[smallest] == 0) {
            smallest++;
        }
        long addr = k.__get_free_pages(Gfp20.GFP_KERNEL | Gfp20.GFP_DMA, request);
        assertNotEquals(0, addr);
        long[] after = nrFree(k, "DMA");
        // One block of the smallest large-enough order was split: one upper half left at each order in between.
        assertEquals(before[smallest] - 1, after[smallest]);
        for (int o = request; o < smallest; o++) {
            assertEquals(before[o] + 1, after[o], "order " + o);
        }
    }

    @Test
    void freeingBothBuddiesMergesThem() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 256 * M);
        long a = k.__get_free_page(GFP_KERNEL);
        long b = k.__get_free_page(GFP_KERNEL);
        long pa = k.virt_to_pfn(a);
        long pb = k.virt_to_pfn(b);
        assertEquals(pa ^ 1, pb, "two order-0 requests from one split block are buddies");
        long before = k.pageframe_counters().get("buddy_merges");
        k.free_page(a);
        assertEquals(before, k.pageframe_counters().get("buddy_merges"), "the buddy is still allocated: no merge");
        k.free_page(b);
        assertTrue(k.pageframe_counters().get("buddy_merges") > before, "both halves free: they merge");
    }

    /** The pfn of the first order-0 page whose allocation split a block, and how many halvings that took. */
    private record SplitPage(long pfn, long halvings) {}

    private static SplitPage firstPageThatSplits(Kernel k, int gfp) {
        for (int i = 0; i < 10_000; i++) {
            long splits = k.pageframe_counters().get("buddy_splits");
            long pfn = k.virt_to_pfn(k.__get_free_page(gfp));
            long halvings = k.pageframe_counters().get("buddy_splits") - splits;
            if (halvings > 0) {
                return new SplitPage(pfn, halvings);
            }
        }
        throw new AssertionError("no allocation split a block");
    }

    @Test
    void modernCallerGetsTheLowestPieceOfASplitBlockAndTheNextPageIsItsUpperBuddy() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 256 * M);
        SplitPage first = firstPageThatSplits(k, GFP_KERNEL);
        assertEquals(0, first.pfn() % (1L << first.halvings()), "the first page of the split block");
        assertEquals(first.pfn() + 1, k.virt_to_pfn(k.__get_free_page(GFP_KERNEL)), "the upper half, queued by the split");
    }

    @ParameterizedTest
    @ValueSource(strings = {"i386-linux-1.2", "i386-linux-2.0", "alpha-linux-2.0"})
    void legacyCallerGetsTheHighestPieceOfASplitBlockAndPagesComeDownwards(String profile) {
        Kernel k = Kernel.boot(MachineProfiles.byName(profile), 8 * M);
        SplitPage first = firstPageThatSplits(k, Gfp20.GFP_KERNEL);
        assertEquals(0, (first.pfn() + 1) % (1L << first.halvings()), "the last page of the split block");
        assertEquals(first.pfn() - 1, k.virt_to_pfn(k.__get_free_page(Gfp20.GFP_KERNEL)),
            "the lower half, queued by the split");
    }

    /** Takes {@code count} blocks of orders 0 to {@code orders - 1}, gives them back out of order, and compares. */
    private static void everythingFreedCoalescesBack(Kernel k, int gfp, int count, int orders) {
        String boot = k.cat("/proc/buddyinfo");
        long[] addrs = new long[count];
        for (int i = 0; i < addrs.length; i++) {
            addrs[i] = k.__get_free_pages(gfp, i % orders);
        }
        for (int i = addrs.length - 1; i >= 0; i -= 2) {
            k.free_pages(addrs[i], i % orders);
        }
        for (int i = 0; i < addrs.length; i += 2) {
            k.free_pages(addrs[i], i % orders);
        }
        assertEquals(boot, k.cat("/proc/buddyinfo"));
    }

    @Test
    void everythingFreedCoalescesBackToTheBootState() {
        everythingFreedCoalescesBack(Kernel.boot(MachineProfiles.X86_64, 512 * M), GFP_KERNEL, 200, 5);
    }

    @Test
    void everythingFreedCoalescesBackOnLinux20WhichSplitsTheOtherWayRound() {
        everythingFreedCoalescesBack(Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8 * M), Gfp20.GFP_KERNEL, 64, 3);
    }
}
