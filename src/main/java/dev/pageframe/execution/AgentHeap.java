package dev.pageframe.execution;

import dev.pageframe.engine.MachineProfiles;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent JVM's heap: the configured maximum, or more for a machine whose page-frame tables need it. The tables
 * grow with the simulated memory at eight bytes per frame, so a 1 TiB machine needs a 2 GiB mem_map: a kernel with
 * the default 1 GiB heap could not boot it, although the engine can.
 *
 * @param maxBytes     the {@code -Xmx}, in bytes; -1 for a value the JVM is left to refuse
 * @param xmx          the same as the JVM option's value: as configured, or in whole MiB where raised
 * @param xms          the {@code -Xms} of a large machine (its tables and the headroom), whose young generation is
 *     also held to {@link #YOUNG_LIMIT}; null for any other, which keeps the JVM's defaults
 */
record AgentHeap(long maxBytes, String xmx, String xms) {
    /**
     * What a large machine's agent holds besides its tables: the cells' own objects, the engine's other state and
     * JShell's classes. Half of it may be young generation ({@link #YOUNG_LIMIT}). A 1 TiB machine's tables take about
     * 2,050.5 MiB, so its agent gets 2,499 MiB: within the 2.5 GiB the engine's goal allows it.
     */
    static final long HEADROOM = 448L << 20;

    /**
     * The serial collector keeps up to a third of the heap for the young generation, and the tables, a few arrays as
     * large as the machine, can only live in the old one. With -Xmx2560m a 1 TiB machine's two 1 GiB arrays did not
     * fit beside an 853 MiB young generation (OutOfMemoryError), and did with -XX:MaxNewSize=256m
     * ({@code EngineFootprint 1T}); this limit leaves the old generation a little more.
     */
    static final String YOUNG_LIMIT = "-XX:MaxNewSize=" + (HEADROOM >> 21) + "m";

    private static final Pattern JVM_SIZE = Pattern.compile("(\\d{1,15})([kmgt]?)");

    /**
     * The heap for a session's agent. A machine is large when its tables would take more than a quarter of the
     * configured heap (from about 127 GiB of memory with the default 1 GiB): its agent gets the young generation's limit,
     * so the old generation holds the tables with at least {@link #HEADROOM} less the young generation to spare, and
     * a heap raised to the tables and the headroom where the configured one is smaller. A smaller machine's tables fit
     * in the configured heap's old generation with three quarters of the heap to spare, less the young generation.
     */
    static AgentHeap of(KernelConfig config) {
        long configured = parse(config.maxHeap());
        MachineBoot boot = config.boot();
        long tables = configured < 0 || boot == null ? 0 : MachineProfiles.mem_map_bytes(boot.profile(), boot.memoryBytes());
        if (tables <= configured / 4) {
            // No machine, a small one, one the engine refuses (its boot says why), or a size the JVM will refuse in its
            // own words ("Invalid maximum heap size"): the configuration as it is.
            return new AgentHeap(configured, config.maxHeap(), null);
        }
        long needed = roundUpToMiB(tables + HEADROOM);
        String xms = (needed >> 20) + "m";
        return needed > configured
            ? new AgentHeap(needed, xms, xms)
            : new AgentHeap(configured, config.maxHeap(), xms);
    }

    /**
     * The agent JVM's heap options: {@code -Xmx}; for a large machine the young generation's limit, and the heap the
     * tables need committed from the start. Committing is not touching: the pages are the tables' once they are
     * written. But a serial heap that must grow for an array grows in a collector's pause, which waits for any other
     * thread still zeroing an array, so the two halves of a large table could not be zeroed side by side
     * ({@code FrameTable.allocateTogether}; a 1 TiB machine's first boot, BENCHMARKS.md).
     */
    List<String> options() {
        return xms != null ? List.of("-Xmx" + xmx, "-Xms" + xms, YOUNG_LIMIT) : List.of("-Xmx" + xmx);
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
        long value = Long.parseLong(m.group(1));
        return value > Long.MAX_VALUE >> shift ? -1 : value << shift;
    }

    private static long roundUpToMiB(long bytes) {
        long mib = 1L << 20;
        return (bytes + mib - 1) / mib * mib;
    }
}
