package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.execution.ChildProcesses;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pageframe run} end to end: real kernel sessions, real files. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RunWithKernelTest {
    @TempDir
    Path dir;

    private Path write(String name, MachineSpec machine, String... cells) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode metadata = Notebook.newEmpty().withMachine(machine).metadata();
        // As some tools leave it: the language's name alone (a run fills in the rest).
        metadata.putObject("language_info").put("name", "java");
        Notebook nb = Notebook.newEmpty().withMetadata(metadata);
        for (String src : cells) {
            nb = nb.insertCell(nb.cells().size(), Cell.code(src));
        }
        Path p = dir.resolve(name);
        new NotebookFiles().save(p, nb);
        return p;
    }

    private final Cli cli = new Cli().runners(NotebookRunner::installed);

    @Test
    void goodNotebookRunsInPlaceWithOutputsAndCounts() throws Exception {
        Path p = write("good.ipynb", MachineSpec.of("x86_64", "256M"),
            "long buf = __get_free_pages(GFP_KERNEL, 3);", "cat(\"/proc/buddyinfo\");\nfree_pages(buf, 3);", "display(zones());");
        Cli.Result r = cli.run("run", p);
        assertEquals(0, r.exit(), r.err());
        Notebook out = new NotebookFiles().load(p).notebook();
        assertEquals(List.of(1, 2, 3), out.cells().stream().map(Cell::executionCount).toList());
        assertEquals(Notebook.newEmpty().metadata().get("language_info"), out.metadata().get("language_info"),
                "the kernel's language_info, as nbclient records it");
        Output.Stream s = (Output.Stream) out.cells().get(1).outputs().getFirst();
        assertTrue(s.text().contains("Node 0, zone    DMA32"), s.text());
        assertInstanceOf(Output.DisplayData.class, out.cells().get(2).outputs().getFirst());
        assertTrue(r.err().contains("[3/3]") || r.err().contains("3/3"), r.err());
    }

    @Test
    void aRefusedNotebookSaysWhereAndLeavesNoAgentRunning() throws Exception {
        // The agent's JVM starts while the notebook is read; a notebook that is refused must end it.
        for (Path refused : List.of(Cli.malformed(dir), RunSemanticsTest.python(dir))) {
            Set<Long> before = ChildProcesses.alive();
            Cli.Result r = cli.run("run", refused);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith(refused + ": "), r.err());
            Set<Long> left = ChildProcesses.startedSince(before);
            assertEquals(Set.of(), left, "no process of the run is left once it returns");
        }
    }

    @Test
    void aTerabyteMachineBootsInAKernelGivenTheHeapItsFrameTableNeeds() throws Exception {
        // 1 TiB of frames needs a 2 GiB frame table, twice the kernel JVM's default heap: the agent is launched with
        // what the machine needs (AgentHeap), not the agent launched while the notebook was read.
        Path p = write("big.ipynb", MachineSpec.of("x86_64", "64M"),
                "System.out.println(nr_free_pages() > 268_000_000L);",
                // The heap holds one such machine, not two: a reboot lets the old one go before the new one boots.
                "reboot();\nSystem.out.println(nr_free_pages() > 268_000_000L);");
        Cli.Result r = cli.run("run", p, "--memory", "1T");
        assertEquals(0, r.exit(), r.err());
        Notebook out = new NotebookFiles().load(p).notebook();
        for (Cell cell : out.cells()) {
            Output.Stream s = (Output.Stream) cell.outputs().getFirst();
            assertEquals("true\n", s.text(), "1 TiB less what boot keeps is free");
        }
    }

    @Test
    void aMachineTheEngineRefusesIsNamedAndNothingIsSaved() throws Exception {
        Path p = write("huge.ipynb", MachineSpec.of("x86_64", "64M"), "System.out.println(1);");
        byte[] before = java.nio.file.Files.readAllBytes(p);
        Cli.Result r = cli.run("run", p, "--memory", "2T");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(p + ": cannot boot the machine: x86_64 supports 2M to 1T of memory, not 2T; nothing"
                + " was run"), r.err());
        assertFalse(r.err().contains("broke off"), "refused before a kernel starts, not as a crash: " + r.err());
        assertArrayEquals(before, java.nio.file.Files.readAllBytes(p));
    }

    @Test
    void aRunLeavesNoAgentRunning() throws Exception {
        Path p = write("one.ipynb", MachineSpec.DEFAULT, "System.out.println(6 * 7);");
        Set<Long> before = ChildProcesses.alive();
        Cli.Result r = cli.run("run", p);
        assertEquals(0, r.exit(), r.err());
        Set<Long> left = ChildProcesses.startedSince(before);
        assertEquals(Set.of(), left);
    }


    @Test
    void failingCellExitsNonZeroAndNamesTheCell() throws Exception {
        Path p = write("bad.ipynb", MachineSpec.of("x86_64", "256M"),
            "long p = kmalloc(32, GFP_KERNEL);", "kfree(p);\nkfree(p);", "System.out.println(\"never\");");
        String failingId = new NotebookFiles().load(p).notebook().cells().get(1).id();
        Path out = dir.resolve("out.ipynb");
        Cli.Result r = cli.run("run", p, "-o", out);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("cell " + failingId + ", line 2: "), "the line of the second kfree: " + r.err());
        Notebook result = new NotebookFiles().load(out).notebook();
        assertInstanceOf(Output.ErrorOutput.class, result.cells().get(1).outputs().getFirst());
        assertTrue(result.cells().get(2).outputs().isEmpty(), "execution stops at the first failure");
    }

    @Test
    void systemExitInACellFailsTheRunButNotTheCommand() throws Exception {
        Path p = write("exit.ipynb", MachineSpec.DEFAULT, "System.exit(3);");
        Cli.Result r = cli.run("run", p);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().toLowerCase().contains("exit") || r.err().contains("KernelDied"), r.err());
    }

    @Test
    void statementCellsRunTogetherYetEachKeepsItsOutputsCountAndError() throws Exception {
        // Consecutive cells of statements alone run as one JShell eval (CellBatch); a markdown cell between them
        // does not run, and the cell that throws is the one that fails, with its own line.
        Notebook nb = Notebook.newEmpty().withMachine(MachineSpec.DEFAULT);
        for (Cell c : List.of(Cell.code("System.out.println(\"one\");"), Cell.markdown("Between."),
                Cell.code("long s = 0;\nfor (int i = 0; i < 10; i++) {\n    s += i;\n}\nSystem.out.println(s);"),
                Cell.code("System.out.println(\"three\");\nInteger.parseInt(\"x\");"),
                Cell.code("System.out.println(\"four\");"))) {
            nb = nb.insertCell(nb.cells().size(), c);
        }
        Path p = dir.resolve("batch.ipynb");
        new NotebookFiles().save(p, nb);
        Path saved = dir.resolve("batch.out.ipynb");
        Cli.Result r = cli.run("run", p, "-o", saved);
        assertEquals(1, r.exit(), r.err());
        Notebook out = new NotebookFiles().load(saved).notebook();
        assertEquals(Arrays.asList(1, null, 2, 3, null), out.cells().stream().map(Cell::executionCount).toList());
        assertEquals("one\n", ((Output.Stream) out.cells().get(0).outputs().getFirst()).text());
        assertEquals("45\n", ((Output.Stream) out.cells().get(2).outputs().getFirst()).text());
        List<Output> failed = out.cells().get(3).outputs();
        assertEquals("three\n", ((Output.Stream) failed.getFirst()).text());
        Output.ErrorOutput error = (Output.ErrorOutput) failed.get(1);
        assertEquals("java.lang.NumberFormatException", error.ename());
        assertTrue(error.traceback().stream().anyMatch(l -> l.contains("(cell [3], line 2)")), error.traceback().toString());
        assertEquals(List.of(), out.cells().get(4).outputs(), "the cell after the failure did not run");

        Cli.Result all = cli.run("run", p, "--allow-errors");
        assertEquals(1, all.exit(), all.err());
        Notebook again = new NotebookFiles().load(p).notebook();
        assertEquals(Arrays.asList(1, null, 2, 3, 4), again.cells().stream().map(Cell::executionCount).toList());
        assertEquals("four\n", ((Output.Stream) again.cells().get(4).outputs().getFirst()).text());
    }

    @Test
    void aBatchedCellsProgressIsLoggedUnderThatCell() throws Exception {
        Path p = write("progress.ipynb", MachineSpec.DEFAULT, "System.out.println(1);",
                "progress(1, 2, \"halfway\");\nprogress(2, 2, \"halfway\");", "System.out.println(3);");
        Cli.Result r = cli.run("run", p);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.err().lines().toList();
        int first = indexOf(lines, "[1/3]");
        int bar = indexOf(lines, "halfway");
        int second = indexOf(lines, "[2/3]");
        assertTrue(first >= 0 && first < bar && bar < second, "the report between its cell's neighbours: " + r.err());
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theTimeoutIsPerCellInsideABatch() throws Exception {
        // Two cells of 1 s each run in one batch under a 1.5 s limit: the clock starts again at each cell.
        Path p = write("late-loop.ipynb", MachineSpec.DEFAULT, "Thread.sleep(1000);\nSystem.out.println(1);",
                "Thread.sleep(1000);\nSystem.out.println(2);", "System.out.println(3);\nwhile (true) {}");
        Path saved = dir.resolve("late-loop.out.ipynb");
        Cli.Result r = cli.run("run", p, "--timeout", "1.5", "-o", saved);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("Timeout"), r.err());
        Notebook out = new NotebookFiles().load(saved).notebook();
        assertEquals(List.of(1, 2, 3), out.cells().stream().map(Cell::executionCount).toList());
        assertEquals("2\n", ((Output.Stream) out.cells().get(1).outputs().getFirst()).text());
        Output.ErrorOutput stopped = (Output.ErrorOutput) out.cells().get(2).outputs().get(1);
        assertEquals("Interrupted", stopped.ename(), stopped.toString());
        assertEquals("the cell ran longer than 1.5 s (--timeout) and was interrupted at line 2", stopped.evalue());
        assertTrue(stopped.traceback().getFirst().contains("ran longer than 1.5 s (--timeout)"), stopped.traceback().toString());
    }

    @Test
    void aCellsClockStartsWhenTheCellDoesNotWhileTheKernelStartsAndCompiles() throws Exception {
        // The batch's compile (and the kernel's start before it) take longer than this limit; the cells themselves far less.
        Path p = write("quick.ipynb", MachineSpec.DEFAULT, "System.out.println(1);", "System.out.println(2);",
                "System.out.println(3);");
        Cli.Result r = cli.run("run", p, "--timeout", "0.1");
        assertEquals(0, r.exit(), r.err());
        Notebook out = new NotebookFiles().load(p).notebook();
        assertEquals(List.of(1, 2, 3), out.cells().stream().map(Cell::executionCount).toList());
        assertEquals(Notebook.newEmpty().metadata().get("language_info"), out.metadata().get("language_info"),
                "the kernel's language_info, as nbclient records it");
        assertEquals("3\n", ((Output.Stream) out.cells().get(2).outputs().getFirst()).text());
    }

    @Test
    void timeoutInterruptsARunawayCell() throws Exception {
        Path p = write("loop.ipynb", MachineSpec.DEFAULT, "while (true) {}");
        Cli.Result r = cli.run("run", p, "--timeout", "1.5");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("Timeout"), r.err());
        assertTrue(r.err().contains("longer than 1.5 s"), "the limit as the user gave it: " + r.err());
    }

    @Test
    void aSumTooLongForTheCompilerIsItsCellsErrorAndTheRunIsSaved() throws Exception {
        String sum = "int x = 0" + " + 1".repeat(50_000) + ";";
        Path p = write("long.ipynb", MachineSpec.DEFAULT, "int a = 1;", sum, "a");
        Path saved = dir.resolve("long.out.ipynb");
        Cli.Result r = cli.run("run", p, "-o", saved);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("too deeply"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("StackOverflowError") || r.err().contains("broke off"), r.err());
        Notebook out = new NotebookFiles().load(saved).notebook();
        assertEquals(1, out.cells().get(0).executionCount(), "the cell that ran before is saved");
        assertInstanceOf(Output.ErrorOutput.class, out.cells().get(1).outputs().getFirst());
    }

    @Test
    void machineOptionsOverrideTheNotebookAndAreRecorded() throws Exception {
        Path p = write("old.ipynb", MachineSpec.DEFAULT, "GFP_KERNEL");
        Cli.Result r = cli.run("run", p, "--machine", "i386-linux-2.0", "--memory", "16M");
        assertEquals(0, r.exit(), r.err());
        Notebook out = new NotebookFiles().load(p).notebook();
        assertEquals(MachineSpec.of("i386-linux-2.0", "16M"), out.machine());
        Output.ExecuteResult v = (Output.ExecuteResult) out.cells().getFirst().outputs().getFirst();
        assertEquals("3", v.data().text("text/plain").orElseThrow());
    }

    @Test
    void malformedNotebookIsLeftUntouched() throws Exception {
        Path p = dir.resolve("broken.ipynb");
        Files.writeString(p, "{\n \"cells\": [\n  {\"cell_type\": \"code\",\n");
        byte[] before = Files.readAllBytes(p);
        Cli.Result r = cli.run("run", p);
        assertEquals(2, r.exit());
        assertArrayEquals(before, Files.readAllBytes(p));
    }
}
