package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent recording its start-up cache's training data (scripts/run-cache.sh) writes it as its JVM exits, so
 * closing must let it exit rather than kill it; any other agent is killed at once.
 */
@Timeout(120)
class KernelCacheRecordingTest {
    private static final int KILLED = 128 + 9;

    @TempDir
    Path dir;

    private static int exitAfterKill(KernelConfig config) {
        AgentProcess agent = AgentProcess.launch(config, line -> {});
        agent.kill();
        return agent.onExit().join().exitValue();
    }

    @Test
    void aRecordingAgentIsLetGoToExitByItself() {
        assumeTrue(Sandbox.ON.status().confined(), "no Landlock here: " + Sandbox.ON.status().summary());
        assertNotEquals(KILLED, exitAfterKill(TestKernels.config().withCaches(new KernelCaches(dir, true))));
    }

    @Test
    void anyOtherAgentIsKilledAtOnce() {
        assertEquals(KILLED, exitAfterKill(TestKernels.config()));
    }
}
