package dev.pageframe.execution;

/**
 * Session-wide notifications. Called on kernel threads: a UI must hop to its own thread, and no
 * method may block for long.
 */
public interface KernelListener {
    /**
     * The session changed state.
     *
     * @param detail why, when it matters (for {@link KernelState#DEAD}: the cause of death); else empty
     */
    void stateChanged(KernelState state, String detail);

    /** Output produced while no cell was running, e.g. by a background thread a cell started. */
    default void unattributedOutput(CellOutput output) {}
}
