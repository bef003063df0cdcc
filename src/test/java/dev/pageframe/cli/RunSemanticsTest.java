package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pageframe run} follows nbclient's rules: stop, tags, --allow-errors, clearing, validation first. */
class RunSemanticsTest {
    @TempDir
    Path dir;

    /** A code cell with the given tags that an earlier run left with output and count 9. */
    private static Cell ranBefore(String id, String... tags) {
        ObjectNode md = JsonNodeFactory.instance.objectNode();
        if (tags.length > 0) {
            Arrays.stream(tags).forEach(md.putArray("tags")::add);
        }
        return new Cell(id, CellType.CODE, md, "work(\"" + id + "\");", null,
                List.of(Output.Stream.stdout("old output of " + id + "\n")), 9, null);
    }

    private Path save(Cell... cells) throws Exception {
        List<Cell> all = new ArrayList<>(List.of(Cell.markdown("# Title").withId("title")));
        all.addAll(List.of(cells));
        Path p = dir.resolve("nb.ipynb");
        new NotebookFiles().save(p, Notebook.newEmpty().withCells(all));
        return p;
    }

    private static Notebook load(Path p) throws Exception {
        return new NotebookFiles().load(p).notebook();
    }

    private static String text(Cell c) {
        return c.outputs().isEmpty() ? "" : switch (c.outputs().getFirst()) {
            case Output.Stream s -> s.text();
            case Output.ErrorOutput e -> "error " + e.ename();
            default -> "?";
        };
    }

    @Test
    void theRunStopsAtTheFirstFailureAndClearsTheCellsItDidNotRun() throws Exception {
        Path p = save(ranBefore("a"), ranBefore("b"), ranBefore("c"), ranBefore("d"));
        Path saved = dir.resolve("stopped.ipynb");
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of("b"), 0)).run("run", p, "-o", saved);
        assertEquals(1, r.exit(), r.err());
        Notebook out = load(saved);
        assertEquals("ran a\n", text(out.cell("a").orElseThrow()));
        assertEquals("error OutOfMemoryError", text(out.cell("b").orElseThrow()));
        for (String id : List.of("c", "d")) {
            Cell c = out.cell(id).orElseThrow();
            assertEquals(List.of(), c.outputs(), id + "'s old outputs must not pass for this run's");
            assertEquals(null, c.executionCount(), id);
        }
        assertTrue(r.err().contains(p + ": 2 cells were not run after the stop (outputs cleared):\n  [4/5] cell c\n"
                + "  [5/5] cell d"), r.err());

        // In place, as nbconvert --execute --inplace: nothing is saved, and the stored outputs of c and d stay.
        byte[] before = Files.readAllBytes(p);
        Cli.Result inPlace = new Cli().runner(new FakeRunner(Set.of("b"), 0)).run("run", p);
        assertEquals(1, inPlace.exit(), inPlace.err());
        assertArrayEquals(before, Files.readAllBytes(p));
        assertTrue(inPlace.err().contains("(outputs would have been cleared)"), inPlace.err());
        assertTrue(inPlace.err().contains(p + ": nothing was saved, so the notebook is unchanged; -o OUT saves"),
                inPlace.err());
        assertFalse(inPlace.out().contains("Saved"), inPlace.out());
    }

    @Test
    void aCellTaggedRaisesExceptionMayFailAndTheRunGoesOnWithExit0() throws Exception {
        Path p = save(ranBefore("a"), ranBefore("b", "raises-exception"), ranBefore("c"));
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of("b"), 0)).run("run", p);
        assertEquals(0, r.exit(), r.err());
        Notebook out = load(p);
        assertEquals("error OutOfMemoryError", text(out.cell("b").orElseThrow()), "its error is stored");
        assertEquals("ran c\n", text(out.cell("c").orElseThrow()));
        assertEquals(List.of(1, 2, 3), out.cells().stream().skip(1).map(Cell::executionCount).toList());
        assertTrue(r.err().contains("[3/4] cell b 0.12 s error (raises-exception)"), r.err());
        assertTrue(r.err().contains("1 cell tagged raises-exception raised an error, as allowed:"), r.err());
        assertFalse(r.err().contains("failed"), r.err());
    }

    @Test
    void allowErrorsRunsEveryCellButAnUntaggedFailureStillExits1() throws Exception {
        Path p = save(ranBefore("a"), ranBefore("b"), ranBefore("c"));
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of("b"), 0)).run("run", p, "--allow-errors");
        assertEquals(1, r.exit(), r.err());
        Notebook out = load(p);
        assertEquals("error OutOfMemoryError", text(out.cell("b").orElseThrow()));
        assertEquals("ran c\n", text(out.cell("c").orElseThrow()));
        assertEquals(3, out.cell("c").orElseThrow().executionCount());
        assertTrue(r.err().contains("[3/4] cell b 0.12 s FAILED (run goes on: --allow-errors)"), r.err());
        assertFalse(r.err().contains("not run"), r.err());
    }

    @Test
    void allowErrorsWithOnlyTaggedFailuresExits0() throws Exception {
        Path p = save(ranBefore("a", "raises-exception"), ranBefore("b"));
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of("a"), 0)).run("run", p, "--allow-errors");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void aCellTaggedSkipExecutionIsNotRunAndKeepsItsOutputs() throws Exception {
        Path p = save(ranBefore("a"), ranBefore("s", "skip-execution"), ranBefore("c"));
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", p);
        assertEquals(0, r.exit(), r.err());
        Notebook out = load(p);
        Cell s = out.cell("s").orElseThrow();
        assertEquals("old output of s\n", text(s));
        assertEquals(9, s.executionCount());
        assertEquals(2, out.cell("c").orElseThrow().executionCount(), "a skipped cell takes no execution count");
        assertTrue(r.err().contains("[3/4] cell s skipped (skip-execution)"), r.err());
    }

    @Test
    void aSkippedCellAfterAStopIsLeftAsItWas() throws Exception {
        Path p = save(ranBefore("a"), ranBefore("s", "skip-execution"));
        new Cli().runner(new FakeRunner(Set.of("a"), 0)).run("run", p);
        assertEquals("old output of s\n", text(load(p).cell("s").orElseThrow()));
    }

    @Test
    void helpSaysWhatTheRunDoes() {
        Cli.Result r = new Cli().run("run", "--help");
        assertEquals(0, r.exit());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("the run stops at the first cell that fails"), help);
        assertFalse(help.contains("does not stop the run"), help);
        for (String promise : List.of("raises-exception", "skip-execution", "--allow-errors", "--force",
                "not run", "'pageframe validate'", "repeated cell id is mended")) {
            assertTrue(help.contains(promise), promise + " in " + help);
        }
    }

    @Test
    void anInvalidNotebookIsRefusedWithValidatesMessageBeforeAnythingRuns() throws Exception {
        Path bad = Cli.badId(dir);
        byte[] before = Files.readAllBytes(bad);
        FakeRunner runner = new FakeRunner();
        Cli.Result run = new Cli().runner(runner).run("run", bad);
        Cli.Result validate = new Cli().run("validate", bad);
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, validate.exit());
        assertEquals(validate.out(), run.err(), "the same message as validate");
        assertEquals(0, runner.calls);
        assertArrayEquals(before, Files.readAllBytes(bad));
    }

    @Test
    void repeatedOrMissingCellIdsAreMendedAsJupyterMendsThemAndTheRunGoesOn() throws Exception {
        // After a merge or a hand edit; Jupyter's reader gives such cells new ids with a warning, and so does ours.
        Path dupes = Cli.duplicateIds(dir);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", dupes);
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, runner.calls);
        assertTrue(r.err().startsWith("note: " + dupes + ": "), r.err());
        assertTrue(r.err().contains("given a new one; saving writes it"), r.err());
        List<String> ids = new NotebookFiles().load(dupes).notebook().cells().stream().map(Cell::id).toList();
        assertEquals(2, ids.stream().distinct().count(), "the saved file's ids are unique: " + ids);
        assertEquals(0, new Cli().run("validate", dupes).exit(), "and valid");
    }

    @Test
    void aPythonNotebookIsRefusedInOneLineNamingItsKernel() throws Exception {
        Path p = python(dir);
        byte[] before = Files.readAllBytes(p);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", p);
        assertEquals(2, r.exit());
        assertEquals(p + ": written for the Python 3 kernel \"python3\" (language python), not Pageframe's Java"
                + " kernel; not run (--force runs it anyway)\n", r.err());
        assertEquals(0, runner.calls);
        assertArrayEquals(before, Files.readAllBytes(p));
    }

    @Test
    void aPythonNotebookWithoutAKernelspecIsRefusedAndKeepsItsOutputs() throws Exception {
        // Tools that strip the kernelspec leave language_info; with --allow-errors in place this used to replace
        // every Jupyter output with a Java compile error.
        Path p = Files.writeString(dir.resolve("stripped.ipynb"), """
                {"cells": [{"cell_type": "code", "id": "py", "metadata": {}, "source": "print('hi')",
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi\\n"}], "execution_count": 1}],
                 "metadata": {"language_info": {"name": "python", "file_extension": ".py"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        byte[] before = Files.readAllBytes(p);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", p, "--allow-errors");
        assertEquals(2, r.exit());
        assertEquals(p + ": written for the language python (its metadata names no kernel), not Pageframe's Java"
                + " kernel; not run (--force runs it anyway)\n", r.err());
        assertEquals(0, runner.calls);
        assertArrayEquals(before, Files.readAllBytes(p));
    }

    @Test
    void forceRunsAPythonNotebookAnyway() throws Exception {
        Path p = python(dir);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", p, "--force");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, runner.calls);
    }

    @Test
    void aNotebookWithoutAKernelspecIsTakenAsOurs() throws Exception {
        Path p = Files.writeString(dir.resolve("bare.ipynb"), """
                {"cells": [{"cell_type": "code", "id": "one", "metadata": {}, "source": "1 + 1",
                  "outputs": [], "execution_count": null}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        Cli.Result r = new Cli().runner(new FakeRunner()).run("run", p);
        assertEquals(0, r.exit(), r.err());
        assertInstanceOf(Output.Stream.class, load(p).cells().getFirst().outputs().getFirst());
    }

    static Path python(Path dir) throws Exception {
        return Files.writeString(dir.resolve("python.ipynb"), """
                {"cells": [{"cell_type": "code", "id": "py", "metadata": {}, "source": "print('hi')",
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi\\n"}], "execution_count": 1}],
                 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                              "language_info": {"name": "python"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
    }
}
