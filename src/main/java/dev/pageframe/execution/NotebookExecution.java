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
     * The startup snippets for a machine: the engine prelude and the cell functions, then boot. Every import comes
     * first: imports need no agent, so they compile while the agent JVM is still starting (see {@link AgentKernel#start}).
     */
    public static List<String> startupSnippets(MachineSpec machine, long seed) {
        MachineProfile profile = MachineProfiles.byName(machine.profile());
        List<String> prelude = Session.prelude(profile);
        List<String> s = new ArrayList<>(prelude.stream().filter(NotebookExecution::isImport).toList());
        s.addAll(CELL_IMPORTS);
        s.addAll(prelude.stream().filter(snippet -> !isImport(snippet)).toList());
        // One snippet, one compile and round trip to the agent.
        s.add("{ dev.pageframe.engine.api.Session.progressSink(dev.pageframe.execution.agent.CellContext::progress);"
            + " dev.pageframe.engine.api.Session.boot(\"" + profile.name() + "\", \"" + machine.memoryBytes() + "\", "
            + seed + "L); }");
        return s;
    }

    private static boolean isImport(String snippet) {
        return snippet.startsWith("import ");
    }

    /** A kernel configuration for the machine, with the defaults for everything else. */
    public static KernelConfig config(MachineSpec machine) {
        return KernelConfig.defaults().withStartupSnippets(startupSnippets(machine, 0));
    }

    /** A new, not yet started session for the machine. */
    public static KernelSession session(MachineSpec machine) {
        return new KernelSession(config(machine));
    }
}
