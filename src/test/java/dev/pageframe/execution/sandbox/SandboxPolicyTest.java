package dev.pageframe.execution.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxPolicyTest {
    @Test
    void theLauncherReadsBackThePolicyAndTheCommandItWasGiven() {
        SandboxPolicy policy = new SandboxPolicy(List.of(Path.of("/opt/jdk"), Path.of("/a b/app.jar")),
                List.of(Path.of("/tmp/s")), List.of(Path.of("/opt/jdk/bin/java")), List.of(4711));
        List<String> command = List.of("/opt/jdk/bin/java", "--", "-cp", "x", "Main");
        SandboxPolicy.Launch launch = SandboxPolicy.parse(policy.toArguments(command));
        assertEquals(policy, launch.policy());
        assertEquals(command, launch.command());
    }

    @Test
    void aPolicyWithoutACommandIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SandboxPolicy.parse(List.of("--read", "/x", "--")));
        assertEquals("no command after --", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SandboxPolicy.parse(List.of("--bogus", "1", "--", "java")));
    }

    @Test
    void theJavaLauncherNamesAnInterpreterTheKernelMustBeAllowedToExecute() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (System.getProperty("os.name").startsWith("Linux")) {
            Path interpreter = JvmFiles.interpreter(java).orElseThrow();
            assertTrue(interpreter.isAbsolute() && Files.exists(interpreter), interpreter.toString());
            assertTrue(JvmFiles.mappedFiles().contains(java.toRealPath()), "this JVM's own binary is mapped");
        }
        assertEquals(Optional.empty(), JvmFiles.interpreter(Path.of("pom.xml")), "not an ELF file");
    }
}
