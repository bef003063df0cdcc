package dev.pageframe.engine;

import static dev.pageframe.engine.Gfp.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class OomKillerTest {
    private static final long M = 1 << 20;

    /** Fills memory with two equal tasks and pins the rest, so the next GFP_KERNEL page must come from a kill. */
    private static Kernel twoEqualTasks(int[] pids) {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        pids[0] = k.spawn_task("first");
        pids[1] = k.spawn_task("second");
        k.task_touch(pids[0], 3000);
        k.task_touch(pids[1], 3000);
        while (k.__get_free_page(GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN) != 0) {
            // everything else pinned by the kernel
        }
        return k;
    }

    /** mm/oom_kill.c (oom_evaluate_task): only a lower score is skipped, so of two equal tasks the later one dies. */
    @Test
    void equalBadnessKillsTheTaskFoundLast() {
        int[] pids = new int[2];
        Kernel k = twoEqualTasks(pids);
        assertNotEquals(0, k.__get_free_page(GFP_KERNEL));
        assertEquals(List.of(pids[0]), k.tasks(), k.dmesg("Killed process"));
    }

    /** mm/oom_kill.c (out_of_memory): a request without __GFP_FS never kills; it fails after its retries. */
    @Test
    void anAllocationWithoutGfpFsKillsNoOne() {
        int[] pids = new int[2];
        Kernel k = twoEqualTasks(pids);
        assertEquals(0, k.__get_free_page(GFP_NOFS | __GFP_NOWARN));
        assertEquals(List.of(pids[0], pids[1]), k.tasks());
        assertFalse(k.dmesg().contains("invoked oom-killer"), k.dmesg());
        assertEquals(0, k.vmstat().get("oom_kill"));
    }

    /** The report names the task that faulted (current->comm) and prints show_mem's dump and the task table. */
    @Test
    void theReportNamesTheFaultingTask() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        int hog = k.spawn_task("hog");
        int web = k.spawn_task("webserver");
        k.task_touch(hog, 8000);
        k.task_touch(web, 1_000_000);
        assertTrue(k.dmesg().contains("webserver invoked oom-killer: gfp_mask="), k.dmesg("oom-killer"));
        assertTrue(k.dmesg().contains("CPU: 0 PID: " + web + " Comm: webserver"), k.dmesg("Comm:"));
        assertFalse(k.dmesg().contains("notebook invoked oom-killer"));
        assertTrue(k.dmesg().contains("Mem-Info:") && k.dmesg().contains("Tasks state (memory values in pages):"));
    }

    /**
     * mm/oom_kill.c (out_of_memory): with nothing killable the kernel panics "System is deadlocked on
     * memory"; the machine stays halted until it is rebooted.
     */
    @Test
    void nothingKillablePanicsAndHaltsTheMachine() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 64 * M);
        KernelBugException e = assertThrows(KernelBugException.class, () -> {
            while (k.__get_free_page(GFP_KERNEL) != 0) {
                // pin every page in the kernel
            }
        });
        assertTrue(e.report().contains("Kernel panic - not syncing: System is deadlocked on memory"), e.getMessage());
        assertTrue(k.dmesg().contains("Out of memory and no killable processes..."));
        assertEquals("System is deadlocked on memory", k.panicked());
        dev.pageframe.engine.api.Session.boot(MachineProfiles.X86_64, 64 * M, 0);
        assertNull(dev.pageframe.engine.api.Session.kernel().panicked(), "a reboot brings a working machine");
    }
}
