package dev.pageframe.execution;

/** Lifecycle state of a {@link KernelSession}, as a notebook UI shows it. */
public enum KernelState {
    /** Created; no agent JVM has been launched yet. */
    NOT_STARTED,
    /** An agent JVM is being launched and its startup snippets run. */
    STARTING,
    /** Ready for a cell. */
    IDLE,
    /** Running a cell. */
    BUSY,
    /** The agent JVM died; the next execute or restart launches a fresh one. */
    DEAD,
    /** Closed for good. */
    CLOSED
}
