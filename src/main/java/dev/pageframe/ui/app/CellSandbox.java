package dev.pageframe.ui.app;

import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.NotebookExecution;
import dev.pageframe.execution.Sandbox;
import dev.pageframe.notebook.MachineSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The app's sandbox setting (Run ▸ Sandbox Cells), kept in {@code settings.properties} beside the trust records,
 * and the one notice per run of the app that cells are not sandboxed. A kernel follows the setting from its next
 * start or restart.
 */
public final class CellSandbox {
    static final String FILE = "settings.properties";
    static final String KEY = "cells.sandbox";
    static final String OFF_WARNING = "Sandbox off: cells started from now on can read and write your files, run programs"
            + " and use the network";

    private final Path file;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final AtomicBoolean noticed = new AtomicBoolean();

    private CellSandbox(Path file, boolean on) {
        this.file = file;
        enabled.set(on);
        if (file != null) {
            enabled.addListener((obs, was, now) -> save(now));
        }
    }

    /** The setting stored in {@code configDir} (on when there is none). */
    public static CellSandbox load(Path configDir) {
        Path file = configDir.resolve(FILE);
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                // An unreadable settings file keeps the safe default.
            }
        }
        return new CellSandbox(file, !"false".equals(p.getProperty(KEY, "true").strip()));
    }

    /** On, and kept nowhere: for tests and for environments without a settings folder. */
    public static CellSandbox inMemory() {
        return new CellSandbox(null, true);
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** What the kernels the app starts from now on will ask. */
    public Sandbox sandbox() {
        return Sandbox.following(enabled::get);
    }

    /** Sessions for the app: the notebook's machine, in the sandbox when the setting says so. */
    public Function<MachineSpec, KernelSession> sessions() {
        Sandbox sandbox = sandbox();
        return machine -> new KernelSession(NotebookExecution.config(machine).withSandbox(sandbox));
    }

    /**
     * {@code sessions}, saying through {@code notice} (once per run of the app) when a session's cells will not be
     * sandboxed, and why.
     */
    public Function<MachineSpec, KernelSession> noticing(Function<MachineSpec, KernelSession> sessions,
            Consumer<String> notice) {
        return machine -> {
            KernelSession session = sessions.apply(machine);
            var status = session.sandbox();
            if (!status.confined() && noticed.compareAndSet(false, true)) {
                String summary = status.summary();
                notice.accept(Character.toUpperCase(summary.charAt(0)) + summary.substring(1));
            }
            return session;
        };
    }

    private void save(boolean on) {
        try {
            Files.createDirectories(file.getParent());
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
            }
            p.setProperty(KEY, Boolean.toString(on));
            StringWriter text = new StringWriter();
            p.store(text, "Pageframe settings");
            Path temp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
            Files.writeString(temp, text.toString());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
