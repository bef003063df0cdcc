package dev.pageframe.ui.app;

import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.NotebookExecution;
import dev.pageframe.execution.Sandbox;
import dev.pageframe.notebook.MachineSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

    /** The setting stored in {@code configDir} (on when there is none, or the file cannot be read). */
    public static CellSandbox load(Path configDir) {
        Path file = configDir.resolve(FILE);
        boolean on = ConfigFiles.properties(file).map(p -> !"false".equals(p.getProperty(KEY, "true").strip()))
                .orElse(true);
        return new CellSandbox(file, on);
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
        // Other settings in the file stay; a damaged file is replaced by one holding this setting.
        Properties p = ConfigFiles.properties(file).orElseGet(Properties::new);
        p.setProperty(KEY, Boolean.toString(on));
        try {
            StringWriter text = new StringWriter();
            p.store(text, "Pageframe settings");
            ConfigFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
