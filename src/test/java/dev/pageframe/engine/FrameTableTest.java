package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** The mem_map layout's limits: links that reach past 2^28 frames, and machines too large to describe. */
class FrameTableTest {
    private static final int OLD_LIMIT = 1 << 28;

    @Test
    void pageCacheLinksKeepPfnsAboveTheOld28BitLimit() {
        FrameTable m = new FrameTable(8);
        m.setLru(3, OLD_LIMIT + 12_345, OLD_LIMIT + 1);
        assertEquals(FrameTable.PAGECACHE, m.tag(3));
        assertEquals(OLD_LIMIT + 12_345, m.lruNext(3));
        assertEquals(OLD_LIMIT + 1, m.lruPrev(3));
        m.setLruNext(3, 7);
        m.setLruPrev(3, FrameTable.LRU_NIL);
        assertEquals(7, m.lruNext(3));
        assertEquals(FrameTable.LRU_NIL, m.lruPrev(3));
        assertEquals(FrameTable.PAGECACHE, m.tag(3), "the tag survives relinking");
    }

    @Test
    void aUserPageIndexUsesTheWholeSecondWord() {
        FrameTable m = new FrameTable(4);
        m.setAnon(1, 4242, OLD_LIMIT + 99);
        assertEquals(FrameTable.ANON, m.tag(1));
        assertEquals(4242, m.anonPid(1));
        assertEquals(OLD_LIMIT + 99, m.anonIndex(1));
    }

    @Test
    void x86_64AboveOneTebibyteIsRefusedNamingWhatIsSupported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Kernel.boot(MachineProfiles.X86_64, 2L << 40));
        assertTrue(e.getMessage().contains("to 1T of memory, not 2T"), e.getMessage());
    }

    @Test
    void aZoneLargerThanItsLinksReachIsRefusedBeforeAnyTableIsAllocated() {
        MachineProfile p = MachineProfiles.X86_64;
        // The same machine with its memory cap lifted: 2 TiB makes ZONE_NORMAL about 512 M frames.
        MachineProfile big = new MachineProfile(p.name(), p.era(), p.description(), p.pageShift(), p.maxOrder(),
            p.pageblockOrder(), p.pageOffset(), p.dmaLimit(), p.dma32Limit(), p.lowmemLimit(), p.pciHoleStart(),
            p.pciHoleEnd(), p.kernelPhysStart(), p.kernelImageBytes(), p.kernelCodeBytes(), p.firmwareReserved(),
            p.vmallocStart(), p.vmallocGap(), p.vmallocSize(), p.kmallocClasses(), p.kmallocMaxSize(),
            p.kmallocHeader(), p.cost(), p.minMemory(), 8L << 40);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernel.boot(big, 2L << 40));
        assertTrue(e.getMessage().contains("zone Normal would span"), e.getMessage());
        assertTrue(e.getMessage().contains("at most " + FrameTable.MAX_ZONE_PAGES + " frames"), e.getMessage());
    }

    private static final ThreadFactory THREADS = Thread.ofPlatform().factory();

    @Test
    void aLargeTablesTwoWordArraysComeBackWholeFromTheirTwoThreads() {
        int[][] words = FrameTable.allocateTogether(5, 7, THREADS);
        assertEquals(5, words[0].length);
        assertEquals(7, words[1].length);
        // A whole table built this way boots and answers: RunWithKernelTest's 1 TiB machine.
    }

    @Test
    void anArrayTheHeapCannotHoldFailsTheTableWhicheverThreadAllocatedIt() {
        // 8 GiB: more than the test JVM's heap, refused before anything is touched.
        int huge = Integer.MAX_VALUE - 8;
        assertThrows(OutOfMemoryError.class, () -> FrameTable.allocateTogether(4, huge, THREADS),
            "the second thread's");
        assertThrows(OutOfMemoryError.class, () -> FrameTable.allocateTogether(huge, 4, THREADS),
            "the caller's own");
    }

    @Test
    void withoutASecondThreadTheCallerAllocatesBothWords() {
        ThreadFactory none = r -> {
            // What Thread.start throws when the process may not have another thread.
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource "
                + "limits reached");
        };
        int[][] words = FrameTable.allocateTogether(5, 7, none);
        assertEquals(5, words[0].length);
        assertEquals(7, words[1].length);
    }

    @Test
    void anInterruptedBootStillGetsItsTableAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            int[][] words = FrameTable.allocateTogether(1 << 20, 1 << 20, THREADS);
            assertEquals(1 << 20, words[1].length);
            assertTrue(Thread.currentThread().isInterrupted(), "the cell's interrupt is left for the kernel to see");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aTableLargerThanItsLinksReachIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new FrameTable(FrameTable.MAX_FRAMES + 1));
        assertTrue(e.getMessage().contains("at most " + FrameTable.MAX_FRAMES), e.getMessage());
    }

    @Test
    void sectionCountsFollowTheFreeMaxOrderBlocks() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 2L << 30);
        long[] live = new long[300];
        for (int i = 0; i < live.length; i++) {
            live[i] = k.__get_free_pages(Gfp.GFP_KERNEL, i % 4);
        }
        assertSectionCountsMatchTheTable(k);
        for (int i = 0; i < live.length; i += 2) {
            k.free_pages(live[i], i % 4);
        }
        assertSectionCountsMatchTheTable(k);
    }

    private static void assertSectionCountsMatchTheTable(Kernel k) {
        FrameTable m = k.mem_map;
        int maxOrder = k.MAX_ORDER();
        int[] expected = new int[m.section_max_free.length];
        for (int pfn = 0; pfn < m.size(); pfn++) {
            if (m.tag(pfn) == FrameTable.BUDDY && m.order(pfn) == maxOrder) {
                expected[pfn >>> FrameTable.SECTION_SHIFT]++;
            }
        }
        assertArrayEquals(expected, m.section_max_free);
    }

    @Test
    void theFrameMapSkipsFreeSectionsWithoutChangingItsRuns() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 4L << 30);
        k.__get_free_pages(Gfp.GFP_KERNEL, 3);
        // Walked block by block here; the engine's walk passes whole free sections in one step.
        java.util.List<FrameRun> runs = k.frame_map();
        long frames = 0;
        for (int i = 0; i < runs.size(); i++) {
            FrameRun r = runs.get(i);
            assertEquals(frames, r.startPfn(), "runs tile the table");
            frames += r.count();
            if (i > 0 && r.kind() == FrameKind.FREE) {
                FrameRun prev = runs.get(i - 1);
                assertFalse(prev.kind() == FrameKind.FREE && prev.order() == r.order() && prev.zone().equals(r.zone()),
                    "neighbouring free runs of one order and zone are merged: " + prev + " " + r);
            }
        }
        assertEquals(k.max_pfn(), frames);
        long free = runs.stream().filter(r -> r.kind() == FrameKind.FREE).mapToLong(FrameRun::count).sum();
        assertEquals(k.nr_free_pages(), free);
    }
}
