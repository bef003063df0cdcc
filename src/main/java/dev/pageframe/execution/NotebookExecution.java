package dev.pageframe.execution;

import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.api.Session;
import dev.pageframe.notebook.MachineSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A kernel session set up for one notebook's simulated machine: the agent boots the machine and
 * puts the kernel API in scope before the first cell, and again on every restart.
 */
public final class NotebookExecution {
    /**
     * What a notebook cell has in scope besides the engine's prelude: {@code display(...)} and the
     * other cell functions, and the chart builders. notebooks/CheckNotebooks.java uses the same list.
     */
    public static final List<String> CELL_IMPORTS = List.of(
            "import static dev.pageframe.execution.cells.CellApi.*;",
            "import dev.pageframe.execution.display.Charts;",
            "import dev.pageframe.execution.display.Unit;");

    private NotebookExecution() {}

    /**
     * The startup snippets for a machine: the engine prelude and the cell functions, all imports. They need no agent, so
     * they compile while the agent JVM is still starting (see {@link AgentKernel#start}) and booting the machine
     * ({@link #boot}).
     */
    public static List<String> startupSnippets(MachineSpec machine) {
        MachineProfile profile = MachineProfiles.byName(machine.profile());
        List<String> s = new ArrayList<>(Session.prelude(profile));
        s.addAll(CELL_IMPORTS);
        return s;
    }

    /** What the agent boots for a machine before the first cell (and again at every restart). */
    public static MachineBoot boot(MachineSpec machine, long seed) {
        return new MachineBoot(MachineProfiles.byName(machine.profile()).name(), machine.memoryBytes(), seed);
    }

    /** A kernel configuration for the machine, with the defaults for everything else. */
    public static KernelConfig config(MachineSpec machine) {
        return KernelConfig.defaults().withStartupSnippets(startupSnippets(machine)).withBoot(boot(machine, 0));
    }

    /** A new, not yet started session for the machine. */
    public static KernelSession session(MachineSpec machine) {
        return new KernelSession(config(machine));
    }
}
