package dev.pageframe.execution.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program started confined from a thread of this JVM: it is held by the policy, this JVM is not, and nothing of
 * this JVM's open files reaches it. Needs Landlock (Linux 5.13 or later).
 */
@Timeout(60)
class ConfinedProcessTest {
    private static final Path SH = Path.of("/bin/sh");
    private static final Path CAT = Path.of("/bin/cat");

    @TempDir
    Path dir;

    private Path allowed;
    private Path secret;

    @BeforeEach
    void landlockAndFiles() throws IOException {
        assumeTrue(Landlock.probe().available(), "no Landlock here: " + Landlock.probe().reason());
        allowed = Files.createDirectory(dir.resolve("allowed"));
        Files.writeString(allowed.resolve("note.txt"), "in the sandbox\n");
        secret = Files.writeString(dir.resolve("secret.txt"), "outside\n");
    }

    private SandboxPolicy policy() {
        return new SandboxPolicy(List.of(allowed), List.of(), List.of(SH, CAT), List.of());
    }

    private ConfinedProcess start(String script) throws Exception {
        return ConfinedProcess.start(policy(), List.of(SH.toString(), "-c", script), Map.of("LANG", "C.UTF-8"), allowed);
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the program ended");
        return out;
    }

    @Test
    void theProgramReadsOnlyWhatThePolicyAllowsWhileThisJvmStillReadsEverything() throws Exception {
        ConfinedProcess p = start("cat note.txt; cat " + secret + " || echo refused");
        String out = output(p);
        assertTrue(out.startsWith("in the sandbox\n"), out);
        assertTrue(out.contains("Permission denied") && out.endsWith("refused\n"), "the secret stays out: " + out);
        assertFalse(out.contains("outside"), out);
        assertEquals("outside\n", Files.readString(secret), "this JVM is not confined");
    }

    @Test
    void everyThreadOfThisJvmStaysFreeAndTheConfiningThreadIsGone() throws Exception {
        // As free as the process was made: compared with its first thread, as a container may start it with a filter.
        List<String> before = confinement(Path.of("/proc/self/status"));
        output(start("true"));
        List<String> differing = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    List<String> seen = confinement(task.resolve("status"));
                    if (!seen.equals(before)) {
                        differing.add(task.getFileName() + ": " + seen);
                    }
                } catch (NoSuchFileException e) {
                    // a thread that ended after the listing
                }
            }
        }
        assertEquals(List.of(), differing, "threads of this JVM confined unlike the process (" + before + ")");
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("pageframe-sandbox-spawn")));
    }

    /** A task's no_new_privs and seccomp lines. */
    private static List<String> confinement(Path status) throws IOException {
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("NoNewPrivs:") || l.startsWith("Seccomp")).toList();
    }

    @Test
    void noFileThisJvmHasOpenReachesTheProgram() throws Exception {
        try (FileChannel held = FileChannel.open(secret, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // cat waits on its standard input, so its descriptors can be looked at while it runs.
            ConfinedProcess p = ConfinedProcess.start(policy(), List.of(CAT.toString()), Map.of(), allowed);
            List<String> targets = new ArrayList<>();
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
                for (Path fd : fds.toList()) {
                    targets.add(fd.getFileName() + " -> " + Files.readSymbolicLink(fd));
                }
            }
            p.getOutputStream().close();
            output(p);
            assertTrue(held.isOpen());
            assertEquals(3, targets.size(), "standard input, output and error only: " + targets);
            assertTrue(targets.stream().allMatch(t -> t.contains("pipe:")), targets.toString());
        }
    }

    @Test
    void standardInputReachesTheProgramAndOutputAndErrorComeBackTogether() throws Exception {
        ConfinedProcess p = start("cat; echo to-error >&2");
        try (OutputStream in = p.getOutputStream()) {
            in.write("hello\n".getBytes(UTF_8));
        }
        assertEquals("hello\nto-error\n", output(p));
        assertEquals(0, p.exitValue());
    }

    @Test
    void theExitStatusAndASignalsNumberAreReportedAsJavaDoes() throws Exception {
        ConfinedProcess exits = start("exit 3");
        assertEquals(3, exits.waitFor());
        assertEquals(3, exits.onExit().get(30, TimeUnit.SECONDS).exitValue());
        assertFalse(exits.isAlive());

        ConfinedProcess waits = start("read line");
        assertTrue(waits.isAlive());
        assertThrows(IllegalThreadStateException.class, waits::exitValue);
        assertFalse(waits.waitFor(10, TimeUnit.MILLISECONDS));
        waits.destroy();
        assertEquals(128 + 15, waits.waitFor());
        waits.destroyForcibly(); // the pid may be another process's by now: nothing is sent
        ConfinedProcess killed = start("read line");
        killed.destroyForcibly();
        assertEquals(128 + 9, killed.waitFor());
    }

    @Test
    void aProgramThePolicyDoesNotLetRunIsRefusedWithTheReason() {
        SandboxPolicy noExec = new SandboxPolicy(List.of(allowed), List.of(), List.of(), List.of());
        SandboxException e = assertThrows(SandboxException.class,
                () -> ConfinedProcess.start(noExec, List.of(SH.toString(), "-c", "true"), Map.of(), allowed));
        assertEquals("posix_spawn failed: Permission denied", e.getMessage());
    }
}
