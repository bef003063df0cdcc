package dev.pageframe.execution;

import dev.pageframe.execution.agent.AgentMain;
import dev.pageframe.execution.sandbox.ConfinedProcess;
import dev.pageframe.execution.sandbox.SandboxPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts an agent JVM: unconfined, or with the sandbox's policy, for {@link ConfinedProcess}
 * to start it confined, so that the agent and every thread it ever has start inside the sandbox.
 */
final class AgentCommand {
    /** Files every JVM reads that are no one's secret: random numbers, and the loader's library index. */
    private static final List<Path> SYSTEM_READ = List.of(
            Path.of("/dev/urandom"), Path.of("/dev/random"), Path.of("/etc/ld.so.cache"));

    /** Environment variables a sandboxed agent keeps (the text encoding and time zone); others may hold secrets. */
    private static final List<String> KEPT_ENV = List.of("LANG", "LANGUAGE", "TZ");

    private static final String NO_NATIVE_ACCESS = "--illegal-native-access=deny";
    private static final String ENABLE_NATIVE_ACCESS = "--enable-native-access";

    private AgentCommand() {}

    /** The agent JVM's own command line, unconfined. */
    static List<String> plain(KernelConfig config, int port) {
        return agent(config, port, List.of());
    }

    /** A sandboxed agent's command and what it may touch. */
    record Confined(SandboxPolicy policy, List<String> command) {}

    /** The agent inside the sandbox, with {@code scratch} as its only writable folder. */
    static Confined sandboxed(KernelConfig config, int port, Path scratch) throws IOException {
        Path java = config.javaExecutable().toRealPath();
        Path javaHome = java.getParent().getParent();
        List<Path> classpath = AgentClasspath.entries(config);
        List<Path> read = new ArrayList<>();
        read.add(javaHome);
        read.addAll(classpath);
        read.addAll(SYSTEM_READ);
        config.caches().agentReads(classpath).ifPresent(read::add);
        List<Path> write = new ArrayList<>(List.of(scratch, Path.of("/dev/null")));
        config.caches().agentWrites().ifPresent(write::add);
        SandboxPolicy policy = new SandboxPolicy(read, write, List.of(java), List.of(port));
        // No native code for cells: with it a cell could make any system call Landlock does not cover.
        List<String> agent = agent(config, port, List.of("-XX:-UsePerfData", "-Djava.io.tmpdir=" + scratch,
                NO_NATIVE_ACCESS));
        return new Confined(policy, agent);
    }

    /** Keeps only what a sandboxed agent may see of the host's environment; its home is the scratch folder. */
    static void confineEnvironment(Map<String, String> environment, Path scratch) {
        environment.keySet().removeIf(name -> !KEPT_ENV.contains(name) && !name.startsWith("LC_"));
        environment.put("HOME", scratch.toString());
    }

    private static List<String> agent(KernelConfig config, int port, List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(config.javaExecutable().toString());
        command.addAll(AgentHeap.of(config).options());
        boolean confined = extraOptions.contains(NO_NATIVE_ACCESS);
        config.jvmOptions().stream().filter(o -> !confined || !o.startsWith(ENABLE_NATIVE_ACCESS)).forEach(command::add);
        command.addAll(extraOptions);
        if (confined) {
            // A cache fits the module options it was made with, and the sandbox's differ from an unconfined agent's.
            command.addAll(config.caches().agentOptions(AgentClasspath.entries(config)));
        }
        command.add("-cp");
        command.add(AgentClasspath.of(config));
        command.add(AgentMain.class.getName());
        command.add(Integer.toString(port));
        return command;
    }
}
