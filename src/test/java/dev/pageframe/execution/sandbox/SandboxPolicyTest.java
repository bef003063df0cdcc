package dev.pageframe.execution.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxPolicyTest {
    @Test
    void onlyTheSystemsLibrariesAndLocaleDataAmongTheMappedFilesArePassedOn() throws Exception {
        assertTrue(JvmFiles.systemFile(Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6")));
        assertTrue(JvmFiles.systemFile(Path.of("/lib64/ld-linux-x86-64.so.2")));
        assertTrue(JvmFiles.systemFile(Path.of("/usr/lib/locale/C.utf8/LC_CTYPE")));
        // The desktop app maps its fonts, GTK's caches and JavaFX's libraries unpacked into the user's home folder.
        assertFalse(JvmFiles.systemFile(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")));
        assertFalse(JvmFiles.systemFile(Path.of("/home/ada/.openjfx/cache/25.0.2/amd64/libglass.so")));
        assertFalse(JvmFiles.systemFile(Path.of("/usr/lib/../../home/ada/secret.so")));
        assertFalse(JvmFiles.systemFile(Path.of("/usr/library/x.so")));
        assertFalse(JvmFiles.systemFile(Path.of("usr/lib/libc.so.6")));

        if (System.getProperty("os.name").startsWith("Linux")) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            SandboxPolicy policy = new SandboxPolicy(List.of(Path.of("/opt/jdk")), List.of(), List.of(java), List.of());
            SandboxPolicy completed = JvmFiles.completed(policy, List.of(java.toString()));
            List<Path> added = completed.readOnly().subList(1, completed.readOnly().size());
            assertTrue(added.stream().anyMatch(p -> p.getFileName().toString().startsWith("libc.so")), added.toString());
            assertTrue(added.stream().allMatch(JvmFiles::systemFile), added.toString());
            assertTrue(completed.executable().contains(JvmFiles.interpreter(java).orElseThrow()));
        }
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
