package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.GFP_KERNEL;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

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

    @Test
    void callerGetsTheLowestAddressedPieceOfASplitBlock() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 256 * M);
        long addr = k.__get_free_pages(GFP_KERNEL, 3);
        long pfn = k.virt_to_pfn(addr);
        assertEquals(0, pfn % 8, "an order-3 block starts at a multiple of 8 pages");
    }

    @Test
    void everythingFreedCoalescesBackToTheBootState() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 512 * M);
        String boot = k.cat("/proc/buddyinfo");
        long[] addrs = new long[200];
        for (int i = 0; i < addrs.length; i++) {
            addrs[i] = k.__get_free_pages(GFP_KERNEL, i % 5);
        }
        for (int i = addrs.length - 1; i >= 0; i -= 2) {
            k.free_pages(addrs[i], i % 5);
        }
        for (int i = 0; i < addrs.length; i += 2) {
            k.free_pages(addrs[i], i % 5);
        }
        assertEquals(boot, k.cat("/proc/buddyinfo"));
    }
}
