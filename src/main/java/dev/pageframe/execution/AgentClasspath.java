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
 * call {@code CellContext} whatever the configuration says.
 */
final class AgentClasspath {
    private static final List<Class<?>> AGENT_RUNTIME =
            List.of(AgentMain.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class);

    private AgentClasspath() {}

    static String of(KernelConfig config) {
        Set<Path> entries = new LinkedHashSet<>(config.classpath());
        for (Class<?> type : AGENT_RUNTIME) {
            entries.add(location(type));
        }
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }
}
