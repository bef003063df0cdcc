package dev.pageframe.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An agent JVM launched ahead of the session that will use it: {@code pageframe run} starts it while it reads
 * and checks the notebook, since the agent's command line hardly depends on the notebook: the startup snippets and
 * the boot do, and they run once the session takes the agent, and so does the heap of a large machine
 * ({@link AgentHeap}), whose session then launches its own. A session takes it through
 * {@link KernelConfig#withEarlyAgent}; closing the launch kills the agent unless a session took it.
 */
public final class AgentLaunch implements AutoCloseable {
    /** How long closing waits for a launch under way to end, once its JVM has been killed. */
    private static final long CLOSE_BOUND_SECONDS = 10;
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(CLOSE_BOUND_SECONDS);

    private final KernelConfig config;
    private final CompletableFuture<AgentProcess> launched = new CompletableFuture<>();
    private final HandOff console = new HandOff();
    private final Object lock = new Object();
    private Process process;
    private boolean taken;
    private boolean closed;

    private AgentLaunch(KernelConfig config) {
        this.config = config;
    }

    /** Starts launching an agent for sessions with {@code config} (its startup snippets aside) on a thread of its own. */
    public static AgentLaunch begin(KernelConfig config) {
        AgentLaunch launch = new AgentLaunch(agentPart(config));
        Thread.ofPlatform().daemon().name("pageframe-agent-launch").start(launch::launch);
        return launch;
    }

    /** What of a session's configuration the agent's JVM depends on: not what the session runs in it once started. */
    private static KernelConfig agentPart(KernelConfig config) {
        return config.withEarlyAgent(null).withStartupSnippets(List.of()).withBoot(null);
    }

    private void launch() {
        try {
            launched.complete(AgentProcess.launch(config, console, this::started));
        } catch (Throwable t) {
            launched.completeExceptionally(t);
        }
    }

    /** Called by the launch as soon as the JVM exists: a close that came first kills it at once. */
    private void started(Process started) {
        synchronized (lock) {
            process = started;
            if (closed) {
                started.destroyForcibly();
            }
        }
    }

    /**
     * The agent, for a session with {@code wanted}, once its JVM exists (it may still be connecting: the session
     * compiles meanwhile); empty if it was launched for another
     * configuration, already taken, or closed. {@code consoleSink} gets the agent's console lines, those printed so
     * far first. A launch that failed throws what a launch by the session would have thrown.
     */
    Optional<AgentProcess> take(KernelConfig wanted, Consumer<String> consoleSink) {
        synchronized (lock) {
            // The heap depends on the machine too (AgentHeap), which this agent was launched without knowing.
            if (taken || closed || !config.equals(agentPart(wanted)) || !AgentHeap.of(config).equals(AgentHeap.of(wanted))) {
                return Optional.empty();
            }
            taken = true;
        }
        AgentProcess agent;
        try {
            agent = launched.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        console.attach(consoleSink);
        return Optional.of(agent);
    }

    /** The agent JVM's process id, once it exists. */
    OptionalLong pid() {
        synchronized (lock) {
            return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
        }
    }

    /** Whether a session took the agent. */
    public boolean taken() {
        synchronized (lock) {
            return taken;
        }
    }

    /**
     * Kills the agent unless a session took it, and returns once its JVM is gone and its scratch folder deleted (at
     * most about {@value #CLOSE_BOUND_SECONDS} s); a launch still under way is ended first.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (taken || closed) {
                return;
            }
            closed = true;
            if (process != null) {
                process.destroyForcibly();
            }
        }
        try {
            AgentProcess agent = launched.get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            agent.kill();
            agent.awaitExitAndClean(CLOSE_BOUND);
        } catch (ExecutionException e) {
            // The launch failed, or was ended by the kill above: its JVM is gone (AgentProcess.launch waits for that).
        } catch (TimeoutException e) {
            // Still launching after its JVM was killed; nothing more to end here.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds the console lines an agent prints before a session takes it, then passes them and the rest on. */
    private static final class HandOff implements Consumer<String> {
        private final List<String> early = new ArrayList<>();
        private Consumer<String> sink;

        @Override
        public synchronized void accept(String line) {
            if (sink == null) {
                early.add(line);
            } else {
                sink.accept(line);
            }
        }

        synchronized void attach(Consumer<String> target) {
            Objects.requireNonNull(target);
            early.forEach(target);
            early.clear();
            sink = target;
        }
    }
}
