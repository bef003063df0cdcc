package dev.pageframe.cli;

import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.notebook.MachineSpec;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pageframe validate NOTEBOOK...}: checks files against nbformat 4.5 and Pageframe's rules. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        version = "pageframe " + Main.VERSION,
        header = "Check notebook files against nbformat 4.5.",
        description = "Checks notebooks against the nbformat 4.5 schema and Pageframe's own rules (unique cell "
                + "ids, a known machine). Prints 'FILE: ok', or one line per problem as 'FILE: WHERE: problem', "
                + "where WHERE is a JSON path such as cells[2].id, or a line and column for broken JSON. Cell types "
                + "and fields from a newer nbformat 4 minor version are kept and reported as 'FILE: warning: ...'; "
                + "they leave the notebook valid, as in Jupyter.",
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
            Verdict verdict = check(file);
            verdict.warnings().forEach(w -> out.println(file + ": warning: " + w));
            if (verdict.ok()) {
                out.println(file + ": ok");
            } else {
                allOk = false;
                verdict.errors().forEach(p -> out.println(file + ": " + p));
                verdict.repairs().forEach(p -> out.println(file + ": " + p));
            }
        }
        out.flush();
        return allOk ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * What {@code validate} says of one file.
     *
     * @param errors   problems as "WHERE: message" (or just "message"); empty if the file is a valid notebook
     * @param warnings things the file holds that Pageframe keeps without understanding; they leave it valid
     * @param repairs  problems the reader mends (a missing or repeated cell id): invalid, but it opens and runs
     */
    record Verdict(List<String> errors, List<String> warnings, List<String> repairs) {
        Verdict {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            repairs = List.copyOf(repairs);
        }

        static Verdict error(String message) {
            return new Verdict(List.of(message), List.of(), List.of());
        }

        /** A valid notebook. */
        boolean ok() {
            return errors.isEmpty() && repairs.isEmpty();
        }

        /** A notebook that runs: valid, or invalid only in what the reader mends. */
        boolean runnable() {
            return errors.isEmpty();
        }
    }

    /** Checks one file; {@code run} calls this too, so both commands judge a file alike. */
    static Verdict check(Path file) {
        try {
            List<ValidationProblem> problems = NotebookValidator.validateFile(file);
            List<String> errors = problems.stream().filter(p -> !p.warning() && !p.repairable())
                    .map(ValidationProblem::toString).toList();
            List<String> repairs = problems.stream().filter(ValidationProblem::repairable)
                    .map(p -> p + " (opening or running the notebook gives the cell a new id)").toList();
            List<String> warnings = problems.stream().filter(ValidationProblem::warning)
                    .map(p -> p.path().isEmpty() ? p.message() : p.path() + ": " + p.message()).toList();
            if (!errors.isEmpty()) {
                return new Verdict(errors, warnings, repairs);
            }
            // The reader has a few checks of its own (e.g. the machine in the metadata); it must agree too.
            MachineSpec machine = new NotebookReader().read(file).notebook().machine();
            // And the machine must be one that boots: a size the profile cannot take would only fail at the run.
            Optional<String> refused = MachineProfiles.refusal(machine.profile(), machine.memoryBytes());
            if (refused.isPresent()) {
                return Verdict.error("metadata.pageframe.machine: " + refused.get());
            }
            return new Verdict(List.of(), warnings, repairs);
        } catch (NotebookFormatException e) {
            return Verdict.error(located(e));
        } catch (NoSuchFileException e) {
            return Verdict.error("no such file");
        } catch (AccessDeniedException e) {
            return Verdict.error("permission denied");
        } catch (IOException e) {
            return Verdict.error("cannot read: " + Main.describe(e));
        }
    }

    /** "WHERE: detail", or "detail" when the problem concerns the whole file. */
    static String located(NotebookFormatException e) {
        String location = e.location();
        return location == null || location.isEmpty() ? e.detail() : location + ": " + e.detail();
    }
}
