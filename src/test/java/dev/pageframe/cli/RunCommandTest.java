package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.Output;
import dev.pageframe.notebook.exercise.ExerciseCells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    private static Notebook read(Path file) throws Exception {
        return new NotebookReader().read(file).notebook();
    }

    private static String stdoutOf(Cell cell) {
        return cell.outputs().isEmpty() || !(cell.outputs().get(0) instanceof Output.Stream s) ? null : s.text();
    }

    @Test
    void runsEveryCodeCellAndSavesTheResultInPlace() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", nb);
        assertEquals(0, r.exit(), r.err());
        assertEquals("Saved " + nb + System.lineSeparator(), r.out());
        Notebook saved = read(nb);
        assertEquals("ran code-alloc\n", stdoutOf(saved.cell("code-alloc").orElseThrow()));
        assertEquals(1, saved.cell("code-alloc").orElseThrow().executionCount());
        assertEquals(read(Cli.fixture("rich.ipynb", Files.createDirectory(dir.resolve("orig")))).cells().size(),
                saved.cells().size());
        assertEquals(1, runner.calls);
    }

    @Test
    void writesToOutAndLeavesTheNotebookAlone() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        byte[] before = Files.readAllBytes(nb);
        Path out = dir.resolve("ran.ipynb");
        Cli.Result r = new Cli().runner(new FakeRunner()).run("run", nb, "-o", out);
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(before, Files.readAllBytes(nb));
        assertEquals("ran controls\n", stdoutOf(read(out).cell("controls").orElseThrow()));
    }

    @Test
    void aFailingCellExits1AndIsNamedWithItsIndexIdAndError() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of("code-error"), 0)).run("run", nb);
        assertEquals(1, r.exit());
        // rich.ipynb: cells[3] is code-error, of 7 cells.
        assertTrue(r.err().contains(nb + ": 1 cell failed:"), r.err());
        assertTrue(r.err().contains("  [4/7] cell code-error: OutOfMemoryError: no free pages of order 3"), r.err());
        // In place the notebook stays as it was; to another file the outputs, error included, are saved.
        Path saved = dir.resolve("saved.ipynb");
        assertEquals(1, new Cli().runner(new FakeRunner(Set.of("code-error"), 0)).run("run", nb, "-o", saved).exit());
        Cell failed = read(saved).cell("code-error").orElseThrow();
        assertTrue(failed.outputs().get(0) instanceof Output.ErrorOutput e && e.ename().equals("OutOfMemoryError"));
    }

    @Test
    void aMalformedNotebookExits2AndIsNeverTouched() throws Exception {
        Path broken = Cli.malformed(dir);
        byte[] before = Files.readAllBytes(broken);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", broken);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(broken + ": line "), r.err());
        assertArrayEquals(before, Files.readAllBytes(broken));
        assertEquals(0, runner.calls);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(broken), files.toList(), "no temporary or backup files");
        }
    }

    @Test
    void aVersion4NotebookLabelledVersion3IsRefusedNotEmptiedAndSoIsItsValidation() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Files.writeString(nb, Files.readString(nb).replace("\"nbformat\": 4,", "\"nbformat\": 3,"));
        byte[] before = Files.readAllBytes(nb);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", nb);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("worksheets") && r.err().contains("correct its \"nbformat\" to 4"), r.err());
        assertArrayEquals(before, Files.readAllBytes(nb), "the cells are still there");
        assertEquals(0, runner.calls);
        Cli.Result validated = new Cli().run("validate", nb);
        assertEquals(1, validated.exit(), validated.out() + validated.err());
        assertTrue((validated.out() + validated.err()).contains("worksheets"), validated.out() + validated.err());
    }

    @Test
    void aReadOnlyNotebookOrAnOutputInAMissingFolderIsRefusedBeforeAnyCellRuns() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Files.setPosixFilePermissions(nb, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(nb);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", nb);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("cannot save to " + nb + ": ") && r.err().contains("the file is read-only; nothing was run"),
                r.err());
        assertArrayEquals(before, Files.readAllBytes(nb));
        assertEquals(0, runner.calls);

        Path missing = dir.resolve("no-such-folder").resolve("out.ipynb");
        Cli.Result o = new Cli().runner(runner).run("run", nb, "-o", missing);
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("no-such-folder: no such folder; nothing was run"), o.err());
        assertEquals(0, runner.calls);
    }

    @Test
    void aMachineTheProfileCannotBootIsAUsageErrorBeforeAnyCellRunsAndValidateSaysSo() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", nb, "-o", dir.resolve("o.ipynb"), "--machine", "i386-linux-1.2",
                "--memory", "2G");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(": cannot boot the machine: i386-linux-1.2 supports 2M to 960M of memory, not 2G;"
                + " nothing was run"), r.err());
        Cli.Result tiny = new Cli().runner(runner).run("run", nb, "-o", dir.resolve("o.ipynb"), "--memory", "1K");
        assertEquals(2, tiny.exit(), tiny.err());
        assertEquals(0, runner.calls);

        Path small = dir.resolve("small.ipynb");
        Files.writeString(small, Files.readString(nb).replace("\"memory\": \"16M\"", "\"memory\": \"1K\""));
        Cli.Result validated = new Cli().run("validate", small);
        assertEquals(1, validated.exit(), validated.out() + validated.err());
        assertTrue((validated.out() + validated.err()).contains("metadata.pageframe.machine: i386-linux-2.0 supports"),
                validated.out() + validated.err());
    }

    @Test
    void aNotebookChangedOnDiskWhileItRanIsNotSavedOver() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        String edited = Files.readString(nb).replace("\"memory\": \"16M\"", "\"memory\": \"32M\"");
        FakeRunner runner = new FakeRunner();
        runner.whileRunning = () -> Files.writeString(nb, edited);
        Cli.Result r = new Cli().runner(runner).run("run", nb);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(nb + ": changed on disk while it ran, so the run was not saved over it"), r.err());
        assertEquals(edited, Files.readString(nb), "the other program's version stays");
    }

    @Test
    void theHeadStartBeginsBeforeTheRunAndIsClosedAfterIt() throws Exception {
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", Cli.fixture("rich.ipynb", dir));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("prepare", "run", "close"), runner.events);
    }

    @Test
    void aRefusedNotebookClosesTheHeadStartAndNeverRuns() throws Exception {
        for (Path refused : List.of(Cli.malformed(dir), Cli.badId(dir), RunSemanticsTest.python(dir))) {
            FakeRunner runner = new FakeRunner();
            Cli.Result r = new Cli().runner(runner).run("run", refused);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith(refused + ": "), r.err());
            assertEquals(List.of("prepare", "close"), runner.events, refused.toString());
        }
    }

    @Test
    void aMissingNotebookStartsNothing() {
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", dir.resolve("nope.ipynb"));
        assertEquals(2, r.exit());
        assertEquals(List.of(), runner.events);
    }

    @Test
    void aMissingNotebookExits2() {
        Cli.Result r = new Cli().runner(new FakeRunner()).run("run", dir.resolve("nope.ipynb"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void progressGoesToStderrOneLinePerCellWhenNotATerminal() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of("code-error"), 0)).run("run", nb, "-o", dir.resolve("o.ipynb"));
        List<String> lines = r.err().lines().toList();
        assertEquals("[3/7] cell code-alloc 0.12 s ok", lines.get(0));
        assertEquals("[4/7] cell code-error 0.12 s FAILED", lines.get(1));
        // The run stops there; the blank cell is never run (as in nbclient), controls is named as not run.
        assertEquals(nb + ": 1 cell failed:", lines.get(2));
        assertEquals(List.of(nb + ": 1 cell was not run after the stop (outputs cleared):", "  [7/7] cell controls"),
                lines.subList(4, 6));
        assertFalse(r.err().contains("\r"));
        assertFalse(r.out().contains("[3/7]"), "progress stays off standard output");
    }

    @Test
    void progressBarsAreThrottledInLogs() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of(), 1000)).run("run", nb);
        assertEquals(0, r.exit(), r.err());
        List<String> bars = r.err().lines().filter(l -> l.startsWith("  churn [")).toList();
        // 4 code cells, each with 1000 updates: a line per tenth, 0% to 100%, at most 11 per cell.
        assertTrue(bars.size() <= 4 * 11, bars.size() + " bar lines");
        assertTrue(bars.contains("  churn [########################] 100% (1000/1000)"), bars.toString());
        assertTrue(bars.contains("  churn [############............]  50% (500/1000)"), bars.toString());
    }

    @Test
    void onATerminalLinesAreRedrawnInPlace() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Cli.Result r = new Cli().terminal(true).runner(new FakeRunner(Set.of(), 100)).run("run", nb);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("\r[3/7] cell code-alloc running…"), r.err());
        assertTrue(r.err().contains("\r[3/7] cell code-alloc 0.12 s ok"), r.err());
        assertTrue(r.err().contains("\r  churn [############............]  50% (50/100)"), r.err());
    }

    @Test
    void optionsArePassedToTheRunner() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", nb, "--machine", "i386", "--memory", "16M", "--timeout", "2.5");
        assertEquals(0, r.exit(), r.err());
        assertEquals(new RunOptions("i386", 16L << 20, Duration.ofMillis(2500)), runner.options);
        assertEquals("intro-markdown", runner.received.cells().get(0).id());
    }

    @Test
    void withoutOptionsTheRunnerGetsNoOverrides() throws Exception {
        FakeRunner runner = new FakeRunner();
        new Cli().runner(runner).run("run", Cli.fixture("rich.ipynb", dir));
        assertEquals(RunOptions.DEFAULTS, runner.options);
    }

    @Test
    void chartsArePngUnlessSvgIsAskedForAndAnyOtherFormatIsAUsageError() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        FakeRunner runner = new FakeRunner();
        assertEquals(0, new Cli().runner(runner).run("run", nb).exit());
        assertEquals(dev.pageframe.execution.ChartFormat.PNG, runner.options.charts());
        assertEquals(0, new Cli().runner(runner).run("run", nb, "--charts", "SVG").exit());
        assertEquals(dev.pageframe.execution.ChartFormat.SVG, runner.options.charts());
        int calls = runner.calls;
        Cli.Result gif = new Cli().runner(runner).run("run", nb, "--charts=gif");
        assertEquals(2, gif.exit());
        assertTrue(gif.err().contains("'gif' is not a chart format; use png or svg"), gif.err());
        assertEquals(calls, runner.calls);
    }

    @Test
    void badMachineMemoryOrTimeoutAreUsageErrors() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        byte[] before = Files.readAllBytes(nb);
        FakeRunner runner = new FakeRunner();
        Cli.Result machine = new Cli().runner(runner).run("run", nb, "--machine", "vax");
        assertEquals(2, machine.exit());
        assertTrue(machine.err().contains("unknown machine profile \"vax\"; known profiles: i386-linux-1.2, i386-linux-2.0"), machine.err());
        Cli.Result memory = new Cli().runner(runner).run("run", nb, "--memory", "lots");
        assertEquals(2, memory.exit());
        assertTrue(memory.err().contains("Invalid value for option '--memory': bad memory size \"lots\""), memory.err());
        for (String bad : List.of("-1", "30d", "1e3", "0x1p4", "NaN", "0")) {
            Cli.Result timeout = new Cli().runner(runner).run("run", nb, "--timeout", bad);
            assertEquals(2, timeout.exit(), bad);
            assertTrue(timeout.err().contains("'--timeout': '" + bad + "' is not a positive number of seconds"), timeout.err());
        }
        assertEquals(0, runner.calls);
        assertArrayEquals(before, Files.readAllBytes(nb));
    }

    @Test
    void withoutARunnerItSaysExecutionIsUnavailableAndExits3() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        byte[] before = Files.readAllBytes(nb);
        Cli.Result r = new Cli().runners(Optional::empty).run("run", nb);
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("cell execution is not available in this build"), r.err());
        assertArrayEquals(before, Files.readAllBytes(nb));
    }

    @Test
    void aRunnerThatCannotBeLoadedCountsAsUnavailable() throws Exception {
        Cli.Result r = new Cli().runners(() -> {
            throw new ServiceConfigurationError("dev.pageframe.execution.NotebookExecution: not found");
        }).run("run", Cli.fixture("rich.ipynb", dir));
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("not available in this build (dev.pageframe.execution.NotebookExecution: not found)"), r.err());
    }

    @Test
    void thisBuildRunsCellsInAKernelSession() {
        org.junit.jupiter.api.Assertions.assertInstanceOf(ExecutionRunner.class, NotebookRunner.installed().orElseThrow());
    }

    @Test
    void aRunThatBreaksOffSavesNothingAndExits1() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        byte[] before = Files.readAllBytes(nb);
        Cli.Result r = new Cli().runner((notebook, opts, progress) -> {
            throw new IllegalStateException("the machine did not boot");
        }).run("run", nb);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("the run broke off: the machine did not boot; nothing was saved"), r.err());
        assertArrayEquals(before, Files.readAllBytes(nb));
    }

    private Path exerciseNotebook() throws Exception {
        Notebook nb = Notebook.newEmpty().withCells(List.of(
                ExerciseCells.task("t", "ex", "Free it."),
                ExerciseCells.answer("a", "ex", "// yours", "free_pages(p, 2);"),
                ExerciseCells.check("c", "ex", "check(nr_free_pages() == before, \"every page back\");")));
        Path file = dir.resolve("ex.ipynb");
        new dev.pageframe.notebook.NotebookFiles().save(file, nb);
        return file;
    }

    @Test
    void anUnsolvedExerciseIsReportedButIsNoFailure() throws Exception {
        Path nb = exerciseNotebook();
        Cli.Result r = new Cli().runner(new FakeRunner(Set.of("c"), 0)).run("run", nb);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(nb + ": 0 of 1 exercise solved:"), r.err());
        assertTrue(r.err().contains("  [3/3] exercise ex: not solved yet: no free pages of order 3"), r.err());
        assertEquals("// yours", read(nb).cell("a").orElseThrow().source());
    }

    @Test
    void solutionsRunTheReferenceSolutionIntoOutAndAFailingCheckExits1() throws Exception {
        Path nb = exerciseNotebook();
        byte[] before = Files.readAllBytes(nb);
        Path out = dir.resolve("solved.ipynb");
        FakeRunner runner = new FakeRunner(Set.of("c"), 0);
        Cli.Result r = new Cli().runner(runner).run("run", "--solutions", nb, "-o", out);
        assertEquals(1, r.exit(), r.err());
        assertTrue(runner.options.solutions());
        assertEquals("free_pages(p, 2);", read(out).cell("a").orElseThrow().source());
        assertArrayEquals(before, Files.readAllBytes(nb));

        Cli.Result solved = new Cli().runner(new FakeRunner()).run("run", "--solutions", nb, "-o", out);
        assertEquals(0, solved.exit(), solved.err());
        assertTrue(solved.err().contains("1 of 1 exercise solved with the reference solutions"), solved.err());
    }

    @Test
    void solutionsWithoutOutIsAUsageErrorAndNothingRuns() throws Exception {
        Path nb = exerciseNotebook();
        FakeRunner runner = new FakeRunner();
        Cli.Result r = new Cli().runner(runner).run("run", "--solutions", nb);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--solutions needs --output OUT"), r.err());
        assertEquals(0, runner.calls);
    }
}
