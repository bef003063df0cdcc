package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every notebook we ship validates and runs from top to bottom without a failing cell. */
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
    void shippedNotebookIsValidAndRunsClean(Path file) throws Exception {
        assertEquals(List.of(), NotebookValidator.validateFile(file), file + " validates");
        Notebook nb = new NotebookFiles().load(file).notebook();
        RunReport report = NotebookRunner.installed().orElseThrow().run(nb, RunOptions.DEFAULTS, RunProgress.NONE);
        assertEquals(List.of(), report.failures(), file + " runs without a failing cell");
    }
}
