package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.sandbox.Landlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A kernel without Landlock, played by a probe: cells run unconfined, and the session says so. */
@Timeout(120)
class NoLandlockTest {
    private static final Landlock.Support NONE =
            new Landlock.Support(0, "this Linux kernel has no Landlock (it needs 5.13 or later, built with it)");

    @TempDir
    Path dir;

    @Test
    void withoutLandlockTheSessionSaysCellsAreNotSandboxedAndTheyRunUnconfined() throws Exception {
        Path host = Files.writeString(dir.resolve("host.txt"), "host file");
        KernelConfig config = TestKernels.config().withSandbox(Sandbox.ON.withProbe(() -> NONE));
        Set<Long> before = ChildProcesses.alive();
        try (KernelSession session = new KernelSession(config)) {
            SandboxStatus status = session.sandbox();
            assertFalse(status.confined());
            assertEquals("cells are not sandboxed: " + NONE.reason(), status.summary());
            CellResult read = session.execute("java.nio.file.Files.readString(java.nio.file.Path.of(\""
                    + host + "\"))").join();
            assertEquals("\"host file\"", read.executeResult().orElseThrow().text(), read.toString());
            CellResult where = session.execute("System.getProperty(\"user.dir\")").join();
            assertFalse(where.executeResult().orElseThrow().text().contains(Scratch.PREFIX), "no scratch folder");
        }
        // The sandbox's launcher starts while the host asks for Landlock, and is ended when the answer is no.
        assertEquals(Set.of(), ChildProcesses.startedSince(before), "no JVM left behind");
    }

    @Test
    void turnedOffTheSandboxIsNotAskedForAndSaysSo() {
        AtomicBoolean asked = new AtomicBoolean();
        SandboxStatus status = new Sandbox(() -> false, () -> {
            asked.set(true);
            return new Landlock.Support(7, "");
        }).status();
        assertFalse(status.confined());
        assertFalse(asked.get(), "no probe when the user turned it off");
        assertTrue(status.summary().startsWith("cells are not sandboxed: the sandbox is turned off"), status.summary());
    }

    @Test
    void aSettingChangedBetweenStartsHoldsFromTheNextStart() {
        AtomicBoolean setting = new AtomicBoolean(true);
        Sandbox sandbox = Sandbox.following(setting::get).withProbe(() -> new Landlock.Support(7, ""));
        assertTrue(sandbox.status().confined());
        setting.set(false);
        assertFalse(sandbox.status().confined());
    }

    @Test
    void beforeAbiFourTheSummarySaysTheNetworkIsOpen() {
        SandboxStatus status = Sandbox.ON.withProbe(() -> new Landlock.Support(3, "")).status();
        assertTrue(status.confined());
        assertTrue(status.summary().contains("cannot limit network connections"), status.summary());
    }
}
