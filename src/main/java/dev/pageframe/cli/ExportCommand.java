package dev.pageframe.cli;

import dev.pageframe.execution.cells.CellNames;
import dev.pageframe.notebook.AtomicFile;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFormatException;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.html.HtmlExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pageframe export NOTEBOOK --to html [-o OUT]}: writes a notebook as a self-contained page. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        version = "pageframe " + Main.VERSION,
        header = "Export a notebook as a self-contained HTML page.",
        description = "Writes a notebook as one self-contained HTML page: styles and images inside, nothing "
                + "loaded from the network, and no script (HTML and SVG from outputs and markdown are "
                + "sanitized). The page prints well, too.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the page was written", "1:the page could not be written",
            "2:usage error, or the notebook cannot be read"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook file (.ipynb) to export.")
    private Path notebook;

    @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "html",
            description = "The output format; only html is supported (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the page (default: NOTEBOOK with the extension .html).")
    private Path output;

    @Override
    public Integer call() {
        if (!format.toLowerCase(Locale.ROOT).equals("html")) {
            throw new ParameterException(spec.commandLine(),
                    "Unsupported export format '" + format + "': only html is supported (--to html)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Notebook nb;
        try {
            // Cells without ids (nbformat < 4.5) get numbered ones, so the page is the same on every export.
            AtomicInteger next = new AtomicInteger();
            nb = new NotebookReader(NotebookReader.DEFAULT_MAX_BYTES, () -> "cell-" + next.incrementAndGet())
                    .read(notebook).notebook();
        } catch (NotebookFormatException e) {
            err.println(notebook + ": " + ValidateCommand.located(e));
            err.flush();
            return ExitCodes.USAGE;
        } catch (NoSuchFileException e) {
            err.println(notebook + ": no such file");
            err.flush();
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println(notebook + ": cannot read: " + Main.describe(e));
            err.flush();
            return ExitCodes.USAGE;
        }
        Path target = output != null ? output : defaultOutput(notebook);
        if (sameFile(target, notebook)) {
            throw new ParameterException(spec.commandLine(),
                    "The output " + target + " is the notebook itself; choose another file with -o");
        }
        Path folder = notebook.toAbsolutePath().getParent();
        String html = new HtmlExporter(CellNames.kernelNames()).export(nb, stem(notebook), folder);
        try {
            AtomicFile.write(target, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println(target + ": cannot write: " + Main.describe(e));
            err.flush();
            return ExitCodes.FAILED;
        }
        out.println("Exported " + notebook + " to " + target);
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.exists(a) && java.nio.file.Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code dir/name.ipynb} → {@code dir/name.html}; a name without an extension gets one added. */
    static Path defaultOutput(Path notebook) {
        return notebook.resolveSibling(stem(notebook) + ".html");
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
