package dev.pageframe.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.notebook.recovery.RecoveryEntry;
import dev.pageframe.notebook.recovery.RecoveryStore;
import dev.pageframe.ui.app.MainWindow;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.app.NotebookTab;
import dev.pageframe.ui.notebook.RunState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The desktop app told to end by a signal (a session logout, {@code kill}, Ctrl+C in its terminal, the terminal
 * closing) ends in order, in a JVM of its own: it keeps a recovery copy of the edit made a moment before, stops its
 * kernel's processes, logs no exception and exits with status 0, where the JVM's default would have exited with
 * 128 + the signal's number after its shutdown hooks raced the FX thread.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TerminationTest {
    @TempDir
    Path dir;

    /** The app with a notebook open: it runs the first cell, then edits it, then says {@code ready}. */
    public static final class Child extends PageframeApp {
        @Override
        public void start(Stage stage) throws IOException {
            super.start(stage);
            Path file = Path.of(getParameters().getUnnamed().getFirst()).toAbsolutePath();
            MainWindow window = (MainWindow) stage.getScene().getRoot();
            window.tabs().getTabs().addListener(new ListChangeListener<Tab>() {
                @Override
                public void onChanged(Change<? extends Tab> c) {
                    for (Tab t : window.tabs().getTabs()) {
                        if (t instanceof NotebookTab tab && file.equals(tab.document().file())) {
                            window.tabs().getTabs().removeListener(this);
                            runThenEdit(tab);
                            return;
                        }
                    }
                }
            });
        }

        private static void runThenEdit(NotebookTab tab) {
            CellModel cell = tab.document().cells().getFirst();
            cell.runStateProperty().addListener((obs, was, now) -> {
                if (now == RunState.IDLE && !cell.outputs().isEmpty()) {
                    cell.sourceProperty().set(cell.source() + " // edited");
                    System.out.println("ready");
                    System.out.flush();
                }
            });
            tab.document().run(List.of(cell));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    void aSignalEndsTheAppInOrderKeepingTheLatestEditForTheNextStart(String signal) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = dir.resolve("mine.ipynb");
        Notebook notebook = Notebook.newEmpty().withCells(List.of(Cell.code("System.out.println(\"hello\");")));
        new NotebookFiles().save(file, notebook);
        new NotebookTrust(config).sign(new NotebookFiles().load(file).notebook());
        byte[] original = Files.readAllBytes(file);

        Process app = startApp(LaunchChild.class, config, data, file.toString());
        try {
            List<ProcessHandle> kernels;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("ready")) {
                    // the app's own output before the cell has run and been edited
                }
                assertEquals("ready", line, "the app ended before its cell ran: " + errors());
                kernels = app.descendants().toList();
                assertFalse(kernels.isEmpty(), "the cell ran in a kernel process of its own");

                new ProcessBuilder("kill", "-s", signal, Long.toString(app.pid())).inheritIO().start().waitFor();
                assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the app did not end within 60 s of SIG" + signal);
            }
            String errors = errors();
            assertEquals(0, app.exitValue(), "the app's own exit, not the JVM's default for SIG" + signal + ":\n" + errors);
            assertFalse(errors.contains("Exception") || errors.contains("\tat "), "it logged an exception:\n" + errors);
            for (ProcessHandle kernel : kernels) {
                CompletableFuture<ProcessHandle> gone = kernel.onExit();
                gone.get(20, TimeUnit.SECONDS);
            }

            RecoveryStore store = new RecoveryStore(data.resolve("recovery"), new NotebookFiles(), Clock.systemUTC(),
                    ProcessHandle.current().pid(), pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            List<RecoveryEntry> left = store.leftOver();
            assertEquals(1, left.size(), "one copy, for the edited notebook: " + left);
            assertEquals(file, left.getFirst().original());
            String source = store.load(left.getFirst()).notebook().cells().getFirst().source();
            assertTrue(source.endsWith("// edited"), "the copy holds the edit made just before the signal: " + source);
            assertArrayEquals(original, Files.readAllBytes(file), "the notebook itself is not written");
        } finally {
            app.destroyForcibly();
            app.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The app whose orderly exit never ends: its stop() blocks the FX thread. */
    public static final class StuckChild extends PageframeApp {
        @Override
        public void start(Stage stage) throws IOException {
            super.start(stage);
            System.out.println("ready");
            System.out.flush();
        }

        @Override
        public void stop() {
            System.out.println("stopping");
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aSecondSignalEndsAnAppWhoseOrderlyExitIsStuckAtOnce() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Process app = startApp(LaunchStuckChild.class, config, data);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine(), () -> "the app did not start: " + errors());
            new ProcessBuilder("kill", "-s", "TERM", Long.toString(app.pid())).start().waitFor();
            String line;
            while ((line = out.readLine()) != null && !line.equals("stopping")) {
                // whatever the app printed before its exit began
            }
            assertEquals("stopping", line, () -> "the first signal began the orderly exit: " + errors());
            assertFalse(app.waitFor(1, TimeUnit.SECONDS), "the stuck exit holds the app");
            new ProcessBuilder("kill", "-s", "TERM", Long.toString(app.pid())).start().waitFor();
            // Well inside the 15 s grace after the first signal, which would end it too.
            assertTrue(app.waitFor(10, TimeUnit.SECONDS), "a second signal ends it at once");
            assertEquals(128 + 15, app.exitValue(), "the status a shell expects of a process ended by SIGTERM");
        } finally {
            app.destroyForcibly();
        }
    }

    /**
     * The app in a JVM of its own, headless (Monocle), with its settings and data in {@code config} and {@code data};
     * its errors go to stderr.txt.
     */
    private Process startApp(Class<?> main, Path config, Path data, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // What the jar's manifest gives the app under java -jar (Enable-Native-Access, Add-Opens).
                "--enable-native-access=ALL-UNNAMED", "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED",
                "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dpageframe.config.dir=" + config, "-Dpageframe.data.dir=" + data,
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    private String errors() {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Starts {@link StuckChild}. */
    public static final class LaunchStuckChild {
        public static void main(String[] args) {
            Application.launch(StuckChild.class, args);
        }
    }

    /** Starts {@link Child} as the app's launcher starts the app. */
    public static final class LaunchChild {
        public static void main(String[] args) {
            Application.launch(Child.class, args);
        }
    }
}
