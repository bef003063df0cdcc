package dev.pageframe.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import jdk.jshell.spi.ExecutionControl;

/**
 * A notebook kernel: Java cells run in order by JShell in a separate agent JVM, sharing state like
 * a Jupyter kernel.
 *
 * <p>Cells queue and run one at a time. Each executed cell gets the next execution count (failing
 * ones too); a restart, or the fresh kernel started after a death, counts from 1 again. Like
 * Jupyter with {@code stop_on_error}, a cell that fails or is interrupted aborts the cells that
 * were queued while it ran. The value of a cell's final expression is shown unless the cell ends
 * it with an explicit semicolon (as in IPython); declarations and assignments show nothing. Shown
 * values are not kept as JShell's {@code $1}-style variables: each one would slow every later cell.
 *
 * <p>The agent JVM is isolated: System.exit, a crash, or an out-of-memory death in a cell kill
 * only the agent; the session reports {@link KernelState#DEAD} with the cause, and the next
 * {@link #execute} or {@link #restart} starts a fresh one. {@link #interrupt()} stops even a tight
 * loop; if a cell does not stop within {@link KernelConfig#interruptGrace()}, the agent is killed.
 *
 * <p>Futures complete and listeners run on kernel threads; chain UI work with an executor.
 */
public final class KernelSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelSession.class.getName());

    private final KernelConfig config;
    private final ExecutorService kernelThread;
    private final List<KernelListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong abortEpoch = new AtomicLong();
    private final Object stateLock = new Object();
    private KernelState state = KernelState.NOT_STARTED;
    private String stateDetail = "";
    private volatile AgentKernel kernel;
    private volatile AgentKernel busyKernel;
    private volatile AnalysisShell analysis;
    private volatile boolean closed;
    private volatile Thread kernelThreadRef;
    private int executionCount;
    private boolean everStarted;

    public KernelSession(KernelConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        ThreadFactory factory = Thread.ofPlatform().daemon().name("pageframe-kernel")
                .stackSize(CompilerStack.BYTES) // JShell compiles on this thread: see CompilerStack
                .factory();
        this.kernelThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = factory.newThread(task);
            kernelThreadRef = thread;
            return thread;
        });
        this.analysis = new AnalysisShell(config);
    }

    /** A session with {@link KernelConfig#defaults()}. */
    public KernelSession() {
        this(KernelConfig.defaults());
    }

    public KernelConfig config() {
        return config;
    }

    /**
     * Whether this session's cells run in the sandbox: asked for by the configuration and offered by the
     * running kernel (Landlock). The same for every kernel the session starts.
     */
    public SandboxStatus sandbox() {
        return config.sandbox().status();
    }

    public KernelState state() {
        synchronized (stateLock) {
            return state;
        }
    }

    /** Detail of the current state; for {@link KernelState#DEAD}, why the kernel died. */
    public String stateDetail() {
        synchronized (stateLock) {
            return stateDetail;
        }
    }

    public void addListener(KernelListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(KernelListener listener) {
        listeners.remove(listener);
    }

    /** Starts the agent now rather than at the first cell; completes when it is IDLE. */
    public CompletableFuture<Void> start() {
        return submit(() -> {
            ensureKernel();
            return null;
        });
    }

    /** Queues a cell. */
    public CompletableFuture<CellResult> execute(String source) {
        return execute(source, CellListener.NONE);
    }

    /** Queues a cell; {@code listener} sees its outputs and progress as they happen. */
    public CompletableFuture<CellResult> execute(String source, CellListener listener) {
        return execute(source, listener, true);
    }

    /**
     * Queues a cell, as Jupyter's {@code execute_request} with {@code stop_on_error}: when false (a cell
     * tagged {@code raises-exception}), its error does not abort the cells queued behind it. An interrupt or
     * a dead kernel still does.
     */
    public CompletableFuture<CellResult> execute(String source, CellListener listener, boolean stopOnError) {
        return execute(source, listener, stopOnError, DeadVariables.NONE);
    }

    /**
     * Queues a cell of a headless run, where {@code dead} (from {@link LiveNames}) says which of its variables
     * no later cell can read.
     */
    public CompletableFuture<CellResult> execute(String source, CellListener listener, boolean stopOnError,
            DeadVariables dead) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dead, "dead");
        Objects.requireNonNull(listener, "listener");
        Instant submitted = Instant.now();
        long epoch = abortEpoch.get();
        CompletableFuture<CellResult> result = new CompletableFuture<>();
        try {
            kernelThread.execute(() -> {
                try {
                    result.complete(runCell(source, listener, submitted, epoch, stopOnError, dead));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(aborted(submitted));
        }
        return result;
    }

    /**
     * Queues consecutive cells of a headless run, each with its {@link DeadVariables}. Those at the front that are
     * statements alone run as one JShell eval ({@link CellBatch}); a cell that cannot join them runs alone. Returns
     * one future per cell, which completes as soon as that cell has ended, with its result, or empty if it did not
     * run (it could not join the batch, or a cell before it failed: each failure stops, as {@link #execute} with
     * {@code stopOnError}); the first cell always runs. A batched cell's result holds no compiler warnings.
     * {@code listener} sees every cell start.
     */
    public List<CompletableFuture<Optional<CellResult>>> executeBatch(List<String> sources, List<DeadVariables> dead,
            CellListener listener) {
        if (sources.isEmpty() || sources.size() != dead.size()) {
            throw new IllegalArgumentException("need one DeadVariables per cell, and at least one cell");
        }
        Objects.requireNonNull(listener, "listener");
        List<String> cells = List.copyOf(sources);
        List<DeadVariables> hints = List.copyOf(dead);
        List<CompletableFuture<Optional<CellResult>>> results = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            results.add(new CompletableFuture<>());
        }
        Instant submitted = Instant.now();
        long epoch = abortEpoch.get();
        try {
            kernelThread.execute(() -> {
                try {
                    runBatch(cells, hints, listener, submitted, epoch, results);
                } catch (Throwable t) {
                    results.forEach(r -> r.completeExceptionally(t));
                } finally {
                    results.forEach(r -> r.complete(Optional.empty()));
                }
            });
        } catch (RejectedExecutionException e) {
            results.getFirst().complete(Optional.of(aborted(submitted)));
            results.forEach(r -> r.complete(Optional.empty()));
        }
        return results;
    }

    /**
     * Interrupts the running cell, if any, and aborts queued ones. Returns at once; the cell's
     * result reports {@link CellStatus#INTERRUPTED}. Loops in cell code stop at their next
     * iteration, sleeps and waits are interrupted; loops in background threads that cells started
     * stop too. Code that ignores both (a loop inside JDK code) gets the agent killed after the
     * grace period, and the result also reports the kernel's death.
     */
    public void interrupt() {
        abortEpoch.incrementAndGet();
        AgentKernel busy = busyKernel;
        if (busy != null) {
            busy.interrupt(config.interruptGrace());
        }
    }

    /**
     * Replaces the agent with a fresh one: all state is lost, counts start again, queued cells are
     * aborted and a running cell ends as {@link CellStatus#KERNEL_DIED}.
     */
    public CompletableFuture<Void> restart() {
        abortEpoch.incrementAndGet();
        AgentKernel busy = busyKernel;
        if (busy != null) {
            busy.kill("the kernel was restarted");
        }
        return submit(() -> {
            AgentKernel old = kernel;
            kernel = null;
            if (old != null) {
                old.kill("the kernel was restarted");
                old.close();
            }
            ensureKernel();
            return null;
        });
    }

    /** Completion suggestions, as JShell offers them, for {@code source} at {@code cursor}. */
    public CompletionResult completions(String source, int cursor) {
        return analysis.completions(source, cursor);
    }

    /** Signatures and Javadoc of what is at {@code cursor} in {@code source}. */
    public List<Documentation> documentation(String source, int cursor) {
        return analysis.documentation(source, cursor);
    }

    /** Process id of the running agent JVM, if there is one. */
    public OptionalLong agentPid() {
        AgentKernel current = kernel;
        return current == null || current.isDead() ? OptionalLong.empty() : OptionalLong.of(current.pid());
    }

    /** Kills the agent, aborts queued cells, and releases the session's threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        abortEpoch.incrementAndGet();
        AgentKernel current = kernel;
        if (current != null) {
            current.kill("the session was closed");
        }
        kernelThread.shutdown();
        // A listener may close the session from the kernel thread itself; it cannot wait for itself.
        if (Thread.currentThread() != kernelThreadRef) {
            try {
                if (!kernelThread.awaitTermination(10, TimeUnit.SECONDS)) {
                    kernelThread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        current = kernel;
        if (current != null) {
            current.close();
        }
        analysis.close();
        setState(KernelState.CLOSED, "");
    }

    /** How many class files the running kernel's JShell keeps (-1: none running, or they cannot be seen). */
    int replClassFiles() {
        AgentKernel current = kernel;
        if (current == null) {
            return -1;
        }
        // On the kernel's thread, after any cell queued before: JShell is not thread-safe.
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> ReplClassFiles.count(current.shell()), kernelThread)
                .join();
    }

    private void runBatch(List<String> sources, List<DeadVariables> dead, CellListener listener, Instant submitted,
            long epoch, List<CompletableFuture<Optional<CellResult>>> results) {
        AgentKernel current = closed || epoch != abortEpoch.get() || sources.size() < 2 ? null : kernel;
        if (current != null && current.isAlive()) {
            BooleanSupplier cancelled = () -> abortEpoch.get() != epoch;
            CellBatch batch = new CellBatch(current, listener, cancelled,
                    (k, result) -> results.get(k).complete(Optional.of(result)));
            List<CellSplitter.Statements> plan = batch.plan(sources, dead);
            if (plan.size() >= 2) {
                int first = executionCount + 1;
                setState(KernelState.BUSY, "");
                busyKernel = current;
                List<CellResult> ran;
                try {
                    ran = batch.run(sources, plan, first, submitted);
                } finally {
                    busyKernel = null;
                }
                if (!ran.isEmpty()) {
                    executionCount += ran.size();
                    // Settled before the last result is out, so that a cell queued on seeing it finds the session
                    // in its new state (as a single cell's future completes after its run).
                    settle(ran.getLast(), true);
                    for (int k = 0; k < ran.size(); k++) {
                        results.get(k).complete(Optional.of(ran.get(k)));
                    }
                    return;
                }
                // It did not compile, so nothing ran: the planned cells run one by one, reporting their own errors.
                for (int i = 0; i < plan.size(); i++) {
                    CellResult r = runCell(sources.get(i), listener, submitted, epoch, true, dead.get(i));
                    results.get(i).complete(Optional.of(r));
                    if (!r.ok()) {
                        return;
                    }
                }
                return;
            }
        }
        results.getFirst().complete(Optional.of(runCell(sources.getFirst(), listener, submitted, epoch, true, dead.getFirst())));
    }

    private CellResult runCell(String source, CellListener listener, Instant submitted, long epoch, boolean stopOnError,
            DeadVariables dead) {
        if (closed || epoch != abortEpoch.get()) {
            return aborted(submitted);
        }
        if (source.isBlank()) {
            Instant now = Instant.now();
            return new CellResult(0, CellStatus.OK, List.of(), List.of(), new CellTiming(submitted, now, now), null);
        }
        AgentKernel current;
        try {
            current = ensureKernel();
        } catch (KernelStartException e) {
            abortEpoch.incrementAndGet();
            Instant now = Instant.now();
            String reason = "the kernel failed to start: " + e.getMessage();
            ErrorOutput error = new ErrorOutput("KernelDied", reason, List.of(reason), 0);
            return new CellResult(0, CellStatus.KERNEL_DIED, List.of(error), List.of(),
                    new CellTiming(submitted, now, now), reason);
        }
        int count = ++executionCount;
        setState(KernelState.BUSY, "");
        busyKernel = current;
        CellResult result;
        try {
            AnalysisShell learner = analysis;
            // The epoch also catches an interrupt that came before the kernel saw the cell start.
            result = new CellExecution(current, count, listener, learner::learn, () -> abortEpoch.get() != epoch, dead)
                    .run(source, submitted);
        } finally {
            busyKernel = null;
        }
        settle(result, stopOnError);
        return result;
    }

    /** The session's state after a cell (or a batch's last cell) ended with {@code result}. */
    private void settle(CellResult result, boolean stopOnError) {
        if (result.kernelDied()) {
            setState(KernelState.DEAD, result.kernelDeath());
        } else {
            setState(KernelState.IDLE, "");
        }
        if (!result.ok() && (stopOnError || result.interrupted() || result.kernelDied())) {
            abortEpoch.incrementAndGet();
        }
    }

    /** Returns the live kernel, starting one if there is none (kernel thread only). */
    private AgentKernel ensureKernel() {
        AgentKernel current = kernel;
        if (current != null && current.isAlive()) {
            return current;
        }
        if (closed) {
            throw new KernelStartException("the session is closed");
        }
        if (current != null) {
            current.close();
        }
        synchronized (stateLock) {
            // Together with the death callback's check below, this keeps a late notice of the
            // old kernel's death from overwriting the new kernel's state.
            kernel = null;
            setState(KernelState.STARTING, "");
        }
        executionCount = 0;
        if (everStarted) {
            // The old kernel's declarations are gone; so must be the completions they gave.
            AnalysisShell oldAnalysis = analysis;
            analysis = new AnalysisShell(config);
            oldAnalysis.close();
        }
        everStarted = true;
        AgentKernel fresh;
        try {
            fresh = AgentKernel.start(config, new OutputRouter(this::unattributed));
            CompletableFuture<Void> booted = boot(fresh);
            runStartupSnippets(fresh);
            awaitConnected(fresh);
            awaitBoot(fresh, booted);
        } catch (KernelStartException e) {
            setState(KernelState.DEAD, e.getMessage());
            throw e;
        }
        kernel = fresh;
        fresh.death().thenAccept(reason -> {
            synchronized (stateLock) {
                if (kernel == fresh) {
                    setState(KernelState.DEAD, reason);
                }
            }
        });
        if (closed) {
            fresh.close();
            throw new KernelStartException("the session is closed");
        }
        setState(KernelState.IDLE, "");
        return fresh;
    }

    /**
     * Evaluates an expression in the running kernel without it counting as a cell: no execution
     * count, no outputs, no listeners. For the app's own status queries (free memory after a cell).
     * Queued behind running cells; completes empty when no kernel is alive (it never starts one)
     * or the expression fails.
     */
    public CompletableFuture<java.util.Optional<String>> inspect(String expression) {
        CompletableFuture<java.util.Optional<String>> out = new CompletableFuture<>();
        try {
            kernelThread.execute(() -> {
                AgentKernel current = kernel;
                if (closed || current == null || !current.isAlive()) {
                    out.complete(java.util.Optional.empty());
                    return;
                }
                try {
                    CellResult r = new CellExecution(current, 0, CellListener.NONE, ignored -> {}, () -> false)
                            .run(expression, Instant.now());
                    out.complete(r.ok() ? r.executeResult().map(ExecuteResult::text) : java.util.Optional.empty());
                } catch (Throwable t) {
                    out.complete(java.util.Optional.empty());
                }
            });
        } catch (RejectedExecutionException e) {
            out.complete(java.util.Optional.empty());
        }
        return out;
    }

    /**
     * Runs the startup snippets while the agent may still be connecting: those that need no agent (imports) compile
     * meanwhile. A snippet that failed because the agent never connected reports that instead.
     */
    private void runStartupSnippets(AgentKernel fresh) {
        for (String snippet : config.startupSnippets()) {
            CellResult result = new CellExecution(fresh, 0, CellListener.NONE, ignored -> {}, () -> false)
                    .run(snippet, Instant.now());
            if (!result.ok()) {
                // Settled first: the close below would make an agent still connecting look like one that failed.
                Optional<KernelStartException> notConnected = connectionFailure(fresh);
                fresh.close();
                notConnected.ifPresent(e -> {
                    throw e;
                });
                String why = result.error().map(e -> String.join("\n", e.traceback())).orElse(result.status().name());
                throw new KernelStartException("startup snippet failed: " + snippet.strip() + "\n" + why);
            }
        }
    }

    /**
     * Boots the configured machine in the agent, on a thread of its own, as soon as the agent has connected: the startup
     * imports compile meanwhile, and need no agent.
     */
    private CompletableFuture<Void> boot(AgentKernel fresh) {
        MachineBoot machine = config.boot();
        CompletableFuture<Void> booted = new CompletableFuture<>();
        if (machine == null) {
            booted.complete(null);
            return booted;
        }
        Thread.ofPlatform().daemon().name("pageframe-boot").start(() -> {
            try {
                fresh.control().boot(machine);
                booted.complete(null);
            } catch (Throwable t) {
                booted.completeExceptionally(t);
            }
        });
        return booted;
    }

    /** Waits for the machine's boot; a boot that failed fails the start, saying why. */
    private void awaitBoot(AgentKernel fresh, CompletableFuture<Void> booted) {
        try {
            booted.join();
        } catch (CompletionException e) {
            Optional<KernelStartException> notConnected = connectionFailure(fresh);
            fresh.close();
            notConnected.ifPresent(failure -> {
                throw failure;
            });
            throw new KernelStartException("the machine did not boot: " + config.boot().describe() + ": "
                    + bootFailure(e.getCause()));
        }
    }

    private static String bootFailure(Throwable failure) {
        if (failure instanceof ExecutionControl.UserException user) {
            String type = user.causeExceptionClass();
            if (type.equals(IllegalArgumentException.class.getName()) && user.getMessage() != null) {
                // The engine refusing a machine (a size out of range, an unknown profile) speaks for itself.
                return user.getMessage();
            }
            return type.substring(type.lastIndexOf('.') + 1) + ": " + user.getMessage();
        }
        return "the agent ended while it booted (" + failure.getMessage() + ")";
    }

    /** The agent has connected before the first cell: with no startup snippet that needed it, nothing waited yet. */
    private static void awaitConnected(AgentKernel fresh) {
        connectionFailure(fresh).ifPresent(e -> {
            fresh.close();
            throw e;
        });
    }

    /** Waits until the agent has connected or failed to (at most the startup timeout); why it failed. */
    private static Optional<KernelStartException> connectionFailure(AgentKernel fresh) {
        try {
            fresh.awaitConnected();
            return Optional.empty();
        } catch (KernelStartException e) {
            return Optional.of(e);
        }
    }

    private void unattributed(CellOutput output) {
        for (KernelListener listener : listeners) {
            Listeners.call(() -> listener.unattributedOutput(output));
        }
    }

    private CompletableFuture<Void> submit(Callable<Void> task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            kernelThread.execute(() -> {
                try {
                    task.call();
                    done.complete(null);
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the session is closed"));
        }
        return done;
    }

    private static CellResult aborted(Instant submitted) {
        Instant now = Instant.now();
        return new CellResult(0, CellStatus.ABORTED, List.of(), List.of(), new CellTiming(submitted, now, now), null);
    }

    /** Publishes a state change; notifying under the lock keeps listeners seeing changes in order. */
    private void setState(KernelState next, String detail) {
        synchronized (stateLock) {
            if (state == KernelState.CLOSED || state == next && stateDetail.equals(detail)) {
                return;
            }
            state = next;
            stateDetail = detail;
            LOG.log(System.Logger.Level.DEBUG, "kernel {0} {1}", next, detail);
            for (KernelListener listener : listeners) {
                Listeners.call(() -> listener.stateChanged(next, detail));
            }
        }
    }
}
