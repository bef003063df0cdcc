package dev.pageframe.execution;

import dev.pageframe.execution.agent.AgentProtocol;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.JShell;

/**
 * One live agent JVM with the host-side JShell that compiles for it. A kernel never comes back
 * from death; the session replaces it.
 */
final class AgentKernel implements AutoCloseable {
    /** How long to wait for a dying agent to finish exiting before killing it outright. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final KernelConfig config;
    private final AgentProcess agent;
    private final JShell shell;
    private final AgentExecutionControl control;
    private final OutputRouter router;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final CompletableFuture<String> death;
    private final Object cellLock = new Object();
    private volatile boolean engineTerminated;
    private volatile String killReason;
    private long cellGeneration;
    private boolean cellActive;

    private AgentKernel(KernelConfig config, AgentProcess agent, JShell shell, AgentEngineProvider provider,
            OutputRouter router) {
        this.config = config;
        this.agent = agent;
        this.shell = shell;
        this.control = provider.control();
        this.router = router;
        shell.onShutdown(closed -> engineTerminated = true);
        // Wait for the exit and for the end of the agent's output, so that a System.exit notice
        // still in flight, or console lines explaining a crash, are seen before the cause of
        // death is decided. The bound only matters if a grandchild process holds a stream open.
        this.death = agent.onExit().thenCompose(process -> CompletableFuture
                .allOf(provider.drained().copy(), agent.consoleFinished().copy())
                .completeOnTimeout(null, 2, TimeUnit.SECONDS)
                .thenApply(ignored -> describeDeath(process.exitValue())));
    }

    /**
     * Launches an agent and builds a JShell for it, without waiting for the agent to connect: JShell compiles
     * meanwhile (imports need no agent), and its first load or invoke waits for the connection. The startup snippets
     * are not run yet; {@link #awaitConnected} says whether the agent made it.
     */
    static AgentKernel start(KernelConfig config, OutputRouter router) {
        AgentProcess agent = AgentProcess.launch(config, router::console);
        try {
            AgentEngineProvider provider = new AgentEngineProvider(agent, router);
            PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
            JShell shell = JShell.builder()
                    .executionEngine(provider, Map.of())
                    .compilerOptions("--class-path", AgentClasspath.of(config))
                    .fileManager(KernelFileManager::new)
                    .out(silent)
                    .err(silent)
                    .build();
            return new AgentKernel(config, agent, shell, provider, router);
        } catch (RuntimeException e) {
            agent.kill();
            throw new KernelStartException("could not connect JShell to the agent JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the agent has connected back.
     *
     * @throws KernelStartException if it failed to start or did not connect within the startup timeout
     */
    void awaitConnected() {
        agent.awaitConnected();
    }

    /** Why the agent never connected, once that is known. */
    java.util.Optional<KernelStartException> connectionFailure() {
        return agent.connectionFailure();
    }

    KernelConfig config() {
        return config;
    }

    JShell shell() {
        return shell;
    }

    AgentExecutionControl control() {
        return control;
    }

    OutputRouter router() {
        return router;
    }

    SnippetOrigins origins() {
        return origins;
    }

    long pid() {
        return agent.pid();
    }

    SandboxStatus sandbox() {
        return agent.sandbox();
    }

    /** Marks the start of a cell: clears interrupt state and routes output to {@code recorder}. */
    void beginCell(CellRecorder recorder) {
        synchronized (cellLock) {
            cellGeneration++;
            cellActive = true;
        }
        control.beginCell();
        router.attach(recorder);
    }

    void endCell() {
        router.detach();
        synchronized (cellLock) {
            cellActive = false;
        }
        // Before the next cell's first compile, which would otherwise list every wrapper class the session made.
        ReplClassFiles.sweep(shell);
    }

    /**
     * Interrupts the running cell; if it is still running after {@code grace}, kills the agent.
     * The deadline is a timeout, not synchronisation: a cooperative stop ends the cell long before.
     */
    void interrupt(Duration grace) {
        long generation;
        synchronized (cellLock) {
            if (!cellActive) {
                return;
            }
            generation = cellGeneration;
        }
        control.interrupt();
        CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            synchronized (cellLock) {
                // Still compiling is fine: no further invoke of this cell will be sent.
                if (!cellActive || cellGeneration != generation || !control.invoking()) {
                    return;
                }
            }
            kill("the cell did not stop within " + grace.toMillis() + " ms of the interrupt, so the kernel was stopped");
        });
    }

    /** Whether JShell has lost its connection to the agent. */
    boolean engineTerminated() {
        return engineTerminated || !agent.isAlive();
    }

    boolean isDead() {
        return death.isDone();
    }

    /** Whether the agent is up and connected (false as soon as it starts dying). */
    boolean isAlive() {
        return !death.isDone() && !engineTerminated();
    }

    /** Completes with the cause of death once the agent is gone. */
    CompletableFuture<String> death() {
        return death;
    }

    /** Waits for the agent to finish dying (killing it if it lingers) and returns why it died. */
    String awaitDeath() {
        try {
            return death.get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill("the connection to the agent JVM broke");
            return death.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill("the kernel thread was interrupted");
            return "the kernel thread was interrupted";
        } catch (ExecutionException e) {
            return "the agent JVM died";
        }
    }

    /** Kills the agent; {@code reason} becomes the reported cause of death. */
    void kill(String reason) {
        synchronized (this) {
            if (killReason == null) {
                killReason = reason;
            }
        }
        agent.kill();
    }

    @Override
    public void close() {
        kill("the kernel was shut down");
        agent.awaitExitAndClean(EXIT_WAIT);
        shell.close();
    }

    private String describeDeath(int exitCode) {
        String reason = killReason;
        if (reason != null) {
            return reason;
        }
        if (router.exitAnnounced()) {
            return "the cell called System.exit(" + exitCode + ")";
        }
        if (exitCode == AgentProtocol.EXIT_AGENT_OUT_OF_MEMORY) {
            return "the agent JVM ran out of memory outside a cell (exit code " + exitCode + ")";
        }
        String how = exitCode > 128
                ? "the agent JVM was killed by signal " + (exitCode - 128)
                : "the agent JVM exited unexpectedly with code " + exitCode;
        List<String> tail = agent.consoleTail();
        return tail.isEmpty() ? how : how + "; its last output:\n" + String.join("\n", tail);
    }
}
