package dev.pageframe.ui.app;

import dev.pageframe.execution.KernelSession;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookTrust;
import dev.pageframe.ui.docs.DocsLibrary;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the app talks to outside itself: the trust store, notebook files, the documentation, file choosers,
 * kernels, a background executor for I/O, and the web browser. Tests build one with a temporary trust
 * directory and fixed files.
 *
 * @param docs      loads the documentation (called once, off the FX thread)
 * @param browser   opens a web address
 * @param documents the folder where Save first offers to put a notebook that has no file yet (a copy of a bundled
 *                  notebook, a new one); made when first needed
 * @param sandbox   the Sandbox Cells setting (the real sessions follow it)
 * @param userData  recovery copies and exercise progress
 */
public record AppEnvironment(NotebookTrust trust, NotebookFiles files, Supplier<DocsLibrary> docs, FileDialogs dialogs,
        Function<MachineSpec, KernelSession> sessions, ExecutorService background, Consumer<String> browser,
        Path documents, CellSandbox sandbox, UserData userData) {

    /** With the sandbox setting on and kept nowhere. */
    public AppEnvironment(NotebookTrust trust, NotebookFiles files, Supplier<DocsLibrary> docs, FileDialogs dialogs,
            Function<MachineSpec, KernelSession> sessions, ExecutorService background, Consumer<String> browser,
            Path documents, UserData userData) {
        this(trust, files, docs, dialogs, sessions, background, browser, documents, CellSandbox.inMemory(), userData);
    }

    /** The trust store's directory: {@code -Dpageframe.config.dir}, else the user's config directory. */
    public static final String CONFIG_DIR_PROPERTY = "pageframe.config.dir";

    public AppEnvironment {
        Objects.requireNonNull(trust);
        Objects.requireNonNull(files);
        Objects.requireNonNull(docs);
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(sessions);
        Objects.requireNonNull(background);
        Objects.requireNonNull(browser);
        Objects.requireNonNull(documents);
        Objects.requireNonNull(sandbox);
        Objects.requireNonNull(userData);
    }

    /** The environment of a real run, configured from system properties. */
    public static AppEnvironment fromSystem(Consumer<String> browser) {
        String dir = System.getProperty(CONFIG_DIR_PROPERTY);
        NotebookTrust records = dir == null || dir.isBlank() ? NotebookTrust.forCurrentUser() : new NotebookTrust(Path.of(dir));
        // A bundled notebook opened by path (./pageframe notebooks/tour.ipynb) is as trusted as the untitled copy.
        NotebookTrust trust = records.withBundled(BundledNotebooks::all);
        CellSandbox sandbox = CellSandbox.load(records.configDir());
        return new AppEnvironment(trust, new NotebookFiles(), DocsLibrary::locate, FileDialogs.system(),
                sandbox.sessions(), newBackground(), browser, UserDocuments.folder(), sandbox, UserData.forCurrentUser());
    }

    /** Daemon threads for file, trust and kernel housekeeping, so none of it runs on the FX thread. */
    public static ExecutorService newBackground() {
        return Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("pageframe-io-", 0).factory());
    }

    public AppEnvironment withDialogs(FileDialogs newDialogs) {
        return new AppEnvironment(trust, files, docs, newDialogs, sessions, background, browser, documents, sandbox,
                userData);
    }
}
