package dev.pageframe.cli;

import dev.pageframe.execution.AgentLaunch;
import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.DeadVariables;
import dev.pageframe.execution.ErrorOutput;
import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.KernelStartException;
import dev.pageframe.execution.LiveNames;
import dev.pageframe.execution.NotebookExecution;
import dev.pageframe.execution.OutputMapper;
import dev.pageframe.execution.Sandbox;
import dev.pageframe.execution.SandboxStatus;
import dev.pageframe.execution.sandbox.Landlock;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.Output;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a notebook's code cells in a fresh kernel session booted with the notebook's machine, by
 * {@link RunRules}: as {@code jupyter nbconvert --execute} does.
 */
final class ExecutionRunner implements NotebookRunner {
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

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

    /** A runner whose agent is already launching, and the handle that ends the launch if no run takes it. */
    record Ahead(ExecutionRunner runner, HeadStart head) {}

    /**
     * For {@code pageframe run ...} with a notebook file that exists: a runner that starts launching the agent now,
     * before the command line is parsed (picocli's first parse loads a few hundred classes), as the options will
     * most likely ask (in the sandbox unless {@code --no-sandbox} is there). Only a guess: {@link #prepare} keeps
     * the launch only if the parsed options want the same agent, and ends it otherwise. Empty for anything else
     * (another command, help, version, no such file).
     */
    static Optional<Ahead> ahead(String[] args) {
        if (args.length < 2 || !args[0].equals("run")) {
            return Optional.empty();
        }
        boolean file = false;
        boolean sandbox = true;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return Optional.empty();
            }
            sandbox &= !arg.equals("--no-sandbox");
            file |= !arg.startsWith("-") && isFile(arg);
        }
        if (!file) {
            return Optional.empty();
        }
        ExecutionRunner runner = new ExecutionRunner();
        RunOptions guess = RunOptions.DEFAULTS;
        try {
            HeadStart head = runner.prepare(new RunOptions(guess.profile(), guess.memoryBytes(), guess.timeout(),
                    guess.allowErrors(), guess.charts(), sandbox, guess.solutions()));
            return Optional.of(new Ahead(runner, head));
        } catch (RuntimeException e) {
            return Optional.empty(); // only a head start: the parsed command reports whatever is wrong, as before
        }
    }

    private static boolean isFile(String arg) {
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
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

    /**
     * The agent's JVM: its command line depends on the options (the sandbox), and on the notebook only for the heap of
     * a large machine (then the session launches an agent of its own); a batch run's JVM options
     * ({@link KernelConfig#BATCH_JVM_OPTIONS}).
     */
    KernelConfig kernelConfig(RunOptions opts) {
        return KernelConfig.defaults().withJvmOptions(KernelConfig.BATCH_JVM_OPTIONS).withSandbox(sandbox(opts));
    }

    /** The agent launch {@link #prepare} began; null before. */
    AgentLaunch launching() {
        return early;
    }

    @Override
    public HeadStart prepare(RunOptions opts) {
        KernelConfig wanted = kernelConfig(opts);
        if (early != null && wanted.equals(earlyConfig)) {
            return early::close; // launched ahead, for the same agent
        }
        if (early != null) {
            early.close();
        }
        earlyConfig = wanted;
        early = AgentLaunch.begin(earlyConfig);
        return early::close;
    }

    @Override
    public RunReport run(Notebook nb, RunOptions opts, RunProgress progress) throws Exception {
        MachineSpec machine = machineFor(nb, opts);
        // The kernel's language_info replaces the file's, as nbclient records the kernel it ran on.
        Notebook start = (machine.equals(nb.machine()) ? nb : nb.withMachine(machine)).withKernelLanguageInfo();
        KernelConfig config = kernelConfig(opts);
        if (early != null && config.equals(earlyConfig)) {
            config = config.withEarlyAgent(early);
        }
        config = config.withStartupSnippets(NotebookExecution.startupSnippets(machine))
                .withBoot(NotebookExecution.boot(machine, 0));
        // Every cell is known: a variable no later cell reads can be a local of its cell's block, and cells that are
        // statements alone run together, several to one JShell eval (KernelSession.executeBatch).
        List<LiveNames.RunCell> cells = RunRules.runCells(start, opts.allowErrors(), opts.solutions());
        List<DeadVariables> dead = LiveNames.of(cells);
        try (KernelSession session = new KernelSession(config)) {
            try {
                session.start().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Its message says what failed to start, e.g. the machine's boot; the wrapper would only add its class.
                if (e.getCause() instanceof KernelStartException failed) {
                    throw failed;
                }
                throw e;
            }
            if (early != null && !early.taken()) {
                // Launched for another agent, e.g. one whose heap cannot hold the notebook's machine (AgentHeap): the
                // session started its own, and this one would idle beside it until the run ends.
                early.close();
            }
            BatchedCells batched = new BatchedCells(session, cells, dead, opts.timeout(), progress);
            return RunRules.run(start, opts.allowErrors(), opts.solutions(), progress, (i, cell) -> {
                CellResult r = batched.result(i);
                Cell ran = OutputMapper.apply(cell, r, opts.charts());
                if (r.interrupted() && opts.timeout() != null) {
                    ran = timedOut(ran, opts.timeout());
                }
                return new RunRules.Ran(ran, r.timing() == null ? null : r.timing().duration(),
                        r.ok() ? null : failure(i, cell, r, opts.timeout()), r.kernelDied());
            });
        }
    }

    /**
     * The run's own interrupt says why in the saved error, as standard error says it: the interrupt the timeout sent
     * reads like one a user sent otherwise (nbclient saves the kernel's KeyboardInterrupt likewise, without a reason).
     */
    private static Cell timedOut(Cell cell, Duration timeout) {
        String was = "the cell was interrupted";
        String why = "the cell ran longer than " + Seconds.of(timeout) + " (--timeout) and was interrupted";
        return cell.withOutputs(cell.outputs().stream().map(o -> o instanceof Output.ErrorOutput e && e.evalue().startsWith(was)
                ? new Output.ErrorOutput(e.ename(), why + e.evalue().substring(was.length()),
                        e.traceback().stream().map(l -> l.replace(was, why)).toList(), e.extra())
                : o).toList());
    }

    private static MachineSpec machineFor(Notebook nb, RunOptions opts) {
        MachineSpec m = nb.machine();
        String profile = opts.profile() != null ? opts.profile() : m.profile();
        long memory = opts.memoryBytes() != null ? opts.memoryBytes() : m.memoryBytes();
        return new MachineSpec(profile, memory);
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
            : new CellFailure(index, cell.id(), e.ename(), firstLine(e.evalue()), e.line());
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
