package dev.pageframe.execution;

import static dev.pageframe.execution.TestKernels.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a cell can do to its kernel, and what the host does about it; each test has its own kernel. */
@Timeout(120)
class KernelIsolationTest {
    private KernelSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private KernelSession open(KernelConfig config) {
        session = new KernelSession(config);
        return session;
    }

    /** A listener that interrupts the session as soon as the cell prints its first output. */
    private CellListener interruptOnFirstOutput() {
        return new CellListener() {
            private boolean sent;

            @Override
            public synchronized void output(CellOutput output) {
                if (!sent) {
                    sent = true;
                    session.interrupt();
                }
            }
        };
    }

    @Test
    void tightLoopIsInterruptedWithinOneSecond() {
        // A grace of 1 s: had the cooperative stop failed, the agent would have been killed and
        // the result would say the kernel died.
        open(TestKernels.config().withInterruptGrace(Duration.ofSeconds(1)));
        assertTrue(run(session, "int survivor = 41;").ok());
        // One snippet (a block), so the interrupt lands while the loop's invoke is running.
        CellResult result = session.execute("""
                {
                  System.out.println("spinning");
                  while (true) {}
                }
                """, interruptOnFirstOutput()).join();
        assertEquals(CellStatus.INTERRUPTED, result.status());
        assertTrue(result.interrupted());
        assertFalse(result.kernelDied());
        ErrorOutput error = result.error().orElseThrow();
        assertEquals("Interrupted", error.ename());
        assertEquals("the cell was interrupted at line 3", error.evalue());
        assertEquals(3, error.line());
        assertEquals(KernelState.IDLE, session.state());
        assertEquals("42", run(session, "survivor + 1").executeResult().orElseThrow().text());
    }

    @Test
    void valueWhoseToStringNeverReturnsIsInterruptible() {
        open(TestKernels.config().withInterruptGrace(Duration.ofSeconds(1)));
        assertTrue(run(session, """
                record Endless() {
                  public String toString() {
                    System.out.println("rendering");
                    while (true) {}
                  }
                }
                """).ok());
        CellResult result = session.execute("new Endless()", interruptOnFirstOutput()).join();
        assertEquals(CellStatus.INTERRUPTED, result.status());
        assertFalse(result.kernelDied());
        assertTrue(run(session, "1").ok());
    }

    @Test
    void interruptRequestedAsTheCellStartsStillStopsIt() {
        open(TestKernels.config().withInterruptGrace(Duration.ofSeconds(1)));
        session.start().join();
        CellResult result = session.execute("while (true) {}", new CellListener() {
            @Override
            public void started(int executionCount, Instant at) {
                // Before JShell has even compiled the loop: the stop must wait for its invoke.
                session.interrupt();
            }
        }).join();
        assertEquals(CellStatus.INTERRUPTED, result.status());
        assertFalse(result.kernelDied());
        assertTrue(run(session, "1").ok());
    }

    @Test
    void sleepingCellIsWokenByTheInterrupt() {
        open(TestKernels.config().withInterruptGrace(Duration.ofSeconds(1)));
        CellResult result = session.execute("""
                {
                  System.out.println("napping");
                  Thread.sleep(600_000);
                }
                """, interruptOnFirstOutput()).join();
        assertEquals(CellStatus.INTERRUPTED, result.status());
        assertFalse(result.kernelDied());
        assertTrue(result.error().orElseThrow().traceback().toString().contains("InterruptedException"));
    }

    @Test
    void cellThatIgnoresTheInterruptGetsItsKernelKilled() {
        open(TestKernels.config().withInterruptGrace(Duration.ofMillis(300)));
        List<KernelState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.addListener((state, detail) -> states.add(state));
        // The loop runs inside JDK code, which is not instrumented and ignores Thread.interrupt.
        CellResult result = session.execute("""
                {
                  System.out.println("summing forever");
                  java.util.stream.LongStream.iterate(0, i -> i + 1).sum();
                }
                """, interruptOnFirstOutput()).join();
        assertEquals(CellStatus.INTERRUPTED, result.status());
        assertTrue(result.kernelDied());
        assertTrue(result.kernelDeath().contains("did not stop within 300 ms"), result.kernelDeath());
        assertEquals(KernelState.DEAD, session.state());
        CellResult next = run(session, "1 + 1");
        assertEquals("2", next.executeResult().orElseThrow().text());
        assertEquals(1, next.executionCount());
        assertTrue(states.containsAll(List.of(KernelState.DEAD, KernelState.STARTING, KernelState.IDLE)));
    }

    @Test
    void endlessPrintingIsCappedAndCanBeInterrupted() {
        open(TestKernels.config().withMaxStreamChars(10_000).withInterruptGrace(Duration.ofSeconds(1)));
        CellResult result = session.execute("{ for (long i = 0; ; i++) System.out.println(i); }", new CellListener() {
            private boolean sent;

            @Override
            public synchronized void output(CellOutput output) {
                if (!sent && output instanceof StreamOutput s && s.text().contains("[output truncated")) {
                    sent = true;
                    session.interrupt();
                }
            }
        }).join();
        assertEquals(CellStatus.INTERRUPTED, result.status());
        assertFalse(result.kernelDied());
        String printed = result.streamText(StreamName.STDOUT);
        assertTrue(printed.startsWith("0\n1\n2\n"));
        assertTrue(printed.endsWith("[output truncated: the cell printed more than 10000 characters]\n"));
        assertTrue(printed.length() < 10_100, "kept " + printed.length() + " characters");
    }

    @Test
    void systemExitLeavesTheHostAliveAndTheSessionRestartable() {
        open(TestKernels.config());
        CountDownLatch dead = new CountDownLatch(1);
        session.addListener((state, detail) -> {
            if (state == KernelState.DEAD) {
                dead.countDown();
            }
        });
        assertTrue(run(session, "int lost = 1;").ok());
        CellResult result = run(session, "System.out.println(\"leaving\");\nSystem.exit(1);");
        assertEquals(CellStatus.KERNEL_DIED, result.status());
        assertEquals("the cell called System.exit(1)", result.kernelDeath());
        assertEquals("leaving\n", result.streamText(StreamName.STDOUT));
        assertEquals("Kernel died: the cell called System.exit(1)", result.error().orElseThrow().evalue());
        assertEquals(0, dead.getCount());
        assertEquals(KernelState.DEAD, session.state());
        assertEquals("the cell called System.exit(1)", session.stateDetail());

        CellResult fresh = run(session, "lost");
        assertEquals(CellStatus.ERROR, fresh.status());
        assertEquals(1, fresh.executionCount());
        assertEquals(KernelState.IDLE, session.state());
        assertEquals("4", run(session, "2 + 2").executeResult().orElseThrow().text());
    }

    @Test
    void haltSkippingShutdownHooksIsReportedWithItsExitCode() {
        open(TestKernels.config());
        CellResult result = run(session, "Runtime.getRuntime().halt(7);");
        assertEquals(CellStatus.KERNEL_DIED, result.status());
        assertEquals("the agent JVM exited unexpectedly with code 7", result.kernelDeath());
        assertTrue(run(session, "1").ok());
    }

    @Test
    void agentKilledFromOutsideWhileIdleMakesTheSessionDead() throws Exception {
        open(TestKernels.config());
        session.start().join();
        CountDownLatch dead = new CountDownLatch(1);
        session.addListener((state, detail) -> {
            if (state == KernelState.DEAD) {
                dead.countDown();
            }
        });
        ProcessHandle agent = ProcessHandle.of(session.agentPid().orElseThrow()).orElseThrow();
        agent.destroyForcibly();
        assertTrue(dead.await(60, TimeUnit.SECONDS), "the session noticed the kill within a minute");
        assertTrue(session.stateDetail().contains("killed by signal 9"), session.stateDetail());
        assertTrue(run(session, "1").ok());
    }

    @Test
    void growingListThatExhaustsTheHeapIsAnErrorAndTheKernelCarriesOn() {
        open(TestKernels.config().withMaxHeap("128m"));
        CellResult result = run(session, """
                {
                  var hoard = new java.util.ArrayList<long[]>();
                  while (true) hoard.add(new long[1 << 16]);
                }
                """);
        assertEquals(CellStatus.ERROR, result.status());
        assertEquals("java.lang.OutOfMemoryError", result.error().orElseThrow().ename());
        assertFalse(result.kernelDied());
        assertEquals("6", run(session, "2 * 3").executeResult().orElseThrow().text());
    }

    @Test
    void restartClearsStateAndExecutionCounts() {
        open(TestKernels.config());
        assertTrue(run(session, "int forgotten = 5;").ok());
        assertEquals(2, run(session, "forgotten").executionCount());
        assertEquals("forgotten", session.completions("forgott", 7).suggestions().getFirst().continuation());
        long firstAgent = session.agentPid().orElseThrow();
        session.restart().join();
        assertFalse(ProcessHandle.of(firstAgent).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(session.completions("forgott", 7).suggestions().isEmpty());
        CellResult after = run(session, "forgotten");
        assertEquals(CellStatus.ERROR, after.status());
        assertEquals(1, after.executionCount());
        // Startup snippets run again after a restart.
        assertEquals("2", run(session, "min(2, 3)").executeResult().orElseThrow().text());
    }

    @Test
    void restartDuringARunningCellEndsThatCell() {
        open(TestKernels.config());
        CompletableFuture<CellResult> looping = session.execute(
                "{ System.out.println(\"busy\"); while (true) {} }", new CellListener() {
                    @Override
                    public synchronized void output(CellOutput output) {
                        session.restart();
                    }
                });
        CellResult result = looping.join();
        assertEquals(CellStatus.KERNEL_DIED, result.status());
        assertEquals("the kernel was restarted", result.kernelDeath());
        assertTrue(run(session, "1").ok());
    }

    @Test
    void executionCountsIncrementPerExecutedCellIncludingFailures() {
        open(TestKernels.config());
        CellResult first = run(session, "int counted = 1;");
        CellResult failing = run(session, "counted / 0");
        CellResult third = run(session, "counted + 1");
        assertEquals(List.of(1, 2, 3), List.of(first.executionCount(), failing.executionCount(), third.executionCount()));
        assertEquals(3, third.executeResult().orElseThrow().executionCount());
    }

    @Test
    void cellsQueuedBehindAFailureAreAborted() {
        open(TestKernels.config());
        // Both are queued before the kernel has even started, so the second waits behind the first.
        CompletableFuture<CellResult> failing = session.execute("throw new RuntimeException(\"stop here\");");
        CompletableFuture<CellResult> queued = session.execute("1 + 1");
        assertEquals(CellStatus.ERROR, failing.join().status());
        CellResult aborted = queued.join();
        assertEquals(CellStatus.ABORTED, aborted.status());
        assertEquals(0, aborted.executionCount());
        assertEquals(2, run(session, "1").executionCount());
    }

    @Test
    void aCellRunWithoutStopOnErrorLetsTheQueueGoOn() {
        open(TestKernels.config());
        // As Jupyter's stop_on_error=false, which JupyterLab sends for a cell tagged raises-exception.
        CompletableFuture<CellResult> failing = session.execute("throw new RuntimeException(\"expected\");",
                CellListener.NONE, false);
        CompletableFuture<CellResult> queued = session.execute("1 + 1");
        assertEquals(CellStatus.ERROR, failing.join().status());
        assertEquals(CellStatus.OK, queued.join().status());
        assertEquals(2, queued.join().executionCount());
    }

    @Test
    void interruptAbortsQueuedCells() {
        open(TestKernels.config().withInterruptGrace(Duration.ofSeconds(1)));
        CompletableFuture<CellResult> looping = session.execute(
                "{ System.out.println(\"go\"); while (true) {} }", interruptOnFirstOutput());
        CompletableFuture<CellResult> queued = session.execute("1 + 1");
        assertEquals(CellStatus.INTERRUPTED, looping.join().status());
        assertEquals(CellStatus.ABORTED, queued.join().status());
    }

    @Test
    void failingStartupSnippetFailsTheStartWithItsError() {
        open(TestKernels.config().withStartupSnippets(List.of("import no.such.pkg.Missing;")));
        CompletionException failure = assertThrows(CompletionException.class, () -> session.start().join());
        assertTrue(failure.getCause() instanceof KernelStartException);
        assertTrue(failure.getCause().getMessage().contains("no.such.pkg"), failure.getCause().getMessage());
        assertEquals(KernelState.DEAD, session.state());
        CellResult result = run(session, "1");
        assertEquals(CellStatus.KERNEL_DIED, result.status());
        assertTrue(result.kernelDeath().contains("startup snippet failed"), result.kernelDeath());
    }

    @Test
    void badJvmOptionFailsTheStartWithTheJvmsMessage() {
        open(TestKernels.config().withMaxHeap("lots"));
        CompletionException failure = assertThrows(CompletionException.class, () -> session.start().join());
        assertTrue(failure.getCause().getMessage().contains("Invalid maximum heap size"), failure.getCause().getMessage());
    }

    @Test
    void agentConsoleOutputOutsideCellsReachesTheSessionListener() throws Exception {
        List<String> options = new java.util.ArrayList<>(KernelConfig.DEFAULT_JVM_OPTIONS);
        options.add("-showversion");
        open(TestKernels.config().withJvmOptions(options));
        CountDownLatch versionSeen = new CountDownLatch(1);
        List<StreamOutput> unattributed = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.addListener(new KernelListener() {
            @Override
            public void stateChanged(KernelState state, String detail) {}

            @Override
            public void unattributedOutput(CellOutput output) {
                if (output instanceof StreamOutput s) {
                    unattributed.add(s);
                    if (s.text().contains("version")) {
                        versionSeen.countDown();
                    }
                }
            }
        });
        session.start().join();
        assertTrue(versionSeen.await(60, TimeUnit.SECONDS), "no version banner reached the listener: " + unattributed);
        // -showversion prints the agent JVM's banner on stderr before any cell runs: it must arrive whole, as stderr.
        StreamOutput banner = unattributed.stream().filter(s -> s.text().contains("version")).findFirst().orElseThrow();
        assertEquals(StreamName.STDERR, banner.name());
        assertTrue(banner.text().contains("\"" + Runtime.version().feature()), banner.text());
        assertTrue(run(session, "1 + 1").ok(), "the kernel still runs cells after printing outside one");
    }

    @Test
    void closeKillsTheAgent() {
        open(TestKernels.config());
        session.start().join();
        ProcessHandle agent = ProcessHandle.of(session.agentPid().orElseThrow()).orElseThrow();
        session.close();
        agent.onExit().join();
        assertFalse(agent.isAlive());
        assertEquals(KernelState.CLOSED, session.state());
        assertEquals(CellStatus.ABORTED, run(session, "1").status());
    }
}
