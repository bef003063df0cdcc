package dev.pageframe.execution;

import dev.pageframe.execution.agent.AgentProtocol;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jdk.jshell.spi.ExecutionControl;

/**
 * The host's end of JShell's command stream to an agent, adding interrupts over the control
 * connection.
 *
 * <p>Host and agent both count invoke commands; an interrupt names the last invoke sent. Together
 * with the check in {@link #invoke} (no new invoke once an interrupt is requested) this makes every
 * interrupt hit the invoke it was meant for, whichever side of an invoke boundary it lands on.
 *
 * <p>The command stream exists once the agent has connected: until then JShell compiles, and its first command
 * (a load) waits for the connection. An agent that never connects terminates the engine.
 *
 * <p>One command at a time crosses the stream: JShell sends from the session's kernel thread, and the machine's boot
 * ({@link #boot}) from a thread of its own while JShell compiles the startup imports.
 */
final class AgentExecutionControl implements ExecutionControl {
    private final CompletableFuture<ExecutionControl> engine;
    private final AgentProcess agent;
    private final Object lock = new Object();
    /** Held for a whole command, its reply included. */
    private final Object stream = new Object();
    private long sentInvokes;
    private boolean interruptRequested;
    private boolean stopped;
    private boolean invoking;

    AgentExecutionControl(CompletableFuture<ExecutionControl> engine, AgentProcess agent) {
        this.engine = engine;
        this.agent = agent;
    }

    /** The command stream, once the agent has connected. */
    private ExecutionControl engine() throws EngineTerminationException {
        try {
            return engine.join();
        } catch (CompletionException e) {
            throw new EngineTerminationException(agent.connectionFailure().map(Throwable::getMessage)
                    .orElse("could not connect JShell to the agent JVM: " + e.getCause()));
        }
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        synchronized (stream) {
            engine().load(classes);
        }
    }

    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        synchronized (stream) {
            engine().redefine(classes);
        }
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (stream) {
            return engine().varValue(className, varName);
        }
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        synchronized (stream) {
            engine().addToClasspath(path);
        }
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (stream) {
            return engine().extensionCommand(command, arg);
        }
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (lock) {
            if (interruptRequested) {
                stopped = true;
                throw new StoppedException();
            }
            sentInvokes++;
            invoking = true;
        }
        try {
            synchronized (stream) {
                return engine().invoke(className, methodName);
            }
        } catch (StoppedException e) {
            synchronized (lock) {
                stopped = true;
            }
            throw e;
        } finally {
            synchronized (lock) {
                invoking = false;
            }
        }
    }

    /**
     * Boots {@code machine} in the agent ({@link AgentProtocol#BOOT_COMMAND}), waiting for the connection first.
     *
     * @throws UserException if the boot threw: its class and message, as the agent caught them
     */
    void boot(MachineBoot machine) throws RunException, EngineTerminationException, InternalException {
        extensionCommand(AgentProtocol.BOOT_COMMAND, machine.wire());
    }

    /**
     * The rich form of the value the last invoke returned ({@link AgentProtocol#VALUE_BUNDLE_COMMAND}): a MIME bundle
     * with a {@code text/plain} entry, or empty when the value is best shown as the text JShell made of it.
     */
    Optional<Map<String, Object>> valueBundle() throws RunException, EngineTerminationException, InternalException {
        if (!(extensionCommand(AgentProtocol.VALUE_BUNDLE_COMMAND, null) instanceof String json)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> bundle = JsonLineStream.parse(json);
            return bundle.get("text/plain") instanceof String ? Optional.of(bundle) : Optional.empty();
        } catch (IOException e) {
            throw new InternalException("the agent sent a value's bundle that is not JSON: " + e.getMessage());
        }
    }

    /** Whether the agent is running cell code right now (rather than the host compiling it). */
    boolean invoking() {
        synchronized (lock) {
            return invoking;
        }
    }

    /** JShell's own stop request (JShell.stop) means the same as ours. */
    @Override
    public void stop() {
        interrupt();
    }

    /** Requests that the running invoke stop, and that no further invoke of this cell start. */
    void interrupt() {
        long target;
        synchronized (lock) {
            interruptRequested = true;
            target = sentInvokes;
        }
        agent.sendInterrupt(target);
    }

    /** Clears interrupt state at the start of a cell. */
    void beginCell() {
        synchronized (lock) {
            interruptRequested = false;
            stopped = false;
        }
    }

    boolean interruptRequested() {
        synchronized (lock) {
            return interruptRequested;
        }
    }

    /** Whether an invoke of the current cell ended because of an interrupt. */
    boolean stopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    @Override
    public void close() {
        // No polite CLOSE command: killing is instant and the agent holds nothing worth saving.
        agent.kill();
    }
}
