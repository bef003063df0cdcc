package dev.pageframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's start-from-source promises, run as a newcomer would: {@code ./mvnw} finds JDK 25 with an older
 * {@code java} first on PATH and no JAVA_HOME, and {@code ./pageframe}, {@code ./mvnw} and {@code ./test} say in one
 * line what to install when there is none. (.ci/run starts {@code ./pageframe} the same way once the jar is built,
 * and once more with a source newer than the jar, which rebuilds it: that cannot run inside Maven's own test run.)
 */
class LaunchScriptsTest {
    private static final Path TOP = Path.of("").toAbsolutePath();
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(TOP.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launch", ".out");
        Path err = Files.createTempFile("launch", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void mavenWrapperRunsMavenOnJdk25() throws Exception {
        Run r = run(Map.of(), "./mvnw", "-v");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Java version: 2"), r.out());
        assertTrue(!r.out().contains("Java version: 17"), r.out());
    }

    @Test
    void withoutJdk25EachScriptSaysWhatToInstallInOneLine() throws Exception {
        assumeTrue(Files.isDirectory(JDK17), "stands an older JDK in for the machine's default java");
        Map<String, String> noJdk25 = Map.of("PAGEFRAME_JDK_DIRS", "/nonexistent", "JAVA_HOME", JDK17.toString());
        for (String script : List.of("./pageframe", "./mvnw", "./test")) {
            Run r = run(noJdk25, script, "--version");
            assertEquals(2, r.exit(), script);
            String name = script.substring(2);
            assertEquals(name + ": needs a JDK 25 or newer (found 17 at " + JDK17.toRealPath() + "); install Temurin 25"
                    + " (https://adoptium.net, or apt-get install temurin-25-jdk from Adoptium's repository) or set"
                    + " JAVA_HOME to one, then run again\n", r.err(), script);
            assertEquals("", r.out(), script);
        }
    }
}
