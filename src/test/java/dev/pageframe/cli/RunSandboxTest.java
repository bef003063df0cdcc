package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pageframe.execution.Sandbox;
import dev.pageframe.execution.sandbox.Landlock;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pageframe run} and the sandbox: on by default, {@code --no-sandbox}, and a kernel without Landlock. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RunSandboxTest {
    @TempDir
    Path dir;

    private Path notebookReading(Path file) throws Exception {
        Notebook nb = Notebook.newEmpty().withMachine(MachineSpec.DEFAULT);
        nb = nb.insertCell(0, Cell.code("java.nio.file.Files.readString(java.nio.file.Path.of(\"" + file + "\"))"));
        Path p = dir.resolve("reads.ipynb");
        new NotebookFiles().save(p, nb);
        return p;
    }

    private static String firstOutput(Path notebook) throws Exception {
        Output out = new NotebookFiles().load(notebook).notebook().cells().getFirst().outputs().getFirst();
        if (out instanceof Output.ExecuteResult result) {
            return result.data().text("text/plain").orElse("");
        }
        return out instanceof Output.ErrorOutput e ? e.ename() + ": " + e.evalue() : out.toString();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void byDefaultACellCannotReadTheUsersFilesAndRunSaysNothingAboutIt() throws Exception {
        assumeTrue(Sandbox.ON.status().confined(), "needs Landlock");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "private");
        Path nb = notebookReading(secret);
        Path saved = dir.resolve("reads.out.ipynb");
        Cli.Result r = new Cli().runners(NotebookRunner::installed).run("run", nb, "-o", saved);
        assertEquals(1, r.exit(), r.err());
        assertTrue(firstOutput(saved).startsWith("java.nio.file.AccessDeniedException: " + secret + ": the sandbox"),
                firstOutput(saved));
        assertFalse(r.err().contains("warning"), r.err());
    }

    @Test
    void noSandboxWarnsOnceAndLetsTheCellRead() throws Exception {
        Path file = Files.writeString(dir.resolve("data.txt"), "host data");
        Path nb = notebookReading(file);
        Cli.Result r = new Cli().runners(NotebookRunner::installed).run("run", "--no-sandbox", nb);
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, count(r.err(), "warning: --no-sandbox: cells run with your full rights"), r.err());
        assertTrue(firstOutput(nb).contains("host data"), firstOutput(nb));
    }

    @Test
    void withoutLandlockRunSaysOnceThatCellsAreNotSandboxed() throws Exception {
        Landlock.Support none = new Landlock.Support(0, "this Linux kernel has no Landlock (it needs 5.13 or later,"
                + " built with it)");
        Path file = Files.writeString(dir.resolve("data.txt"), "host data");
        Path nb = notebookReading(file);
        Cli.Result r = new Cli().runner(new ExecutionRunner(() -> none)).run("run", nb);
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, count(r.err(), "warning: cells are not sandboxed: " + none.reason()), r.err());
        assertTrue(firstOutput(nb).contains("host data"), "unconfined: " + firstOutput(nb));
    }

    @Test
    void theHelpExplainsNoSandbox() {
        Cli.Result r = new Cli().run("run", "--help");
        assertTrue(r.out().contains("--no-sandbox"), r.out());
    }
}
