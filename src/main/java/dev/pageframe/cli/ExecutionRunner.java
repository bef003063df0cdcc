package dev.pageframe.cli;

import dev.pageframe.execution.AgentLaunch;
import dev.pageframe.execution.CellListener;
import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.ErrorOutput;
import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.NotebookExecution;
import dev.pageframe.execution.OutputMapper;
import dev.pageframe.execution.Progress;
import dev.pageframe.execution.Sandbox;
import dev.pageframe.execution.SandboxStatus;
import dev.pageframe.execution.sandbox.Landlock;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Notebook;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a notebook's code cells in a fresh kernel session booted with the notebook's machine, by
 * {@link RunRules}: as {@code jupyter nbconvert --execute} does.
 */
final class ExecutionRunner implements NotebookRunner {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<Landlock.Support> landlock;
    /** The agent {@link #prepare} launched, and the configuration it was launched for; null before. */
    private AgentLaunch early;
    private KernelConfig earlyConfig;

    ExecutionRunner() {
        this(Sandbox.ON.probe());
    }

    /** @param landlock what the running kernel offers; tests play one without Landlock */
    ExecutionRunner(Supplier<Landlock.Support> landlock) {
        this.landlock = landlock;
    }

    /**
     * Asks, on a thread of its own, what every agent launch asks first and no option changes: whether the running
     * kernel has Landlock (a first foreign call costs a few hundred milliseconds of linking) and the secure random
     * source for the agent's token. Answers nothing and starts no process: the launch then finds both ready.
     */
    static void warmUp() {
        Thread.ofPlatform().daemon().name("pageframe-warm-up").start(() -> {
            Sandbox.ON.status();
            new SecureRandom().nextBytes(new byte[1]);
        });
    }

    private Sandbox sandbox(RunOptions opts) {
        return Sandbox.of(opts.sandbox()).withProbe(landlock);
    }

    @Override
    public Optional<String> sandboxWarning(RunOptions opts) {
        SandboxStatus status = sandbox(opts).status();
        if (status.confined()) {
            return Optional.empty();
        }
        return Optional.of(opts.sandbox() ? "warning: " + status.summary()
                + "; a cell can read and write your files, run programs and use the network"
                : "warning: --no-sandbox: cells run with your full rights: they can read and write your files,"
                        + " run programs and use the network");
    }

    /** The agent's JVM: its command line depends on the options (the sandbox), not on the notebook. */
    private KernelConfig kernelConfig(RunOptions opts) {
        return KernelConfig.defaults().withSandbox(sandbox(opts));
    }

    @Override
    public HeadStart prepare(RunOptions opts) {
        if (early != null) {
            early.close();
        }
        earlyConfig = kernelConfig(opts);
        early = AgentLaunch.begin(earlyConfig);
        return early::close;
    }

    @Override
    public RunReport run(Notebook nb, RunOptions opts, RunProgress progress) throws Exception {
        MachineSpec machine = machineFor(nb, opts);
        Notebook start = machine.equals(nb.machine()) ? nb : nb.withMachine(machine);
        KernelConfig config = kernelConfig(opts);
        if (early != null && config.equals(earlyConfig)) {
            config = config.withEarlyAgent(early);
        }
        config = config.withStartupSnippets(NotebookExecution.startupSnippets(machine, 0));
        try (KernelSession session = new KernelSession(config)) {
            session.start().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return RunRules.run(start, opts.allowErrors(), opts.solutions(), progress, (i, cell) -> {
                CellResult r = runCell(session, cell, opts.timeout(), progress);
                return new RunRules.Ran(OutputMapper.apply(cell, r, opts.charts()), r.timing() == null ? null : r.timing().duration(),
                        r.ok() ? null : failure(i, cell, r, opts.timeout()), r.kernelDied());
            });
        }
    }

    private static MachineSpec machineFor(Notebook nb, RunOptions opts) {
        MachineSpec m = nb.machine();
        String profile = opts.profile() != null ? opts.profile() : m.profile();
        long memory = opts.memoryBytes() != null ? opts.memoryBytes() : m.memoryBytes();
        return new MachineSpec(profile, memory);
    }

    private static CellResult runCell(KernelSession session, Cell cell, Duration timeout, RunProgress progress)
            throws Exception {
        CompletableFuture<CellResult> f = session.execute(cell.source(), new CellListener() {
            @Override
            public void progress(Progress p) {
                progress.progress(p.done(), p.total(), p.label());
            }
        });
        if (timeout == null) {
            return f.get();
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The cell ran past its limit: stop it the way the app's interrupt does.
            session.interrupt();
            return f.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static CellFailure failure(int index, Cell cell, CellResult r, Duration timeout) {
        if (r.interrupted() && timeout != null) {
            return new CellFailure(index, cell.id(), "Timeout", "cell ran longer than " + Seconds.of(timeout) + " and was interrupted");
        }
        if (r.kernelDied()) {
            return new CellFailure(index, cell.id(), "KernelDied", r.kernelDeath());
        }
        ErrorOutput e = r.error().orElse(null);
        return e == null ? new CellFailure(index, cell.id(), r.status().name(), "")
            : new CellFailure(index, cell.id(), e.ename(), firstLine(e.evalue()));
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
