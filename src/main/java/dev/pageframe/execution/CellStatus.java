package dev.pageframe.execution;

/** How a cell execution ended. */
public enum CellStatus {
    /** Ran to the end. */
    OK,
    /** Failed to compile or threw; later snippets of the cell did not run. */
    ERROR,
    /** Stopped by {@link KernelSession#interrupt()}. */
    INTERRUPTED,
    /** The agent JVM died while running the cell (System.exit, crash, or failed start). */
    KERNEL_DIED,
    /** Never ran: an earlier cell failed or was interrupted while this one was queued, or the session closed. */
    ABORTED
}
