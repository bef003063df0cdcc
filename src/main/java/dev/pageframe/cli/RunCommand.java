package dev.pageframe.cli;

import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.Sizes;
import dev.pageframe.execution.ChartFormat;
import dev.pageframe.notebook.AtomicFile;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellTags;
import dev.pageframe.notebook.FileStamp;
import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookFormatException;
import dev.pageframe.notebook.NotebookKernel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pageframe run NOTEBOOK}: runs the code cells by nbclient's rules and saves the notebook with its new outputs. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        version = "pageframe " + Main.VERSION,
        header = "Run every cell of a notebook and save the outputs.",
        description = {"Runs the code cells of a notebook, top to bottom, on a freshly booted simulated "
                + "machine, and saves the notebook with the new outputs (in place, or to OUT). Progress goes "
                + "to standard error.",
            "%nAs jupyter nbconvert --execute does, the run stops at the first cell that fails, and the cells "
                + "after it are named on standard error as not run. Saving in place, nothing is saved then: the "
                + "notebook stays as it was. With -o, OUT gets the run: the error as the failing cell's output, and "
                + "the cells after it cleared of outputs and execution counts. A cell tagged raises-exception may "
                + "fail: its error is saved and the run goes on. A cell tagged skip-execution is not run and keeps "
                + "its outputs.",
            "%nAn exercise's check cell (tagged exercise-check) that fails means the exercise is not solved yet: "
                + "its message is saved and the run goes on. --solutions runs each exercise's reference solution in "
                + "its answer cell instead of the answer, and then every check must pass.",
            "%nThe notebook is checked first as 'pageframe validate' checks it; an invalid notebook, or one "
                + "written for another kernel (e.g. Python), is refused before anything runs. A missing or repeated "
                + "cell id is mended instead, as Jupyter mends it: the cell gets a new id, which the saved file keeps."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every cell ran without error (or failed as its raises-exception tag allows)",
            "1:a cell failed (each is named on standard error), the run broke off, or the notebook could"
                + " not be saved",
            "2:usage error, or the notebook cannot be read, is invalid or is for another kernel (it is left"
                + " untouched)",
            "3:cell execution is not available in this build"
        })
final class RunCommand implements Callable<Integer> {
    static final String NO_EXECUTION_MESSAGE = "cell execution is not available in this build";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook file (.ipynb) to run.")
    private Path notebook;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Save the result here instead of overwriting NOTEBOOK.")
    private Path output;

    @Option(names = "--machine", paramLabel = "PROFILE", completionCandidates = Profiles.class,
            description = "The machine profile to boot instead of the notebook's: one of ${COMPLETION-CANDIDATES}.")
    private String machine;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Installed memory instead of the notebook's, e.g. 16M, 1G or 64G (binary units).")
    private String memory;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop a cell that runs longer than this and count it as failed, e.g. 30 or 2.5.")
    private String timeout;

    @Option(names = "--allow-errors",
            description = "Run every cell whatever fails, and save every error (the exit code is still 1 if a"
                    + " cell not tagged raises-exception failed).")
    private boolean allowErrors;

    @Option(names = "--charts", paramLabel = "FORMAT", defaultValue = "png",
            converter = ChartFormatConverter.class,
            description = "How charts are stored beside their data: png (the default; shown by every notebook viewer,"
                    + " nbconvert 6.5 included) or svg (smaller and sharp at any zoom, but empty in nbconvert 6.5.1"
                    + " to 7.2).")
    private ChartFormat charts;

    @Option(names = "--no-sandbox", negatable = false,
            description = "Run cells outside the sandbox, with your full rights: they can then read and write your files,"
                    + " run programs and use the network. Only for a notebook you trust that needs them; by default a cell"
                    + " may read only the Java runtime and Pageframe, and write only in a scratch folder (Linux, Landlock).")
    private boolean noSandbox;
    @Option(names = "--solutions",
            description = "Run each exercise's reference solution (kept in the answer cell's metadata) instead of the"
                    + " answer, so every check must pass: proves the exercises solvable. Needs --output, so the"
                    + " answers in NOTEBOOK are not replaced.")
    private boolean solutions;

    @Option(names = "--force",
            description = "Run a notebook written for another kernel (e.g. Python) anyway, as Java.")
    private boolean force;

    /** Reads {@code png} or {@code svg}, in any case. */
    static final class ChartFormatConverter implements CommandLine.ITypeConverter<ChartFormat> {
        @Override
        public ChartFormat convert(String value) {
            try {
                return ChartFormat.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a chart format; use png or svg");
            }
        }
    }

    /** The known machine profiles, for help and shell completion. */
    static final class Profiles implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MachineSpec.PROFILES.iterator();
        }
    }

    private final Supplier<Optional<NotebookRunner>> runners;
    private final BooleanSupplier terminal;

    RunCommand(Supplier<Optional<NotebookRunner>> runners, BooleanSupplier terminal) {
        this.runners = Objects.requireNonNull(runners);
        this.terminal = Objects.requireNonNull(terminal);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options = options();
        Found found = findRunner();
        // The kernel's JVM depends on the notebook only for a large machine's heap: it starts now, while the notebook is
        // read and checked, and a notebook that is refused ends it (closing the head start waits until it is gone).
        try (NotebookRunner.HeadStart head = found.runner() != null && Files.isRegularFile(notebook)
                ? found.runner().prepare(options) : NotebookRunner.HeadStart.NONE) {
            return run(out, err, options, found);
        }
    }

    /** The runner this build has, or why there is none (said only once the notebook has been checked). */
    private record Found(NotebookRunner runner, String unavailable) {}

    private Found findRunner() {
        try {
            Optional<NotebookRunner> found = runners.get();
            return found.map(r -> new Found(r, null))
                    .orElseGet(() -> new Found(null, "pageframe run: " + NO_EXECUTION_MESSAGE));
        } catch (ServiceConfigurationError e) {
            return new Found(null, "pageframe run: " + NO_EXECUTION_MESSAGE + " (" + Main.describe(e) + ")");
        }
    }

    private int run(PrintWriter out, PrintWriter err, RunOptions options, Found found) {
        ValidateCommand.Verdict verdict = ValidateCommand.check(notebook);
        // A missing or repeated cell id does not stop a run: the reader gives the cell a new id, as Jupyter's does,
        // and says so below (its notes); the saved file has it.
        if (!verdict.runnable()) {
            // The same lines as 'pageframe validate', so a refused run says exactly what validate says.
            verdict.errors().forEach(p -> err.println(notebook + ": " + p));
            err.flush();
            return ExitCodes.USAGE;
        }
        LoadResult loaded;
        FileStamp read;
        try {
            read = FileStamp.of(notebook);
            loaded = new NotebookFiles().load(notebook);
        } catch (NotebookFormatException e) {
            return fail(err, ExitCodes.USAGE, notebook + ": " + ValidateCommand.located(e));
        } catch (NoSuchFileException e) {
            return fail(err, ExitCodes.USAGE, notebook + ": no such file");
        } catch (IOException e) {
            return fail(err, ExitCodes.USAGE, notebook + ": cannot read: " + Main.describe(e));
        }
        NotebookKernel kernel = NotebookKernel.of(loaded.notebook());
        if (!kernel.isOurs() && !force) {
            return fail(err, ExitCodes.USAGE, notebook + ": written for " + kernel.describe()
                    + ", not Pageframe's Java kernel; not run (--force runs it anyway)");
        }
        Optional<String> refused = machineRefusal(options, loaded.notebook().machine());
        if (refused.isPresent()) {
            return fail(err, ExitCodes.USAGE, notebook + ": cannot boot the machine: " + refused.get() + "; nothing was run");
        }

        if (found.runner() == null) {
            return fail(err, ExitCodes.NO_EXECUTION, found.unavailable());
        }
        NotebookRunner runner = found.runner();

        Path target = output != null ? output : notebook;
        try {
            // Before the cells run, not after: a missing folder or a read-only file would otherwise waste the run.
            AtomicFile.checkWritable(target);
        } catch (IOException e) {
            return fail(err, ExitCodes.USAGE, "cannot save to " + target + ": " + Main.describe(e) + "; nothing was run");
        }
        for (String note : loaded.notes()) {
            err.println("note: " + notebook + ": " + note);
        }
        runner.sandboxWarning(options).ifPresent(err::println);
        ProgressPrinter progress = new ProgressPrinter(err, terminal.getAsBoolean(),
                loaded.notebook().cells().stream().map(Cell::id).toList());
        RunReport report;
        try {
            report = runner.run(loaded.notebook(), options, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.finish();
            return fail(err, ExitCodes.FAILED, notebook + ": the run was interrupted; nothing was saved");
        } catch (Exception e) {
            progress.finish();
            return fail(err, ExitCodes.FAILED, notebook + ": the run broke off: " + Main.describe(e)
                    + "; nothing was saved");
        }
        progress.finish();
        if (report == null) {
            return fail(err, ExitCodes.FAILED, notebook + ": the runner returned no result; nothing was saved");
        }

        return save(out, err, options, report, target, read);
    }

    /** Why the machine the run would boot (the options over the notebook's own) cannot boot, if it cannot. */
    private static Optional<String> machineRefusal(RunOptions options, MachineSpec own) {
        String profile = options.profile() != null ? options.profile() : own.profile();
        long memoryBytes = options.memoryBytes() != null ? options.memoryBytes() : own.memoryBytes();
        return MachineProfiles.refusal(profile, memoryBytes).map(why -> options.profile() != null
                && options.memoryBytes() == null
                ? why + "; the notebook's memory is " + Sizes.format(memoryBytes) + ": give --memory for this profile"
                : why);
    }

    /** Saves the run to {@code target}, unless it stopped at a failure and would replace the notebook it ran. */
    private int save(PrintWriter out, PrintWriter err, RunOptions options, RunReport report, Path target,
            FileStamp read) {
        boolean inPlace = sameFile(target, notebook);
        if (!report.ok() && !options.allowErrors() && inPlace) {
            // As nbconvert --execute --inplace does: a run that stopped at a failure leaves the notebook as it was, the
            // outputs of the cells after the failure included. -o keeps such a run elsewhere.
            printSummary(err, report, "would have been ");
            err.println(notebook + ": nothing was saved, so the notebook is unchanged; -o OUT saves this run's outputs"
                    + " (the error included) to another file, --allow-errors runs every cell");
            err.flush();
            return ExitCodes.FAILED;
        }
        try {
            if (inPlace && read.changedOnDisk(notebook)) {
                // Edited elsewhere (the app, an editor) while the cells ran: writing the run over it would lose that.
                return fail(err, ExitCodes.FAILED, notebook + ": changed on disk while it ran, so the run was not saved"
                        + " over it; -o OUT saves the run to another file");
            }
            new NotebookFiles().save(target, report.result());
        } catch (IOException e) {
            return fail(err, ExitCodes.FAILED, target + ": cannot save: " + Main.describe(e));
        }
        out.println("Saved " + target);
        out.flush();

        printSummary(err, report, "");
        err.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /**
     * Names the cells that failed, failed as their tag allows, or were not run.
     *
     * @param cleared how the cells after a stop are spoken of: "" once saved, "would have been " when not
     */
    private void printSummary(PrintWriter err, RunReport report, String cleared) {
        List<Cell> cells = report.result().cells();
        int total = cells.size();
        if (!report.failures().isEmpty()) {
            int n = report.failures().size();
            err.println(notebook + ": " + n + (n == 1 ? " cell" : " cells") + " failed:");
            report.failures().forEach(f -> err.println("  " + describe(f, total)));
        }
        if (!report.allowedErrors().isEmpty()) {
            int n = report.allowedErrors().size();
            err.println(notebook + ": " + n + (n == 1 ? " cell" : " cells") + " tagged " + CellTags.RAISES_EXCEPTION
                    + " raised an error, as allowed:");
            report.allowedErrors().forEach(f -> err.println("  " + describe(f, total)));
        }
        if (!report.checks().isEmpty()) {
            long solved = report.checks().stream().filter(RunReport.ExerciseCheck::solved).count();
            int n = report.checks().size();
            err.println(notebook + ": " + solved + " of " + n + (n == 1 ? " exercise" : " exercises") + " solved"
                    + (solutions ? " with the reference solutions" : "") + (solved == n ? "" : ":"));
            report.checks().stream().filter(c -> !c.solved()).forEach(c -> err.println("  "
                    + ProgressPrinter.position(c.cellIndex(), cells.size()) + " exercise " + c.exerciseId()
                    + ": not solved yet: " + c.message()));
        }
        if (!report.notRun().isEmpty()) {
            int n = report.notRun().size();
            err.println(notebook + ": " + n + (n == 1 ? " cell was" : " cells were")
                    + " not run after the stop (outputs " + cleared + "cleared):");
            report.notRun().forEach(i -> err.println("  " + ProgressPrinter.position(i, total) + " cell "
                    + cells.get(i).id()));
        }
    }

    private static String describe(CellFailure f, int total) {
        // A compile error's message starts with its line and column already.
        boolean lineShown = f.line() <= 0 || f.evalue().startsWith("line ");
        return ProgressPrinter.position(f.cellIndex(), total) + " cell " + f.cellId()
                + (lineShown ? "" : ", line " + f.line()) + ": " + f.ename()
                + (f.evalue().isEmpty() ? "" : ": " + f.evalue());
    }

    private static int fail(PrintWriter err, int code, String message) {
        err.println(message);
        err.flush();
        return code;
    }

    /** The options as the runner takes them; a bad value is a usage error naming the option. */
    private RunOptions options() {
        if (machine != null && !MachineSpec.PROFILES.contains(machine)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--machine': "
                    + MachineSpec.unknownProfile(machine));
        }
        Long memoryBytes = null;
        if (memory != null) {
            try {
                memoryBytes = Sizes.parse(memory);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--memory': "
                        + e.getMessage());
            }
        }
        Duration limit = timeout == null ? null : parseTimeout(timeout);
        if (solutions && output == null) {
            throw new ParameterException(spec.commandLine(), "--solutions needs --output OUT: the solutions would"
                    + " replace the answers in " + notebook);
        }
        return new RunOptions(machine, memoryBytes, limit, allowErrors, charts, !noSandbox, solutions);
    }

    private Duration parseTimeout(String text) {
        double seconds = Double.NaN;
        // Digits only: Java's own number syntax would also take "30d" (a double literal) and "0x1p4".
        if (text.strip().matches("[0-9]*\\.?[0-9]+")) {
            seconds = Double.parseDouble(text.strip());
        }
        if (!(seconds > 0) || seconds > 1e9) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--timeout': '" + text
                    + "' is not a positive number of seconds; use e.g. 30 or 2.5");
        }
        return Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9)));
    }
}
