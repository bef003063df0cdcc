package dev.pageframe.execution;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageframe.execution.agent.AgentMain;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path cells run and compile against: the configured one plus wherever the agent's own
 * classes (and the Jackson it sends events with) live, so that the agent can start and cells can
 * call {@code CellContext} whatever the configuration says. Entries are absolute: a sandboxed agent
 * runs in its scratch folder.
 */
final class AgentClasspath {
    private static final List<Class<?>> AGENT_RUNTIME =
            List.of(AgentMain.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class);

    private AgentClasspath() {}

    static String of(KernelConfig config) {
        return String.join(File.pathSeparator, entries(config).stream().map(Path::toString).toList());
    }

    static List<Path> entries(KernelConfig config) {
        Set<Path> entries = new LinkedHashSet<>();
        for (Path entry : config.classpath()) {
            entries.add(entry.toAbsolutePath().normalize());
        }
        for (Class<?> type : AGENT_RUNTIME) {
            entries.add(location(type));
        }
        return List.copyOf(entries);
    }

    /** The jar or folder a class was loaded from. */
    static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }
}
