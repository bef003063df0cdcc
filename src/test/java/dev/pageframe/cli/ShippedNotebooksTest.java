package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookValidator;
import dev.pageframe.notebook.NotebookWriter;
import dev.pageframe.notebook.exercise.Exercises;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook we ship validates, runs from top to bottom without a failing cell, holds the outputs of a fresh run,
 * is laid out as Jupyter writes notebooks, and has exercises that its reference solutions solve.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShippedNotebooksTest {
    static Stream<Path> shipped() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            assertFalse(list.isEmpty(), "notebooks/ holds the shipped notebooks");
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedNotebookIsValidRunsCleanAndStoresTheOutputsOfAFreshRun(Path file) throws Exception {
        assertEquals(List.of(), NotebookValidator.validateFile(file), file + " validates");
        Notebook nb = new NotebookFiles().load(file).notebook();
        RunReport report = NotebookRunner.installed().orElseThrow().run(nb, RunOptions.DEFAULTS, RunProgress.NONE);
        assertEquals(List.of(), report.failures(), file + " runs without a failing cell");
        // Shipped with their outputs, so they read on GitHub and in JupyterLab without running; the engine is
        // deterministic, so a fresh run gives the same outputs but for when each cell ran.
        JsonNode stored = withoutTiming(NotebookWriter.toJson(nb));
        JsonNode fresh = withoutTiming(NotebookWriter.toJson(report.result()));
        for (int i = 0; i < fresh.get("cells").size(); i++) {
            JsonNode want = fresh.get("cells").get(i);
            JsonNode have = stored.get("cells").get(i);
            assertEquals(want, have, file + ": cell " + want.get("id").asText() + " does not hold the outputs of a fresh"
                    + " run; store them with: ./pageframe run " + file);
        }
        // What a run records of the kernel: nbconvert --to script names the file by its extension.
        assertEquals(fresh.get("metadata"), stored.get("metadata"), file + ": the metadata a run writes");
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedNotebookIsWrittenAsJupyterWritesIt(Path file) throws Exception {
        // The .ipynb files are the source and are edited as notebooks: in the app, in JupyterLab, or by
        // `pageframe run`. Whatever wrote them last, they are kept in the one layout Jupyter's own writer makes.
        Notebook nb = new NotebookFiles().load(file).notebook();
        assertEquals(NotebookWriter.toJson(nb), Files.readString(file), file + " is not in Jupyter's layout");
    }

    private static JsonNode withoutTiming(String json) throws Exception {
        JsonNode nb = new ObjectMapper().readTree(json);
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("metadata") instanceof ObjectNode metadata) {
                metadata.remove("execution");
            }
        }
        return nb;
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyExerciseOfAShippedNotebookIsWellFormedAndSolvedByItsReferenceSolution(Path file) throws Exception {
        Notebook nb = new NotebookFiles().load(file).notebook();
        Exercises.Found found = Exercises.in(nb);
        assertEquals(List.of(), found.problems(), file + ": exercises");
        if (found.exercises().isEmpty()) {
            return;
        }
        RunReport report = NotebookRunner.installed().orElseThrow()
                .run(nb, RunOptions.DEFAULTS.withSolutions(), RunProgress.NONE);
        assertEquals(List.of(), report.failures(), file + " runs with the reference solutions");
        assertEquals(found.exercises().stream().map(e -> new RunReport.ExerciseCheck(e.id(),
                nb.indexOf(e.checkId()), true, "")).toList(), report.checks(), file + ": every check passes");
    }
}
