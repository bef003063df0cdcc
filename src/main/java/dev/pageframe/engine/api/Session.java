package dev.pageframe.engine.api;

import dev.pageframe.engine.Era;
import dev.pageframe.engine.Initcall;
import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.ProgressSink;
import dev.pageframe.engine.Sizes;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's one explicit session: the machine that notebook cells in this JVM talk to. Cells
 * reach it through {@link KernelApi}'s static functions, so cell code reads like driver code.
 */
public final class Session {
    private static Kernel current;
    private static ProgressSink progress = ProgressSink.NONE;

    private Session() {}

    /** Boots a fresh machine and makes it current. */
    public static synchronized Kernel boot(String profile, String memory, long seed, Initcall... initcalls) {
        return boot(MachineProfiles.byName(profile), Sizes.parse(memory), seed, initcalls);
    }

    public static synchronized Kernel boot(MachineProfile profile, long memoryBytes, long seed, Initcall... initcalls) {
        return boot(profile, memoryBytes, 0, seed, initcalls);
    }

    /** Boots with the mem= option (memLimit bytes managed, 0 = all). */
    public static synchronized Kernel boot(MachineProfile profile, long memoryBytes, long memLimit, long seed,
                                           Initcall... initcalls) {
        long tables = MachineProfiles.mem_map_bytes(profile.name(), memoryBytes);
        if (current != null && tables > 0
                && tables + MachineProfiles.mem_map_bytes(current.profile().name(), current.memoryBytes())
                    > Runtime.getRuntime().maxMemory() / 2) {
            // Two machines this large would not fit one heap (a 1 TiB machine's kernel is sized for one of them), and
            // the machine being replaced is of no use once its successor boots: a failed boot then leaves none.
            current = null;
        }
        current = Kernel.boot(profile, memoryBytes, memLimit, seed, List.of(initcalls));
        return current;
    }

    /**
     * Boots the machine booted last again: its profile, memory and seed, with mem= (memLimit bytes managed, 0 = all)
     * and these init functions built in. The old machine is not held while its successor boots.
     */
    public static synchronized Kernel reboot(long memLimit, Initcall... initcalls) {
        return reboot(memLimit, 0, initcalls);
    }

    /**
     * As {@link #reboot(long, Initcall...)}, with vmalloc= (vmallocReserve bytes of vmalloc space, 0 = the profile's
     * default). Options are those of this boot only: a later reboot without them boots the profile as it ships.
     */
    public static synchronized Kernel reboot(long memLimit, long vmallocReserve, Initcall... initcalls) {
        Kernel old = lastBooted();
        MachineProfile shipped = MachineProfiles.find(old.profile().name()).orElse(old.profile());
        MachineProfile profile = vmallocReserve > 0 ? shipped.withVmallocReserve(vmallocReserve) : shipped;
        long memory = old.memoryBytes();
        long seed = old.seed();
        old = null;
        return boot(profile, memory, memLimit, seed, initcalls);
    }

    /** The current machine; an error if none was booted, or if it panicked and is halted. */
    public static synchronized Kernel kernel() {
        Kernel k = lastBooted();
        if (k.panicked() != null) {
            throw new IllegalStateException("the simulated kernel panicked (\"Kernel panic - not syncing: "
                + k.panicked() + "\") and is halted: call reboot() to boot the same machine again, "
                + "or restart the notebook's kernel");
        }
        return k;
    }

    /** The machine booted last, even one that has panicked: what reboot() boots again. */
    public static synchronized Kernel lastBooted() {
        if (current == null) {
            throw new IllegalStateException("no simulated machine is running: boot one with "
                + "Session.boot(\"x86_64\", \"1G\", 0)");
        }
        return current;
    }

    public static synchronized boolean booted() {
        return current != null;
    }

    public static synchronized void progressSink(ProgressSink sink) {
        progress = sink == null ? ProgressSink.NONE : sink;
    }

    public static synchronized ProgressSink progress() {
        return progress;
    }

    /**
     * JShell snippets that put the kernel API in scope for cells on this profile: the era's GFP
     * names, the API functions and the profile's page constants ({@link PageConstants}).
     */
    public static List<String> prelude(MachineProfile profile) {
        List<String> s = new ArrayList<>();
        s.add("import dev.pageframe.engine.*;");
        s.add("import static dev.pageframe.engine.api.KernelApi.*;");
        s.add(switch (profile.era()) {
            case MODERN -> "import static dev.pageframe.engine.Gfp.*;";
            case LINUX_2_0 -> "import static dev.pageframe.engine.Gfp20.*;";
            case LINUX_1_2 -> "import static dev.pageframe.engine.Gfp12.*;";
        });
        // The era's own name for a cleared page: get_free_page before 2.4, get_zeroed_page now.
        s.add(profile.era() == Era.MODERN ? "import static dev.pageframe.engine.api.ModernApi.*;"
            : "import static dev.pageframe.engine.api.LegacyApi.*;");
        // Constants, as in the kernel's headers (a cell cannot assign them), and imports: no class to load and run.
        s.add(PageConstants.importFor(profile));
        return s;
    }
}
