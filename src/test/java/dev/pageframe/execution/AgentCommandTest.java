package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.agent.AgentMain;
import dev.pageframe.execution.agent.AgentProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {
    @TempDir
    Path dir;

    /** The sandboxed agent's own command. */
    private static List<String> agentPart(AgentCommand.Confined confined) {
        return confined.command();
    }

    @Test
    void aRecordingSandboxedAgentGetsTheRecordOptionsAndMayWriteIntoTheCacheFolder() throws IOException {
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Path caches = Files.createDirectory(dir.resolve("caches"));
        KernelConfig config = KernelConfig.defaults().withCaches(new KernelCaches(caches, true));
        AgentCommand.Confined confined = AgentCommand.sandboxed(config, 4242, scratch);
        List<String> agent = agentPart(confined);
        assertTrue(agent.contains("-XX:AOTMode=record"), agent.toString());
        assertTrue(agent.contains("-XX:AOTConfiguration=" + caches.resolve(KernelCaches.AGENT_CONFIGURATION)),
                agent.toString());
        // The options come before the main class, where the JVM reads them.
        assertTrue(agent.indexOf("-XX:AOTMode=record") < agent.indexOf("dev.pageframe.execution.agent.AgentMain"));
        assertTrue(confined.policy().readWrite().contains(caches), confined.policy().toString());
    }

    @Test
    void fromClassFoldersTheSandboxedAgentGetsNoCacheOptions() throws IOException {
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        // Tests run from class folders, for which no cache is ever used.
        KernelConfig config = KernelConfig.defaults().withCaches(new KernelCaches(dir, false));
        Files.writeString(dir.resolve(KernelCaches.AGENT), "");
        List<String> command = AgentCommand.sandboxed(config, 4242, scratch).command();
        assertFalse(command.stream().anyMatch(o -> o.startsWith("-XX:AOT")), command.toString());
    }

    @Test
    void anUnconfinedAgentNeverRecordsOrUsesTheSandboxedAgentsCache() {
        KernelConfig config = KernelConfig.defaults().withCaches(new KernelCaches(dir, true));
        List<String> command = AgentCommand.plain(config, 4242);
        assertFalse(command.stream().anyMatch(o -> o.startsWith("-XX:AOT")), command.toString());
    }

    @Test
    void aBatchRunsAgentStartsWithASmallYoungGenerationAndNoJsonWarmUpAndTheAppsKeepsTheDefaults() throws IOException {
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        KernelConfig batch = KernelConfig.defaults().withJvmOptions(KernelConfig.BATCH_JVM_OPTIONS)
                .withCaches(KernelCaches.NONE);
        String main = AgentMain.class.getName();
        for (List<String> agent : List.of(agentPart(AgentCommand.sandboxed(batch, 4242, scratch)),
                AgentCommand.plain(batch, 4242))) {
            int newSize = agent.indexOf("-XX:NewSize=4m");
            assertTrue(newSize > 0 && newSize < agent.indexOf(main), agent.toString());
            assertTrue(agent.contains("-XX:+UseSerialGC"), agent.toString());
            assertTrue(agent.contains("-Xmx1g"), "the maximum heap is unchanged: " + agent);
            assertFalse(agent.stream().anyMatch(o -> o.contains(AgentProtocol.WARM_UP_JSON_PROPERTY)), agent.toString());
        }
        KernelConfig app = KernelConfig.defaults().withCaches(KernelCaches.NONE);
        for (List<String> agent : List.of(agentPart(AgentCommand.sandboxed(app, 4242, scratch)),
                AgentCommand.plain(app, 4242))) {
            assertFalse(agent.stream().anyMatch(o -> o.startsWith("-XX:NewSize")), agent.toString());
            int warmUp = agent.indexOf("-D" + AgentProtocol.WARM_UP_JSON_PROPERTY + "=true");
            assertTrue(warmUp > 0 && warmUp < agent.indexOf(AgentMain.class.getName()),
                    "the app's agent warms Jackson up for its first chart: " + agent);
        }
    }
}
