package dev.pageframe.execution;

import dev.pageframe.execution.agent.AgentProtocol;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How to launch a kernel's agent JVM and what to run in it before the first cell.
 *
 * @param startupSnippets JShell snippets (typically imports) run at every start and restart; not
 *     counted as cells, and a failing one fails the start
 * @param classpath the agent's class path and the compile class path of cells; the directory or
 *     jar holding the agent classes is added if missing
 * @param maxHeap the agent's {@code -Xmx} value, e.g. {@code 1g}; raised where the machine it boots needs more
 *     ({@link AgentHeap})
 * @param jvmOptions further agent JVM options
 * @param interruptGrace how long an interrupted cell may take to stop before the agent is killed
 * @param startupTimeout how long the agent may take to connect back before the start fails
 * @param javaExecutable the {@code java} launcher for the agent
 * @param maxStreamChars how much stdout and stderr text one cell may produce before the rest is
 *     dropped; protects the host's heap from a cell that prints in an endless loop
 * @param sandbox whether the agent runs confined (Landlock on Linux) where the running kernel allows it
 * @param caches the start-up cache of the agent JVM, if any
 * @param earlyAgent an agent launched ahead of the session ({@code pageframe run} launches it while it reads the
 *     notebook), which the session's first start takes instead of launching one; null for none
 * @param boot the machine the agent boots at every start and restart, before the first cell and while the startup
 *     snippets compile; a failed boot fails the start; null for none
 */
public record KernelConfig(
        List<String> startupSnippets,
        List<Path> classpath,
        String maxHeap,
        List<String> jvmOptions,
        Duration interruptGrace,
        Duration startupTimeout,
        Path javaExecutable,
        long maxStreamChars,
        Sandbox sandbox,
        KernelCaches caches,
        AgentLaunch earlyAgent,
        MachineBoot boot) {

    /**
     * The options every agent JVM gets. The serial collector suits one notebook's heap and runs no
     * concurrent GC threads competing with the UI on a small machine; native access is enabled for
     * cells that call native code through the FFM API, except in the sandbox, which denies it (a
     * native call could make any system call). Startup time barely depends on
     * agent options (measured: C1-only, G1, CDS off all within noise), so C2 stays on for cells
     * that compute.
     */
    private static final List<String> AGENT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED");

    /**
     * Default agent JVM options, the app's: {@link #AGENT_JVM_OPTIONS}, and Jackson warmed up at start
     * ({@link AgentProtocol#WARM_UP_JSON_PROPERTY}) so the first chart a user draws does not wait for it.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            plus(AGENT_JVM_OPTIONS, "-D" + AgentProtocol.WARM_UP_JSON_PROPERTY + "=true");

    /**
     * The agent JVM options of a headless run ({@code pageframe run}): {@link #AGENT_JVM_OPTIONS}, and a young
     * generation that starts at 4 MB (-XX:NewSize=4m) instead of a third of the initial heap (about 125 MB on a 24 GB
     * machine), which a short run never fills: every page it allocated into stayed resident, so the agent grew with
     * every cell. Measured (BENCHMARKS.md, "A headless run against Jupyter"): a 50-cell trivial run's agent peaked at
     * 67 MB instead of 73, the tour's at 79 instead of 92, for the same wall and CPU time. The maximum heap is
     * unchanged; the young generation grows after a full collection. The app's interactive kernel keeps the defaults:
     * there a larger eden means fewer collections between a user's cells. Nor does a headless run's agent warm Jackson
     * up at start ({@link AgentProtocol#WARM_UP_JSON_PROPERTY}): 0.1-0.2 s of CPU per run.
     */
    public static final List<String> BATCH_JVM_OPTIONS = plus(AGENT_JVM_OPTIONS, "-XX:NewSize=4m");

    /**
     * The agent's heap unless its machine needs more ({@link AgentHeap}): a machine of up to about 287 GiB and its
     * cells (from about 127 GiB with the young generation held smaller).
     */
    public static final String DEFAULT_MAX_HEAP = "1g";

    private static List<String> plus(List<String> options, String option) {
        List<String> all = new ArrayList<>(options);
        all.add(option);
        return List.copyOf(all);
    }

    public KernelConfig {
        startupSnippets = List.copyOf(startupSnippets);
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(maxHeap, "maxHeap");
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(interruptGrace, "interruptGrace");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(caches, "caches");
        if (maxStreamChars <= 0) {
            throw new IllegalArgumentException("maxStreamChars must be positive");
        }
    }

    /**
     * The defaults: no startup snippets, this JVM's class path and {@code java} launcher, a 1 GiB
     * heap, a 1 s interrupt grace period, a 30 s startup timeout, 10 million characters of
     * output per cell, the sandbox on, and the start-up caches the system properties name
     * ({@link KernelCaches#fromSystemProperties()}).
     */
    public static KernelConfig defaults() {
        return new KernelConfig(
                List.of(),
                hostClasspath(),
                DEFAULT_MAX_HEAP,
                DEFAULT_JVM_OPTIONS,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                10_000_000L,
                Sandbox.ON,
                KernelCaches.fromSystemProperties(),
                null,
                null);
    }

    /** This JVM's {@code java.class.path} as a list. */
    public static List<Path> hostClasspath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    /** The agent's {@code -Xmx}: {@link #maxHeap}, or more where the machine it boots needs it ({@link AgentHeap}). */
    public String agentMaxHeap() {
        return AgentHeap.of(this).xmx();
    }

    public KernelConfig withStartupSnippets(List<String> snippets) {
        return new KernelConfig(snippets, classpath, maxHeap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, caches, earlyAgent, boot);
    }

    public KernelConfig withClasspath(List<Path> entries) {
        return new KernelConfig(startupSnippets, entries, maxHeap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, caches, earlyAgent, boot);
    }

    public KernelConfig withMaxHeap(String heap) {
        return new KernelConfig(startupSnippets, classpath, heap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, caches, earlyAgent, boot);
    }

    public KernelConfig withJvmOptions(List<String> options) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, options, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, caches, earlyAgent, boot);
    }

    public KernelConfig withInterruptGrace(Duration grace) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, jvmOptions, grace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, caches, earlyAgent, boot);
    }

    public KernelConfig withStartupTimeout(Duration timeout) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, jvmOptions, interruptGrace, timeout,
                javaExecutable, maxStreamChars, sandbox, caches, earlyAgent, boot);
    }

    public KernelConfig withMaxStreamChars(long chars) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, chars, sandbox, caches, earlyAgent, boot);
    }

    public KernelConfig withSandbox(Sandbox choice) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, choice, caches, earlyAgent, boot);
    }

    public KernelConfig withCaches(KernelCaches choice) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, choice, earlyAgent, boot);
    }

    public KernelConfig withEarlyAgent(AgentLaunch launch) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, caches, launch, boot);
    }

    public KernelConfig withBoot(MachineBoot machine) {
        return new KernelConfig(startupSnippets, classpath, maxHeap, jvmOptions, interruptGrace, startupTimeout,
                javaExecutable, maxStreamChars, sandbox, caches, earlyAgent, machine);
    }
}
