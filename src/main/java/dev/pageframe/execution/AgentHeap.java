package dev.pageframe.execution;

import dev.pageframe.engine.MachineProfiles;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent JVM's heap: the configured maximum, raised for a machine whose page-frame tables need more. The tables
 * grow with the simulated memory at eight bytes per frame, so a 1 TiB machine needs a 2 GiB mem_map: a kernel with
 * the default 1 GiB heap could not boot it, although the engine can.
 *
 * @param maxBytes the {@code -Xmx}, in bytes; -1 for a value the JVM is left to refuse
 * @param xmx      the same as the JVM option's value: as configured, or in whole MiB where raised
 */
record AgentHeap(long maxBytes, String xmx) {
    /**
     * What a raised heap holds besides the machine's tables: the cells' own objects, the engine's other state and
     * JShell's classes. Half of it may be young generation ({@link #YOUNG_LIMIT}). A 1 TiB machine's tables take
     * 2,051 MiB, so its agent gets 2,499 MiB: within the 2.5 GiB the engine's goal allows it.
     */
    static final long HEADROOM = 448L << 20;

    /**
     * The serial collector keeps a third of the heap for the young generation by default, and the tables, a few
     * arrays as large as the machine, can only live in the old one: with -Xmx2560m a 1 TiB machine's two 1 GiB
     * arrays did not fit beside an 853 MiB young generation (OutOfMemoryError), and did with a quarter of it.
     */
    static final String YOUNG_LIMIT = "-XX:MaxNewSize=" + (HEADROOM >> 21) + "m";

    private static final Pattern JVM_SIZE = Pattern.compile("(\\d+)([kmgt]?)");

    /** The heap for a session's agent: its configured maximum, or what the machine it boots needs if that is more. */
    static AgentHeap of(KernelConfig config) {
        long configured = parse(config.maxHeap());
        if (configured < 0) {
            // Not a size this class reads: the JVM refuses it at start, in its own words ("Invalid maximum heap size").
            return new AgentHeap(configured, config.maxHeap());
        }
        MachineBoot boot = config.boot();
        long tables = boot == null ? 0 : MachineProfiles.mem_map_bytes(boot.profile(), boot.memoryBytes());
        long needed = tables == 0 ? 0 : roundUpToMiB(tables + HEADROOM);
        return needed > configured ? new AgentHeap(needed, (needed >> 20) + "m") : new AgentHeap(configured, config.maxHeap());
    }

    /** Whether the heap is above the default's, so raised for a machine's tables. */
    boolean raised() {
        return maxBytes > parse(KernelConfig.DEFAULT_MAX_HEAP);
    }

    /** The agent JVM's heap options: {@code -Xmx}, and the young generation's limit for a raised heap. */
    List<String> options() {
        return raised() ? List.of("-Xmx" + xmx(), YOUNG_LIMIT) : List.of("-Xmx" + xmx());
    }

    /** A heap size as {@code -Xmx} takes it: a number, optionally with k, m, g or t (any case); -1 for anything else. */
    static long parse(String size) {
        Matcher m = JVM_SIZE.matcher(size.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    private static long roundUpToMiB(long bytes) {
        long mib = 1L << 20;
        return (bytes + mib - 1) / mib * mib;
    }
}
