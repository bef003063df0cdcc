package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel builds its JShell and compiles while the agent JVM is still starting; an agent that connects late, never,
 * or dies first still gives a working kernel or the start's usual failure.
 */
@Timeout(120)
class LateAgentTest {
    @TempDir
    Path dir;

    /** A {@code java} that waits until the file {@code gate} exists before it starts the agent's JVM. */
    private Path gatedJava(Path gate) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("gated-java");
        Files.writeString(script, "#!/bin/sh\nwhile [ ! -e '" + gate + "' ]; do sleep 0.02; done\nexec '" + java + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private KernelConfig gated(Path gate) throws IOException {
        KernelConfig c = TestKernels.config();
        // Unconfined: the sandbox's launcher would need the script's folder to be a JDK.
        return new KernelConfig(c.startupSnippets(), c.classpath(), c.maxHeap(), c.jvmOptions(), c.interruptGrace(),
                c.startupTimeout(), gatedJava(gate), c.maxStreamChars(), Sandbox.OFF, c.caches(), null, c.boot());
    }

    @Test
    void importsCompileBeforeTheAgentConnectsAndTheRestRunsOnceItDoes() throws Exception {
        Path gate = dir.resolve("gate");
        // Were the start or an import to wait for the agent, this would hang: the gate opens only after both.
        AgentKernel kernel = AgentKernel.start(gated(gate), new OutputRouter(output -> {}));
        try {
            List<SnippetEvent> imported = kernel.shell().eval("import static java.lang.Math.*;");
            assertEquals(Snippet.Status.VALID, imported.get(0).status());
            assertTrue(kernel.connectionFailure().isEmpty());
            Files.createFile(gate);
            List<SnippetEvent> declared = kernel.shell().eval("int answer = abs(-42);");
            assertEquals(Snippet.Status.VALID, declared.get(0).status(), declared.toString());
            assertEquals("42", declared.get(0).value());
            kernel.awaitConnected();
        } finally {
            kernel.close();
        }
    }

    @Test
    void aSessionWhoseAgentConnectsLateRunsItsStartupSnippetsAndCells() throws Exception {
        Path gate = dir.resolve("gate");
        KernelConfig config = gated(gate).withStartupSnippets(List.of("import static java.lang.Math.*;", "int answer = abs(-42);"));
        try (KernelSession session = new KernelSession(config)) {
            var started = session.start();
            Files.createFile(gate);
            started.join();
            CellResult r = TestKernels.run(session, "answer + 1");
            assertTrue(r.ok(), r.toString());
            assertEquals("43", r.executeResult().orElseThrow().text());
        }
    }

    @Test
    void anAgentThatNeverConnectsFailsTheStartWithTheTimeoutEvenWhenASnippetWaitedForIt() throws Exception {
        for (List<String> snippets : List.of(List.of("import static java.lang.Math.*;"), List.of("int x = 1;"))) {
            Set<Long> before = ChildProcesses.alive();
            KernelConfig config = gated(dir.resolve("never")).withStartupTimeout(Duration.ofSeconds(1))
                    .withStartupSnippets(snippets);
            try (KernelSession session = new KernelSession(config)) {
                CompletionException failure = assertThrows(CompletionException.class, () -> session.start().join());
                assertTrue(failure.getCause() instanceof KernelStartException, failure.toString());
                assertEquals("the agent JVM did not connect within 1 s (exit code 137)", failure.getCause().getMessage(),
                        "with " + snippets);
                assertEquals(KernelState.DEAD, session.state());
            }
            assertEquals(Set.of(), ChildProcesses.startedSince(before), "the agent that never connected is gone");
        }
    }

    @Test
    void anAgentThatDiesBeforeConnectingFailsTheStartWithItsLastWordsEvenWhenASnippetWaitedForIt() {
        KernelConfig config = TestKernels.config().withMaxHeap("lots").withStartupSnippets(List.of("int x = 1;"));
        try (KernelSession session = new KernelSession(config)) {
            CompletionException failure = assertThrows(CompletionException.class, () -> session.start().join());
            String message = failure.getCause().getMessage();
            assertTrue(message.startsWith("the agent JVM failed to start (exit code 1)"), message);
            assertTrue(message.contains("Invalid maximum heap size"), message);
        }
    }
}
