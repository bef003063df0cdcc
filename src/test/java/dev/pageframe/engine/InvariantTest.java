package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Randomised runs over many seeds, checking the allocator's bookkeeping after every phase. */
class InvariantTest {
    private record Live(long addr, int order, int kind) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomOperationsKeepEveryFrameAccountedFor(long seed) {
        MachineProfile p = MachineProfiles.all().get((int) (seed % MachineProfiles.all().size()));
        Kernel k = Kernel.boot(p, p.era() == Era.MODERN ? 256L << 20 : 32L << 20, seed, List.of());
        int gfp = p.era() == Era.MODERN ? Gfp.GFP_KERNEL | Gfp.__GFP_NOWARN | Gfp.__GFP_RETRY_MAYFAIL : Gfp20.GFP_KERNEL;
        String boot = k.cat("/proc/buddyinfo");
        Random rnd = new Random(seed);
        List<Live> live = new ArrayList<>();
        int ops = 400_000;
        for (int i = 0; i < ops; i++) {
            if (live.isEmpty() || rnd.nextInt(100) < 52) {
                int kind = rnd.nextInt(3);
                long addr;
                int order = 0;
                if (kind == 0) {
                    order = rnd.nextInt(p.maxOrder() > 5 ? 6 : 4);
                    addr = k.__get_free_pages(gfp, order);
                } else if (kind == 1) {
                    addr = k.kmalloc(1 + rnd.nextInt(3000), gfp);
                } else {
                    // vmalloc may OOM-kill, and with no task to kill the kernel panics: only while memory lasts.
                    boolean room = k.nr_free_pages() > 4096;
                    addr = room && rnd.nextInt(20) == 0 ? k.vmalloc(1 + rnd.nextInt(40_000)) : k.kmalloc(8 + rnd.nextInt(64), gfp);
                }
                if (addr != 0) {
                    live.add(new Live(addr, order, kind));
                }
            } else {
                Live l = live.remove(rnd.nextInt(live.size()));
                free(k, l);
            }
            if (i % 50_000 == 0) {
                checkAccounting(k);
            }
        }
        checkAccounting(k);
        for (Live l : live) {
            free(k, l);
        }
        k.kmem_cache_shrink_all();
        checkAccounting(k);
        assertEquals(boot, k.cat("/proc/buddyinfo"), "everything freed coalesces back to the boot state");
    }

    private static void free(Kernel k, Live l) {
        if (l.kind() == 0) {
            k.free_pages(l.addr(), l.order());
        } else if (k.is_vmalloc_addr(l.addr())) {
            k.vfree(l.addr());
        } else {
            k.kfree(l.addr());
        }
    }

    /** No frame owned twice, free + used + reserved = total, and buddyinfo agrees with the frame map. */
    private static void checkAccounting(Kernel k) {
        long covered = 0;
        long free = 0;
        long reserved = 0;
        long next = 0;
        long[] byOrder = new long[k.MAX_ORDER() + 1];
        for (FrameRun r : k.frame_map()) {
            assertEquals(next, r.startPfn(), "runs tile the frames without overlap or gap");
            next = r.startPfn() + r.count();
            covered += r.count();
            switch (r.kind()) {
                case FREE -> {
                    free += r.count();
                    assertEquals(0, r.startPfn() % (1L << r.order()), "free blocks are aligned to their order");
                    byOrder[r.order()] += r.count() >> r.order();
                }
                case KERNEL_IMAGE, FIRMWARE, BOOT_RESERVED, HOLE -> reserved += r.count();
                default -> { }
            }
        }
        assertEquals(k.max_pfn(), covered);
        assertEquals(k.nr_free_pages(), free);
        long managed = k.zones().stream().mapToLong(ZoneSnapshot::managed).sum();
        assertEquals(k.max_pfn(), managed + reserved, "free + used = managed; managed + reserved = total");
        long[] zoneOrders = new long[byOrder.length];
        for (ZoneSnapshot z : k.zones()) {
            for (int o = 0; o < byOrder.length; o++) {
                zoneOrders[o] += z.nr_free()[o];
            }
        }
        assertArrayEquals(zoneOrders, byOrder, "buddyinfo agrees with the frame map");
    }
}
