package dev.pageframe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real tools a notebook meets outside Pageframe: Debian's {@code jupyter nbconvert} (6.5), a current
 * nbconvert 7 pip-installed into a virtual environment cached under {@code target/}, and headless
 * Chromium. A test that needs one that is missing is skipped with a message saying what to install.
 */
final class ExternalTools {
    /** Debian's nbconvert entry point (package jupyter-nbconvert), not a pyenv or venv one earlier in PATH. */
    static final Path DEBIAN_NBCONVERT = Path.of("/usr/bin/jupyter-nbconvert");
    /** nbconvert 7.3 is the first release after 6.5.1-7.2's cleaner that empties SVG outputs. */
    static final String NBCONVERT7 = "nbconvert>=7.3";
    static final Path VENV = Path.of("target", "nbconvert7-venv").toAbsolutePath();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** How a command ended and what it printed (stdout and stderr together). */
    record Run(int exit, String output) {
        String tail() {
            String[] lines = output.strip().split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 8), lines.length));
        }
    }

    private ExternalTools() {}

    /** Debian's {@code jupyter-nbconvert}, or the calling test is skipped. */
    static Path debianNbconvert() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(DEBIAN_NBCONVERT),
                "skipped: needs Debian's nbconvert (apt-get install jupyter-nbconvert); " + DEBIAN_NBCONVERT + " is missing");
        Run v = run(List.of(DEBIAN_NBCONVERT.toString(), "--version"), Path.of("."), 120);
        Assumptions.assumeTrue(v.exit() == 0, "skipped: " + DEBIAN_NBCONVERT + " --version failed: " + v.tail());
        return DEBIAN_NBCONVERT;
    }

    /**
     * A current nbconvert 7's {@code jupyter-nbconvert}, from the venv under target/ (made and filled by pip
     * from the machine's configured package sources on first use), or the calling test is skipped.
     */
    static Path currentNbconvert() throws IOException {
        Path exe = VENV.resolve("bin/jupyter-nbconvert");
        Path python = VENV.resolve("bin/python");
        if (!Files.isExecutable(exe) || !isNbconvert7(python)) {
            Run made = run(List.of(systemPython(), "-m", "venv", "--clear", VENV.toString()), Path.of("."), 300);
            Assumptions.assumeTrue(made.exit() == 0, "skipped: cannot make a virtual environment for nbconvert 7"
                    + " (apt-get install python3-venv): " + made.tail());
            Run pip = run(List.of(VENV.resolve("bin/pip").toString(), "install", "--retries", "1", "--timeout", "20",
                    NBCONVERT7), Path.of("."), 1200);
            Assumptions.assumeTrue(pip.exit() == 0, "skipped: pip could not install '" + NBCONVERT7
                    + "' from this machine's package sources: " + pip.tail());
        }
        Assumptions.assumeTrue(isNbconvert7(python), "skipped: the venv's nbconvert is not 7.3 or newer");
        return exe;
    }

    /** The nbconvert version a {@code jupyter-nbconvert} reports. */
    static String version(Path nbconvert) throws IOException {
        return run(List.of(nbconvert.toString(), "--version"), Path.of("."), 120).output().strip();
    }

    /** Headless Chromium, or the calling test is skipped. */
    static Path chromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: needs Chromium for screenshots (apt-get install chromium); " + CHROMIUM + " is missing");
        return CHROMIUM;
    }

    /** Converts {@code notebook} to HTML in {@code outDir} and returns the page. */
    static Path toHtml(Path nbconvert, Path notebook, Path outDir, String name) throws IOException {
        Files.createDirectories(outDir);
        Run r = run(List.of(nbconvert.toString(), "--to", "html", "--output-dir", outDir.toString(), "--output", name,
                notebook.toString()), outDir, 300);
        if (r.exit() != 0) {
            throw new AssertionError(nbconvert + " failed: " + r.output());
        }
        return outDir.resolve(name + ".html");
    }

    /** A screenshot of {@code page} at {@code width} x {@code height} CSS pixels, by headless Chromium. */
    static Path screenshot(Path page, Path png, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            Files.deleteIfExists(png);
            Run r = run(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png.toAbsolutePath(),
                    "--window-size=" + width + "," + height, page.toAbsolutePath().toUri().toString()), png.getParent(), 180);
            if (r.exit() != 0 || !Files.exists(png)) {
                throw new AssertionError("chromium made no screenshot: " + r.output());
            }
            return png;
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean isNbconvert7(Path python) throws IOException {
        if (!Files.isExecutable(python)) {
            return false;
        }
        Run r = run(List.of(python.toString(), "-c",
                "import nbconvert,sys; v=tuple(int(x) for x in nbconvert.__version__.split('.')[:2]); sys.exit(0 if v>=(7,3) else 1)"),
                Path.of("."), 120);
        return r.exit() == 0;
    }

    /** Debian's Python when it can make venvs, else whichever python3 is on PATH. */
    private static String systemPython() throws IOException {
        Run debian = Files.isExecutable(Path.of("/usr/bin/python3"))
                ? run(List.of("/usr/bin/python3", "-c", "import venv, ensurepip"), Path.of("."), 60) : new Run(1, "");
        return debian.exit() == 0 ? "/usr/bin/python3" : "python3";
    }

    static Run run(List<String> cmd, Path dir, int timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile()).redirectErrorStream(true);
        // Debian's tools must find Debian's Python and Jupyter first, not a shim earlier in PATH.
        pb.environment().put("PATH", "/usr/bin:/bin:" + pb.environment().getOrDefault("PATH", ""));
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Path log = Files.createTempFile("tool", ".log");
        try {
            Process p = pb.redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "timed out after " + timeoutSeconds + " s: " + cmd + "\n" + Files.readString(log));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
