package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ContextTest {
    private final Kernel k = Kernel.boot(MachineProfiles.X86_64, 256L << 20);

    @Test
    void gfpKernelInAnInterruptIsRefusedWithTheSleepingFunctionReport() {
        long free = k.nr_free_pages();
        KernelBugException e = assertThrows(KernelBugException.class,
            () -> k.in_interrupt(() -> k.kmalloc(128, GFP_KERNEL)));
        // The kernel's own check is named, as a 6.12 kernel prints it; the cell that called shows in the call trace.
        assertEquals("BUG: sleeping function called from invalid context at include/linux/sched/mm.h:321",
            e.report().getFirst());
        assertEquals(" kmalloc+0x0/0x0", e.report().get(e.report().size() - 2));
        assertTrue(e.report().get(1).startsWith("in_atomic(): 1, irqs_disabled(): 1, non_block: 0, pid: 0, name: swapper/0"));
        assertEquals(free, k.nr_free_pages());
        assertFalse(k.in_interrupt(), "the handler's context ends even when it throws");
    }

    @Test
    void gfpAtomicInAnInterruptIsFine() {
        long[] got = new long[1];
        k.in_interrupt(() -> got[0] = k.kmalloc(128, GFP_ATOMIC));
        assertNotEquals(0, got[0]);
    }

    @Test
    void holdingASpinlockMakesSleepingAllocationsIllegal() {
        Spinlock lock = k.spin_lock_init("dev_lock");
        k.spin_lock(lock);
        assertThrows(KernelBugException.class, () -> k.__get_free_page(GFP_KERNEL));
        assertNotEquals(0, k.__get_free_page(GFP_ATOMIC));
        k.spin_unlock(lock);
        assertNotEquals(0, k.__get_free_page(GFP_KERNEL));
    }

    @Test
    void spinlockRecursionIsReported() {
        Spinlock lock = k.spin_lock_init("dev_lock");
        k.spin_lock(lock);
        KernelBugException e = assertThrows(KernelBugException.class, () -> k.spin_lock(lock));
        assertTrue(e.report().getFirst().startsWith("BUG: spinlock recursion on CPU#0"));
    }

    @Test
    void lockHeldAtCellEndIsReportedAndCleared() {
        Spinlock lock = k.spin_lock_init("leaked");
        k.spin_lock(lock);
        assertFalse(k.return_to_user().isEmpty());
        assertFalse(k.in_atomic());
        assertTrue(k.return_to_user().isEmpty());
    }

    @Test
    void vmallocFromAnInterruptIsABug() {
        KernelBugException e = assertThrows(KernelBugException.class, () -> k.in_interrupt(() -> k.vmalloc(4096)));
        assertTrue(e.report().getFirst().contains("BUG_ON(in_interrupt())"));
    }

    @Test
    void aBadSizeUnderASpinlockIsAnsweredBeforeTheSleepingCheck() {
        // The size and order checks come before might_alloc() in mm/slub.c and mm/page_alloc.c: ZERO_SIZE_PTR, a
        // once-only warning and NULL, as a 6.12 kernel gives them, not a sleeping-function BUG.
        Spinlock lock = k.spin_lock_init("dev_lock");
        k.spin_lock(lock);
        assertEquals(16, k.kmalloc(0, GFP_KERNEL), "kmalloc(0) is ZERO_SIZE_PTR");
        assertEquals(0, k.kmalloc(1L << 40, GFP_KERNEL));
        assertTrue(k.dmesg().contains("WARNING: CPU: 0"), k.dmesg());
        assertEquals(0, k.__get_free_pages(GFP_KERNEL, 11));
        assertNull(k.alloc_pages(GFP_KERNEL, 11));
        assertFalse(k.dmesg().contains("sleeping function"), k.dmesg());
        // A size that is fine still meets the check.
        assertThrows(KernelBugException.class, () -> k.kmalloc(64, GFP_KERNEL));
        k.spin_unlock(lock);
    }

    @Test
    void vmallocOfNothingInAnInterruptWarnsRatherThanHittingTheInterruptBug() {
        long[] got = {-1, -1};
        k.in_interrupt(() -> got[0] = k.vmalloc(0));
        k.in_interrupt(() -> got[1] = k.vmalloc(1L << 40));
        assertArrayEquals(new long[] {0, 0}, got);
        assertTrue(k.dmesg().contains("mm/vmalloc.c: __vmalloc_node_range_noprof"), k.dmesg());
        assertTrue(k.dmesg().contains("vmalloc error: size 1099511627776, exceeds total pages"), k.dmesg());
    }

    @Test
    void linux20VmallocLooksAtTheSizeBeforeItsKmallocComplains() {
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8L << 20);
        long[] got = {-1};
        old.in_interrupt(() -> got[0] = old.vmalloc(0));
        assertEquals(0, got[0]);
        assertFalse(old.dmesg().contains("called nonatomically"), old.dmesg());
    }

    @Test
    void linux20ForcesNonAtomicInterruptRequestsToAtomicAfterComplaining() {
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8L << 20);
        long[] got = new long[1];
        old.in_interrupt(() -> got[0] = old.__get_free_page(Gfp20.GFP_KERNEL));
        assertNotEquals(0, got[0]);
        assertTrue(old.dmesg().contains("gfp called nonatomically from interrupt"), old.dmesg());
        old.in_interrupt(() -> old.kmalloc(100, Gfp20.GFP_KERNEL));
        assertTrue(old.dmesg().contains("kmalloc called nonatomically from interrupt"));
    }

    @Test
    void linux20RejectsModernMasks() {
        Kernel old = Kernel.boot(MachineProfiles.I386_LINUX_2_0, 8L << 20);
        assertThrows(IllegalArgumentException.class, () -> old.__get_free_page(GFP_KERNEL));
    }
}
