package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An agent launched ahead of its session ({@code pageframe run} launches it while it reads the notebook). */
@Timeout(120)
class AgentLaunchTest {

    @Test
    void theSessionsFirstStartTakesTheAgentLaunchedAheadOfIt() throws Exception {
        KernelConfig config = TestKernels.config();
        try (AgentLaunch launch = AgentLaunch.begin(config);
             KernelSession session = new KernelSession(config.withEarlyAgent(launch))) {
            session.start().get(60, TimeUnit.SECONDS);
            assertTrue(launch.taken());
            assertEquals(launch.pid(), session.agentPid(), "the session runs in the agent launched ahead");
            // The startup snippets ran in it once the session took it.
            CellResult r = TestKernels.run(session, "abs(-3)");
            assertTrue(r.ok(), r.toString());
            assertEquals("3", r.executeResult().orElseThrow().text());
        }
    }

    @Test
    void aRestartLaunchesAFreshAgentInsteadOfTheTakenOne() throws Exception {
        KernelConfig config = TestKernels.config();
        try (AgentLaunch launch = AgentLaunch.begin(config);
             KernelSession session = new KernelSession(config.withEarlyAgent(launch))) {
            session.start().get(60, TimeUnit.SECONDS);
            long first = session.agentPid().orElseThrow();
            session.restart().get(60, TimeUnit.SECONDS);
            long second = session.agentPid().orElseThrow();
            assertNotEquals(first, second);
            assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void anAgentLaunchedForAnotherConfigurationIsNotTakenAndClosingKillsIt() throws Exception {
        Set<Long> before = ChildProcesses.alive();
        AgentLaunch launch = AgentLaunch.begin(TestKernels.config().withMaxHeap("128m"));
        try (KernelSession session = new KernelSession(TestKernels.config().withEarlyAgent(launch))) {
            session.start().get(60, TimeUnit.SECONDS);
            assertFalse(launch.taken());
            assertNotEquals(launch.pid(), session.agentPid());
        } finally {
            launch.close();
        }
        assertEquals(Set.of(), ChildProcesses.startedSince(before), "closing the launch ended its agent");
    }

    @Test
    void anAgentLaunchedBeforeTheMachineWasKnownIsNotTakenForAMachineItsHeapCannotHold() throws Exception {
        // pageframe run launches the agent before it has read the notebook's machine; 64 GiB of frames need a
        // 128 MiB table, more than this agent's 128 MiB heap holds beside the cells.
        KernelConfig config = TestKernels.config().withMaxHeap("128m");
        try (AgentLaunch launch = AgentLaunch.begin(config);
             KernelSession session = new KernelSession(config.withBoot(new MachineBoot("x86_64", 64L << 30, 0))
                     .withEarlyAgent(launch))) {
            session.start().get(60, TimeUnit.SECONDS);
            assertFalse(launch.taken());
            assertNotEquals(launch.pid(), session.agentPid());
            CellResult r = TestKernels.run(session, "Runtime.getRuntime().maxMemory() >> 20");
            assertTrue(r.ok(), r.toString());
            long mib = Long.parseLong(r.executeResult().orElseThrow().text());
            assertTrue(mib > 400, "the session's own agent got a heap for the machine: " + mib + " MiB");
        }
    }

    @Test
    void closingAnUntakenLaunchKillsItsAgentAndDeletesItsScratchFolder() throws Exception {
        Set<Long> before = ChildProcesses.alive();
        List<java.nio.file.Path> scratchBefore = scratchFolders();
        AgentLaunch launch = AgentLaunch.begin(TestKernels.config());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (launch.pid().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long pid = launch.pid().orElseThrow(() -> new AssertionError("the launch started no JVM"));
        launch.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the agent is gone once close returns");
        assertEquals(Set.of(), ChildProcesses.startedSince(before));
        assertEquals(scratchBefore, scratchFolders(), "no scratch folder left behind");
        assertFalse(launch.taken());
    }

    @Test
    void closingRightAfterTheLaunchBeganLeavesNoProcess() {
        Set<Long> before = ChildProcesses.alive();
        AgentLaunch launch = AgentLaunch.begin(TestKernels.config());
        launch.close();
        assertEquals(Set.of(), ChildProcesses.startedSince(before), "a launch ended before its JVM existed leaves none");
    }

    @Test
    void aClosedLaunchIsNotTakenAndTheSessionLaunchesItsOwn() throws Exception {
        KernelConfig config = TestKernels.config();
        AgentLaunch launch = AgentLaunch.begin(config);
        launch.close();
        try (KernelSession session = new KernelSession(config.withEarlyAgent(launch))) {
            session.start().get(60, TimeUnit.SECONDS);
            assertFalse(launch.taken());
            assertTrue(TestKernels.run(session, "1 + 1").ok());
        }
    }



    private static List<java.nio.file.Path> scratchFolders() throws java.io.IOException {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        String mine = "pageframe-scratch-" + ProcessHandle.current().pid() + "-";
        try (var found = java.nio.file.Files.list(tmp)) {
            return found.filter(p -> p.getFileName().toString().startsWith(mine)).sorted().toList();
        }
    }
}
