package dev.pageframe.cli;

import dev.pageframe.notebook.CellIds;
import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.NotebookFormatException;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookTrust;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pageframe trust NOTEBOOK...}: records notebooks as the user's own, so their outputs show fully. */
@Command(name = "trust",
        mixinStandardHelpOptions = true,
        version = "pageframe " + Main.VERSION,
        header = "Trust notebooks, so the app shows their outputs fully.",
        description = "Marks notebooks as trusted on this computer, as if you had run every cell yourself: "
                + "their HTML and SVG outputs are then shown in the app. Only trust notebooks whose source you "
                + "trust. Signatures are kept in your config directory, never in the notebook.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every notebook was signed", "1:a notebook could not be signed",
            "2:usage error, or a notebook cannot be read"})
final class TrustCommand implements Callable<Integer> {
    /** System property naming the config directory, for tests and portable installs. */
    static final String CONFIG_DIR_PROPERTY = "pageframe.config.dir";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NOTEBOOK", description = "Notebook files (.ipynb) to trust.")
    private List<Path> files;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Where signatures are kept (default: the system property " + CONFIG_DIR_PROPERTY
                    + " if set, else $XDG_CONFIG_HOME/pageframe or ~/.config/pageframe).")
    private Path configDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NotebookTrust trust = new NotebookTrust(configDir());
        int code = ExitCodes.OK;
        for (Path file : files) {
            AtomicBoolean generatedIds = new AtomicBoolean();
            NotebookReader reader = new NotebookReader(NotebookReader.DEFAULT_MAX_BYTES, () -> {
                generatedIds.set(true);
                return CellIds.random();
            });
            LoadResult loaded;
            try {
                loaded = reader.read(file);
            } catch (NotebookFormatException e) {
                err.println(file + ": not signed: " + ValidateCommand.located(e));
                code = ExitCodes.USAGE;
                continue;
            } catch (NoSuchFileException e) {
                err.println(file + ": not signed: no such file");
                code = ExitCodes.USAGE;
                continue;
            } catch (IOException e) {
                err.println(file + ": not signed: cannot read: " + Main.describe(e));
                code = ExitCodes.USAGE;
                continue;
            }
            if (generatedIds.get()) {
                // New ids are random on every load, so a signature of this load could never match again.
                err.println(file + ": not signed: its cells have no ids (nbformat " + loaded.originalNbformat() + "."
                        + loaded.originalNbformatMinor() + "), so they get new ones each time it is opened; "
                        + "open and save it in Pageframe (or run it with 'pageframe run'), then trust it");
                code = Math.max(code, ExitCodes.FAILED);
                continue;
            }
            try {
                trust.sign(loaded.notebook());
            } catch (IOException e) {
                err.println(file + ": not signed: cannot write the trust records in " + trust.configDir() + ": "
                        + Main.describe(e));
                code = Math.max(code, ExitCodes.FAILED);
                continue;
            }
            out.println("Signed " + file);
        }
        out.flush();
        err.flush();
        return code;
    }

    private Path configDir() {
        if (configDir != null) {
            return configDir;
        }
        String property = System.getProperty(CONFIG_DIR_PROPERTY);
        return property != null && !property.isBlank() ? Path.of(property) : NotebookTrust.defaultConfigDir();
    }
}
