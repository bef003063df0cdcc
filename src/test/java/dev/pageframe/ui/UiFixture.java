package dev.pageframe.ui;

import static org.junit.jupiter.api.Assertions.fail;

import atlantafx.base.theme.PrimerLight;
import dev.pageframe.execution.NotebookExecution;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.ui.app.AppEnvironment;
import dev.pageframe.ui.app.FileDialogs;
import dev.pageframe.ui.app.MainWindow;
import dev.pageframe.ui.app.NotebookTab;
import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.notebook.CellEditor;
import dev.pageframe.ui.notebook.CellModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One Pageframe window for a test class: a temporary trust store and documentation, file choosers that
 * answer from a queue, and helpers that read the UI on the FX thread and wait on conditions (never sleep).
 */
public final class UiFixture {
    public static final int KERNEL_SECONDS = 60;

    public final Path root;
    public final Path configDir;
    public final Path contentDir;
    public final NotebookTrust trust;
    public final Deque<Path> chosenFiles = new ArrayDeque<>();
    /** Each save dialog the app asked for: its title, suggested name and the folder it opened in. */
    public final Deque<List<String>> saveDialogs = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** The user's Pageframe documents folder for this window (not made until the app needs it). */
    public final Path documents;
    /** Recovery copies and exercise progress, in this window's own folder; copies written 300 ms after a change. */
    public final dev.pageframe.ui.app.UserData userData;
    /** Processes the recovery store takes for dead: add this one's pid to play the next start after a crash. */
    public final Set<Long> crashed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public final FxRobot robot = new FxRobot();
    private final ExecutorService background = AppEnvironment.newBackground();
    public MainWindow window;
    public Stage stage;
    /** The environment the window was made with (a test may make a second window with it). */
    public AppEnvironment env;

    private UiFixture() throws IOException {
        root = Files.createTempDirectory("pageframe-ui-test");
        configDir = root.resolve("config");
        contentDir = root.resolve("content");
        documents = root.resolve("home/Documents/Pageframe");
        userData = new dev.pageframe.ui.app.UserData(new dev.pageframe.notebook.recovery.RecoveryStore(
                root.resolve("data/recovery"), new NotebookFiles(), java.time.Clock.systemUTC(),
                ProcessHandle.current().pid(), pid -> !crashed.contains(pid) && ProcessHandle.of(pid).isPresent()),
                new dev.pageframe.notebook.exercise.ExerciseProgress(root.resolve("data/exercises")),
                java.time.Duration.ofMillis(300));
        trust = new NotebookTrust(configDir).withBundled(dev.pageframe.ui.app.BundledNotebooks::all);
        writeDocs(contentDir);
    }

    /**
     * Shows the main window for a screenshot run: on a headless screen of 1440x900 unless {@code -Dheadless.geometry}
     * says otherwise (it counts only if the toolkit is not running yet).
     */
    public static UiFixture startForScreenshots() throws Exception {
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1440x900-32"));
        return start();
    }

    /** The folder {@code -Dpageframe.screenshots} names, made if it is missing. */
    public static Path screenshotFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("pageframe.screenshots")));
    }

    /** Shows a fresh main window on TestFX's stage. */
    public static UiFixture start() throws Exception {
        UiFixture f = new UiFixture();
        f.stage = FxToolkit.registerPrimaryStage();
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Path chooseNotebookToOpen(Window owner, Path initialDir) {
                return f.chosenFiles.poll();
            }

            @Override
            public Path chooseSaveLocation(Window owner, String title, String name, Path dir, String ext) {
                f.saveDialogs.add(List.of(title, name, String.valueOf(dir)));
                return f.chosenFiles.poll();
            }
        };
        AppEnvironment env = new AppEnvironment(f.trust, new NotebookFiles(), () -> DocsLibrary.fromDirectory(f.contentDir),
                dialogs, NotebookExecution::session, f.background, url -> { }, f.documents, f.userData);
        f.env = env;
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            f.window = new MainWindow(env);
            Scene scene = new Scene(f.window, 1240, 780);
            scene.getStylesheets().add(PageframeApp.stylesheet());
            stage.setScene(scene);
            f.window.attach(stage);
            stage.show();
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
        f.window.docsLoaded().get(20, TimeUnit.SECONDS);
        return f;
    }

    /** Documentation pages like content/, small enough to know by heart. */
    static void writeDocs(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("index.md"), """
                # Pageframe documentation

                Start here. Read about [kmalloc](kmalloc.md) or the [kmalloc API](api/kmalloc.md).
                """);
        Files.writeString(dir.resolve("kmalloc.md"), """
                # kmalloc

                `kmalloc(size, gfp)` is the kernel's malloc, served from size classes called slabs.

                ## Size classes

                Requests round up to the next class; see [the API page](api/kmalloc.md).
                """);
        Files.writeString(dir.resolve("gfp-flags.md"), """
                # GFP flags

                GFP flags say how hard the allocator may try and which zones it may use.
                """);
        Files.writeString(dir.resolve("api/kmalloc.md"), """
                # kmalloc

                Allocates at least `size` bytes of physically contiguous kernel memory from the slab size classes.

                ## Signature

                `long kmalloc(long size, int gfp)`. Free it with [kfree](kfree.md).
                """);
        Files.writeString(dir.resolve("api/Charts.line.md"), """
                # Charts.line

                Starts a line chart: one or more series of values over x, each drawn as a line.
                """);
        Files.writeString(dir.resolve("api/kfree.md"), """
                # kfree

                Gives memory from kmalloc back to its size class.
                """);
        Files.writeString(dir.resolve("api/__get_free_pages.md"), """
                # __get_free_pages

                Allocates 2^order physically contiguous pages and returns the virtual address of the first.
                """);
    }

    // ---- FX thread helpers ----

    /** Runs {@code action} on the FX thread and returns its result. */
    public <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX action failed: " + e, e);
        }
    }

    public void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    /** Starts {@code action} on the FX thread without waiting (for actions that open a modal dialog). */
    public void fxLater(Runnable action) {
        javafx.application.Platform.runLater(action);
    }

    /** Waits until {@code condition} (read on the FX thread) holds, failing with {@code what} after the timeout. */
    public void waitUntil(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            fail("Timed out after " + seconds + " s waiting until " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(what, 10, condition);
    }

    // ---- notebooks ----

    public Path writeNotebook(String name, List<Cell> cells) throws IOException {
        Path file = root.resolve(name);
        new NotebookFiles().save(file, Notebook.newEmpty().withCells(cells));
        return file;
    }

    /** Writes a notebook and records it as signed here, as if the user made it. */
    public Path writeTrustedNotebook(String name, List<Cell> cells) throws IOException {
        Path file = writeNotebook(name, cells);
        trust.sign(new NotebookFiles().load(file).notebook());
        return file;
    }

    public NotebookTab open(Path file) throws Exception {
        CompletableFuture<NotebookTab> tab = fx(() -> window.open(file));
        NotebookTab t = tab.get(20, TimeUnit.SECONDS);
        waitUntil("the notebook's first page, outline and docs are shown", 20, () -> window.settled());
        return t;
    }

    /** A new untitled notebook with one empty code cell, trusted. */
    public NotebookTab newNotebook() {
        NotebookTab t = fx(() -> window.newNotebook());
        waitUntil("the new notebook's page is in its tab", () -> window.settled());
        return t;
    }

    public CellModel cell(NotebookTab tab, int index) {
        return fx(() -> tab.document().cells().get(index));
    }

    public CellEditor editor(NotebookTab tab, int index) {
        return fx(() -> tab.view().editorOf(tab.document().cells().get(index)));
    }

    /** The built view of a cell (building it if needed). */
    public Node view(NotebookTab tab, int index) {
        return fx(() -> {
            CellModel c = tab.document().cells().get(index);
            tab.view().editorOf(c);
            return tab.view().viewOf(c);
        });
    }

    /** Clicks into a cell's editor at the end of its text. */
    public CellEditor clickIntoEditor(NotebookTab tab, int index) {
        CellEditor ed = editor(tab, index);
        // A focus request made while the window is still settling (a closed dialog, a rebuilt card)
        // can be dropped; ask again until the editor really has the focus.
        for (int attempt = 0; attempt < 4; attempt++) {
            fxRun(() -> {
                window.getScene().getWindow().requestFocus();
                tab.view().edit(tab.document().cells().get(index), true);
            });
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(ed::isFocused));
                WaitForAsyncUtils.waitForFxEvents();
                return ed;
            } catch (TimeoutException e) {
                // try again
            }
        }
        fail("Timed out waiting until the editor of cell " + index + " has the focus");
        return ed;
    }

    /** Text of all labels under {@code node}, joined with newlines. */
    public String textUnder(Node node) {
        return fx(() -> texts(node));
    }

    private static String texts(Node node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString();
    }

    private static void collect(Node node, StringBuilder sb) {
        if (node instanceof Labeled l && l.getText() != null && l.isVisible()) {
            sb.append(l.getText()).append('\n');
        } else if (node instanceof javafx.scene.text.Text t && t.getText() != null) {
            sb.append(t.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, sb);
            }
        }
    }

    /** The text of the outputs of a cell. */
    public String outputText(NotebookTab tab, int index) {
        Node v = view(tab, index);
        return fx(() -> {
            StringBuilder sb = new StringBuilder();
            for (Node n : v.lookupAll(".cell-output")) {
                sb.append(texts(n));
            }
            return sb.toString();
        });
    }

    public String prompt(NotebookTab tab, int index) {
        Node v = view(tab, index);
        return fx(() -> ((Label) v.lookup(".cell-prompt")).getText());
    }

    /** Closes every tab without asking, stopping their kernels. */
    public void closeAllTabs() {
        fxRun(() -> List.copyOf(window.tabs().getTabs()).forEach(t -> window.closeTab((NotebookTab) t)));
    }

    /** Closes any dialogs left open by a failed test. */
    public void closeDialogs() {
        fxRun(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                } else if (w instanceof javafx.stage.PopupWindow p) {
                    // A tooltip or menu left showing would eat the next test's first Escape.
                    p.hide();
                }
            }
        });
    }

    /** Stops the kernels, closes the window's tabs and deletes the temporary files. */
    public void close() throws Exception {
        closeDialogs();
        List<CompletableFuture<Void>> closing = fx(() -> window.shutdown());
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        closeAllTabs();
        FxToolkit.cleanupStages();
        background.shutdownNow();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Files in a directory, for checking that saves leave no temporary files behind. */
    public static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }
}
