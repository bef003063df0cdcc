package dev.pageframe.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ahead-of-time caches (JDK 25, JEP 483/514/515: classes loaded and linked, lambdas and method handles
 * spun, method profiles) for the kernel's own JVM, the agent ({@value #AGENT}; a sandboxed agent's: an unconfined
 * one runs with other module options), kept in a folder. scripts/run-cache.sh records it; a kernel start then
 * skips most of its class loading.
 *
 * <p>A cache is used only for the jars it was made from: the file {@code NAME.jar} beside it holds each class path
 * entry's size and time as scripts/run-cache.sh found them. The JVM checks only the class path's names and would take
 * the classes of another build from the cache. The JVM's own complaints about a cache are turned off so that they can
 * never become a cell's output; a refused cache costs the time it would have saved, nothing else.
 *
 * @param folder where the caches are, or are recorded to; null for none
 * @param record whether the agent records its training data there ({@value #AGENT_CONFIGURATION}) instead of
 *     using a cache; scripts/run-cache.sh then makes {@value #AGENT} from it
 */
public record KernelCaches(Path folder, boolean record) {
    /** The system property naming the folder; ./pageframe sets it to {@code target/}. */
    public static final String FOLDER_PROPERTY = "pageframe.kernel.cache";
    /** The system property that makes the agent record its training data instead (scripts/run-cache.sh). */
    public static final String RECORD_PROPERTY = "pageframe.kernel.cache.record";

    static final String AGENT = "agent.aot";
    static final String AGENT_CONFIGURATION = "agent.aotconf";

    /** No caches: every JVM starts with the JDK's default class data sharing. */
    public static final KernelCaches NONE = new KernelCaches(null, false);

    public KernelCaches {
        if (record) {
            Objects.requireNonNull(folder, "folder");
        }
    }

    /** As the system properties say ({@value #FOLDER_PROPERTY}, {@value #RECORD_PROPERTY}). */
    public static KernelCaches fromSystemProperties() {
        String folder = System.getProperty(FOLDER_PROPERTY, "");
        if (folder.isBlank()) {
            return NONE;
        }
        return new KernelCaches(Path.of(folder).toAbsolutePath().normalize(), Boolean.getBoolean(RECORD_PROPERTY));
    }

    /** JVM options for the agent running from {@code classpath}. */
    List<String> agentOptions(List<Path> classpath) {
        if (record) {
            return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + folder.resolve(AGENT_CONFIGURATION));
        }
        return usable(AGENT, classpath).map(KernelCaches::using).orElse(List.of());
    }

    /** The agent's cache, which a sandboxed agent must be allowed to read: its JVM starts inside the sandbox. */
    Optional<Path> agentReads(List<Path> classpath) {
        return record ? Optional.empty() : usable(AGENT, classpath);
    }

    /** Where a sandboxed agent that records must be allowed to write. */
    Optional<Path> agentWrites() {
        return record ? Optional.of(folder) : Optional.empty();
    }

    /** The cache file {@code name}, if it exists and was made from these class path entries (all of them jars). */
    Optional<Path> usable(String name, List<Path> classpath) {
        if (folder == null || record) {
            return Optional.empty();
        }
        Path cache = folder.resolve(name);
        try {
            if (!Files.isRegularFile(cache) || classpath.isEmpty()) {
                return Optional.empty();
            }
            List<String> madeFrom = Files.readAllLines(folder.resolve(name + ".jar"));
            List<String> now = new java.util.ArrayList<>();
            for (Path entry : classpath) {
                if (!Files.isRegularFile(entry)) {
                    return Optional.empty();
                }
                now.add(stamp(entry));
            }
            return madeFrom.equals(now) ? Optional.of(cache) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A jar's size and time in seconds, as {@code stat -c '%s %Y'} prints them for scripts/run-cache.sh. */
    static String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).to(java.util.concurrent.TimeUnit.SECONDS);
    }

    private static List<String> using(Path cache) {
        return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off");
    }
}
