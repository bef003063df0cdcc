package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.KernelConfig;
import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.Sandbox;
import dev.pageframe.execution.sandbox.Landlock;
import dev.pageframe.notebook.MachineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sandbox Cells setting: kept across runs of the app, followed by new kernels, and its one notice. */
class CellSandboxTest {
    @TempDir
    Path config;

    @Test
    void theSettingIsOnByDefaultAndTurningItOffIsKeptForTheNextRun() throws Exception {
        CellSandbox first = CellSandbox.load(config);
        assertTrue(first.enabledProperty().get());
        first.enabledProperty().set(false);
        assertTrue(Files.readString(config.resolve(CellSandbox.FILE)).contains("cells.sandbox=false"));
        CellSandbox next = CellSandbox.load(config);
        assertFalse(next.enabledProperty().get());
        assertFalse(next.sandbox().status().confined());
        assertTrue(next.sandbox().status().summary().contains("turned off"));
    }

    @Test
    void aDamagedSettingsFileKeepsTheSandboxOnAndIsReplacedOnTheNextChange() throws Exception {
        Files.writeString(config.resolve(CellSandbox.FILE), "cells.sandbox=false\nbroken=\\u12\n");
        CellSandbox setting = CellSandbox.load(config);
        assertTrue(setting.enabledProperty().get(), "a file Properties cannot read keeps the safe default");
        setting.enabledProperty().set(false);
        assertFalse(CellSandbox.load(config).enabledProperty().get(), "the change was written whole");
    }

    @Test
    void anotherSettingInTheFileSurvivesAChange() throws Exception {
        Files.writeString(config.resolve(CellSandbox.FILE), "other.setting=kept\n");
        CellSandbox.load(config).enabledProperty().set(false);
        String text = Files.readString(config.resolve(CellSandbox.FILE));
        assertTrue(text.contains("other.setting=kept") && text.contains("cells.sandbox=false"), text);
    }

    @Test
    void kernelsFollowTheSettingAtTheirNextStart() {
        CellSandbox setting = CellSandbox.load(config);
        Sandbox sandbox = setting.sandbox().withProbe(() -> new Landlock.Support(7, ""));
        assertTrue(sandbox.status().confined());
        setting.enabledProperty().set(false);
        assertFalse(sandbox.status().confined());
    }

    @Test
    void theAppsKernelForALargeMachineGetsTheHeapItsFrameTableNeeds() {
        Function<MachineSpec, KernelSession> sessions = CellSandbox.load(config).sessions();
        try (KernelSession small = sessions.apply(MachineSpec.of("x86_64", "256M"));
             KernelSession large = sessions.apply(MachineSpec.of("x86_64", "1T"))) {
            assertEquals(KernelConfig.DEFAULT_MAX_HEAP, small.config().agentMaxHeap());
            // 268,697,600 frames at eight bytes, and 448 MiB for the cells: a 1 GiB kernel could not boot it.
            assertEquals("2499m", large.config().agentMaxHeap());
        }
    }

    @Test
    void withoutLandlockTheAppSaysSoOnceHoweverManyNotebooksRun() {
        Landlock.Support none = new Landlock.Support(0, "this Linux kernel has no Landlock (it needs 5.13 or later,"
                + " built with it)");
        Function<MachineSpec, KernelSession> sessions = machine ->
                new KernelSession(KernelConfig.defaults().withSandbox(Sandbox.ON.withProbe(() -> none)));
        List<String> notices = new ArrayList<>();
        Function<MachineSpec, KernelSession> noticing = CellSandbox.inMemory().noticing(sessions, notices::add);
        for (int i = 0; i < 3; i++) {
            noticing.apply(MachineSpec.DEFAULT).close();
        }
        assertEquals(List.of("Cells are not sandboxed: " + none.reason()), notices);
    }

    @Test
    void sandboxedSessionsBringNoNotice() {
        Function<MachineSpec, KernelSession> sessions = machine -> new KernelSession(
                KernelConfig.defaults().withSandbox(Sandbox.ON.withProbe(() -> new Landlock.Support(7, ""))));
        List<String> notices = new ArrayList<>();
        CellSandbox.inMemory().noticing(sessions, notices::add).apply(MachineSpec.DEFAULT).close();
        assertEquals(List.of(), notices);
    }
}
