package dev.pageframe.cli;

import dev.pageframe.notebook.NotebookFormatException;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookValidator;
import dev.pageframe.notebook.ValidationProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pageframe validate NOTEBOOK...}: checks files against nbformat 4.5 and Pageframe's rules. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        header = "Check notebook files against nbformat 4.5.",
        description = "Checks notebooks against the nbformat 4.5 schema and Pageframe's own rules (unique cell "
                + "ids, a known machine). Prints 'FILE: ok', or one line per problem as 'FILE: WHERE: problem', "
                + "where WHERE is a JSON path such as cells[2].id, or a line and column for broken JSON.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every notebook is valid", "1:a notebook is invalid or cannot be read", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NOTEBOOK", description = "Notebook files (.ipynb) to check.")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allOk = true;
        for (Path file : files) {
            List<String> problems = check(file);
            if (problems.isEmpty()) {
                out.println(file + ": ok");
            } else {
                allOk = false;
                problems.forEach(p -> out.println(file + ": " + p));
            }
        }
        out.flush();
        return allOk ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Problems as "WHERE: message" (or just "message"); empty if the file is a valid notebook. */
    static List<String> check(Path file) {
        try {
            List<ValidationProblem> problems = NotebookValidator.validateFile(file);
            if (!problems.isEmpty()) {
                return problems.stream().map(ValidationProblem::toString).toList();
            }
            // The reader has a few checks of its own (e.g. the machine in the metadata); it must agree too.
            new NotebookReader().read(file);
            return List.of();
        } catch (NotebookFormatException e) {
            return List.of(located(e));
        } catch (NoSuchFileException e) {
            return List.of("no such file");
        } catch (AccessDeniedException e) {
            return List.of("permission denied");
        } catch (IOException e) {
            return List.of("cannot read: " + Main.describe(e));
        }
    }

    /** "WHERE: detail", or "detail" when the problem concerns the whole file. */
    static String located(NotebookFormatException e) {
        String location = e.location();
        return location == null || location.isEmpty() ? e.detail() : location + ": " + e.detail();
    }
}
