package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python 3 with Jupyter's own libraries (python3-nbformat, python3-nbclient, python3-ipykernel),
 * the reference that differential tests compare Pageframe with. Tests that need a module it lacks are
 * skipped with a message naming the Debian package to install.
 */
public final class DebianPython {
    /** Debian's interpreter: the one its python3-* packages install into (not a pyenv or venv one). */
    public static final String PYTHON = "/usr/bin/python3";

    /** What a script printed and how it ended. */
    public record Result(int exit, String out, String err) {}

    private DebianPython() {}

    /** Skips the calling test unless every module imports; {@code packages} names what to install. */
    public static void assume(String modules, String packages) {
        boolean present;
        try {
            present = Files.isExecutable(Path.of(PYTHON)) && run(List.of("-c", "import " + modules)).exit() == 0;
        } catch (IOException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "skipped: needs Debian's " + packages + " (apt-get install " + packages
                + "); " + PYTHON + " cannot import " + modules);
    }

    /** Runs a script from the test resources with {@code args}. */
    public static Result runResource(String resource, Path dir, String... args) throws IOException {
        Path script = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = DebianPython.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "no resource " + resource);
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> all = new ArrayList<>(List.of(script.toString()));
        all.addAll(List.of(args));
        return run(all);
    }

    private static Result run(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // The kernel nbclient starts must come from the same Debian installation, not a shim earlier in PATH.
        pb.environment().put("PATH", "/usr/bin:/bin:" + pb.environment().getOrDefault("PATH", ""));
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Path errFile = Files.createTempFile("python-err", ".txt");
        try {
            Process p = pb.redirectError(errFile.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python did not finish in 300 s: " + cmd);
            }
            return new Result(p.exitValue(), out, Files.readString(errFile));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(errFile);
        }
    }
}
