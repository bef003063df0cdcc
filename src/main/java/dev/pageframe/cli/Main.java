package dev.pageframe.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code pageframe} command: with a subcommand it works on notebook files from the shell; with no
 * subcommand (and at most one file) it opens the desktop app.
 */
@Command(name = "pageframe",
        mixinStandardHelpOptions = true,
        version = "pageframe " + Main.VERSION,
        synopsisSubcommandLabel = "[COMMAND]",
        header = "Pageframe: a notebook for learning how the Linux kernel allocates memory.",
        description = "With no command, opens the desktop app (with the FILEs, if given). The commands work on "
                + "Jupyter notebook files (.ipynb) from the shell.",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:validate: a notebook is invalid or unreadable; trust: a notebook was not signed;"
                + " run: a cell failed; export/run: the output could not be written",
            "2:usage error (bad option or argument), or a notebook that cannot be read",
            "3:run: cell execution is not available in this build"
        },
        footer = {"", "Run 'pageframe COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {
    /** The version printed by {@code --version}; keep in step with pom.xml. */
    public static final String VERSION = "0.1.0";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Notebooks to open in the desktop app, each in a tab (a file manager passes all it opens).")
    private List<String> files = new ArrayList<>();

    private final GuiLauncher gui;
    private boolean guiStarted;

    /** The top command, opening the desktop app through {@code gui}. */
    public Main(GuiLauncher gui) {
        this.gui = Objects.requireNonNull(gui);
    }

    /** The shell entry point; exits with the command's exit code unless the desktop app took over. */
    public static void main(String[] args) {
        // For a run, the agent's JVM starts launching before the command line is parsed; whatever no run took ends here.
        Optional<ExecutionRunner.Ahead> ahead = ExecutionRunner.ahead(args);
        Supplier<Optional<NotebookRunner>> runners = ahead.isPresent()
                ? () -> Optional.of(ahead.get().runner()) : NotebookRunner::installed;
        Main main = new Main(GuiLauncher.reflective());
        int code;
        try {
            code = commandLine(main, runners, Main::stderrIsTerminal).execute(args);
        } finally {
            ahead.ifPresent(a -> a.head().close());
        }
        if (!main.guiStarted || code != ExitCodes.OK) {
            System.exit(code);
        }
    }

    /** The command line with this build's runner and desktop app, as {@link #main} uses. */
    public static CommandLine commandLine() {
        return commandLine(new Main(GuiLauncher.reflective()), NotebookRunner::installed, Main::stderrIsTerminal);
    }

    /**
     * The command line with injected parts, for tests and embedding.
     *
     * @param main     the top command, holding the desktop launcher
     * @param runners  finds the runner for {@code run}; empty when this build cannot execute cells
     * @param terminal whether progress may redraw lines in place
     */
    public static CommandLine commandLine(Main main, Supplier<Optional<NotebookRunner>> runners,
                                          BooleanSupplier terminal) {
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand("validate", new ValidateCommand());
        cl.addSubcommand("trust", new TrustCommand());
        cl.addSubcommand("export", new ExportCommand());
        cl.addSubcommand("run", new RunCommand(runners, terminal));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            if (c == cl && ex instanceof CommandLine.UnmatchedArgumentException && args.length > 0
                    && !args[0].startsWith("-") && !args[0].endsWith(".ipynb") && !Files.exists(Path.of(args[0]))) {
                // A mistyped command with its file ("runn tour.ipynb"): the first word is what is wrong, not the file.
                err.println(noSuchFileOrCommand(args[0], cl));
                err.flush();
                return ExitCodes.USAGE;
            }
            err.println(c.getColorScheme().errorText(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            // The qualified name is "pageframe" for the top command and "pageframe run" for a subcommand.
            err.println(commandLine.getCommandSpec().qualifiedName() + ": error: " + describe(ex));
            err.flush();
            return ExitCodes.FAILED;
        });
        return cl;
    }

    /** True if the app launched; {@link #main} then leaves the JVM to the app. */
    public boolean guiStarted() {
        return guiStarted;
    }

    @Override
    public Integer call() throws Exception {
        for (String file : files) {
            if (!Files.exists(Path.of(file))) {
                // A mistyped command or file name: say so here, before a desktop app that would fail on it (or, with
                // no display, on that instead).
                PrintWriter err = spec.commandLine().getErr();
                err.println(noSuchFileOrCommand(file, spec.commandLine()));
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        String[] args = files.toArray(String[]::new);
        boolean launched;
        try {
            launched = gui.launch(args);
        } catch (UnsupportedOperationException e) {
            // JavaFX's words for a machine without a display (no DISPLAY or WAYLAND_DISPLAY, or one it cannot open).
            PrintWriter err = spec.commandLine().getErr();
            err.println("pageframe: cannot open the desktop app: " + describe(e)
                    + "; the commands (" + String.join(", ", spec.subcommands().keySet()) + ") need no display");
            err.flush();
            return ExitCodes.FAILED;
        }
        if (launched) {
            guiStarted = true;
            return ExitCodes.OK;
        }
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        err.println("pageframe: the desktop app is not part of this build; use one of the commands below.");
        err.println();
        cl.usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String noSuchFileOrCommand(String word, CommandLine top) {
        return "pageframe: no such file or command: " + word + " (the commands are "
                + String.join(", ", top.getSubcommands().keySet()) + "; try 'pageframe --help')";
    }

    static String describe(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() == null && fs.getOtherFile() == null
                && fs.getFile() != null) {
            // The JDK's file errors carry only the path; the kind of error is the reason.
            String reason = switch (fs) {
                case java.nio.file.NoSuchFileException x -> "no such file or folder";
                case java.nio.file.AccessDeniedException x -> "permission denied";
                case java.nio.file.NotDirectoryException x -> "not a folder";
                case java.nio.file.FileAlreadyExistsException x -> "already exists";
                case java.nio.file.DirectoryNotEmptyException x -> "a folder that is not empty";
                default -> fs.getClass().getSimpleName();
            };
            return fs.getFile() + ": " + reason;
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static boolean stderrIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
