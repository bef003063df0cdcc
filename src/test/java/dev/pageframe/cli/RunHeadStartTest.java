package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.execution.ChartFormat;
import dev.pageframe.execution.ChildProcesses;
import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.sandbox.Landlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pageframe run} launches the agent's JVM ahead: before its options are parsed, and while it reads the notebook. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunHeadStartTest {
    @TempDir
    Path dir;

    @Test
    void nothingIsLaunchedAheadForAnotherCommandHelpOrAMissingFile() throws Exception {
        Path nb = Files.writeString(dir.resolve("a.ipynb"), "{}");
        Set<Long> before = ChildProcesses.alive();
        for (List<String> args : List.<List<String>>of(List.of(), List.of("run"), List.of("validate", nb.toString()),
                List.of("run", "--help", nb.toString()), List.of("run", "-V", nb.toString()),
                List.of("run", dir.resolve("missing.ipynb").toString()), List.of("run", dir.toString()))) {
            assertTrue(ExecutionRunner.ahead(args.toArray(String[]::new)).isEmpty(), args.toString());
        }
        assertEquals(before, ChildProcesses.alive());
    }

    @Test
    void theRunKeepsTheAgentLaunchedAheadWhenItsOptionsWantTheSameOne() throws Exception {
        Path nb = Files.writeString(dir.resolve("a.ipynb"), "{}");
        ExecutionRunner.Ahead ahead = ExecutionRunner.ahead(new String[] {"run", nb.toString(), "--timeout", "5"})
                .orElseThrow();
        try (NotebookRunner.HeadStart head = ahead.head()) {
            var launched = ahead.runner().launching();
            ahead.runner().prepare(new RunOptions(null, null, java.time.Duration.ofSeconds(5)));
            assertSame(launched, ahead.runner().launching(), "the same launch, not a second one");
        }
    }

    @Test
    void optionsThatWantAnotherAgentEndTheOneLaunchedAhead() throws Exception {
        Path nb = Files.writeString(dir.resolve("a.ipynb"), "{}");
        Set<Long> before = ChildProcesses.alive();
        ExecutionRunner.Ahead ahead = ExecutionRunner.ahead(new String[] {"run", nb.toString()}).orElseThrow();
        var guessed = ahead.runner().launching();
        RunOptions unsandboxed = new RunOptions(null, null, null, false, dev.pageframe.execution.ChartFormat.PNG,
                false, false);
        try (NotebookRunner.HeadStart head = ahead.runner().prepare(unsandboxed)) {
            assertNotSame(guessed, ahead.runner().launching());
        }
        ahead.head().close();
        Set<Long> left = ChildProcesses.startedSince(before);
        assertEquals(Set.of(), left, "both launches ended");
    }

    @Test
    void aRunWithTheRunnerLaunchedAheadRunsAndLeavesNothingRunning() throws Exception {
        Path nb = dir.resolve("one.ipynb");
        new dev.pageframe.notebook.NotebookFiles().save(nb, dev.pageframe.notebook.Notebook.newEmpty()
                .insertCell(0, dev.pageframe.notebook.Cell.code("System.out.println(6 * 7);")));
        Set<Long> before = ChildProcesses.alive();
        String[] args = {"run", nb.toString()};
        ExecutionRunner.Ahead ahead = ExecutionRunner.ahead(args).orElseThrow();
        Cli.Result r;
        try (NotebookRunner.HeadStart head = ahead.head()) {
            r = new Cli().runner(ahead.runner()).run((Object[]) args);
        }
        assertEquals(0, r.exit(), r.err());
        assertTrue(ahead.runner().launching().taken(), "the run's session took the agent launched ahead");
        var out = new dev.pageframe.notebook.NotebookFiles().load(nb).notebook().cells().getFirst().outputs();
        assertEquals("42\n", ((dev.pageframe.notebook.Output.Stream) out.getFirst()).text());
        Set<Long> left = ChildProcesses.startedSince(before);
        assertEquals(Set.of(), left);
    }


    @Test
    void theRunsAgentGetsTheBatchJvmOptionsInOrOutOfTheSandbox() {
        ExecutionRunner runner = new ExecutionRunner(() -> new Landlock.Support(0, "none"));
        RunOptions unsandboxed = new RunOptions(null, null, null, false, ChartFormat.PNG, false, false);
        for (RunOptions opts : List.of(RunOptions.DEFAULTS, unsandboxed)) {
            assertEquals(KernelConfig.BATCH_JVM_OPTIONS,
                    runner.kernelConfig(opts).jvmOptions(), opts.toString());
        }
    }
}
