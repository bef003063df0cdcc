package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.GFP_KERNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A zone snapshot is a value a cell can print, compare and keep. */
class ZoneSnapshotTest {
    private static final long M = 1 << 20;

    @Test
    void printingASnapshotShowsItsFreeBlocksPerOrderNotAnArrayIdentity() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        ZoneSnapshot dma32 = k.zones().get(1);
        String text = dma32.toString();
        assertTrue(text.contains("nr_free=" + Arrays.toString(dma32.nr_free())), text);
        assertFalse(text.contains("[J@"), text);
        assertTrue(text.startsWith("ZoneSnapshot[name=DMA32, startPfn=4096,"), text);
    }

    @Test
    void snapshotsOfTheSameCountsAreEqualAndAnAllocationMakesThemDiffer() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        var before = k.zones();
        assertEquals(before, k.zones());
        assertEquals(before.hashCode(), k.zones().hashCode());
        long p = k.__get_free_pages(GFP_KERNEL, 2);
        assertNotEquals(before, k.zones());
        k.free_pages(p, 2);
        assertEquals(before, k.zones(), "freeing the block merges it back: the same counts again");
    }

    @Test
    void aSnapshotKeepsItsCountsWhateverIsDoneToTheArrayItGaveOut() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        ZoneSnapshot z = k.zones().get(1);
        long order10 = z.nr_free()[10];
        z.nr_free()[10] = -1;
        assertEquals(order10, z.nr_free()[10]);
    }
}
