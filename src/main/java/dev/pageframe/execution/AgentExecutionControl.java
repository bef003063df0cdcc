package dev.pageframe.execution;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.StreamingExecutionControl;

/**
 * The host's end of JShell's command stream to an agent, adding interrupts over the control
 * connection.
 *
 * <p>Host and agent both count invoke commands; an interrupt names the last invoke sent. Together
 * with the check in {@link #invoke} (no new invoke once an interrupt is requested) this makes every
 * interrupt hit the invoke it was meant for, whichever side of an invoke boundary it lands on.
 */
final class AgentExecutionControl extends StreamingExecutionControl {
    private final AgentProcess agent;
    private final Object lock = new Object();
    private long sentInvokes;
    private boolean interruptRequested;
    private boolean stopped;
    private boolean invoking;

    AgentExecutionControl(ObjectOutput out, ObjectInput in, AgentProcess agent) {
        super(out, in);
        this.agent = agent;
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
            return super.invoke(className, methodName);
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
