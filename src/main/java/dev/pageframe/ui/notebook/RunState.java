package dev.pageframe.ui.notebook;

/** Where a code cell is in its run: the cell's prompt shows this. */
public enum RunState {
    /** Not queued and not running. */
    IDLE,
    /** Waiting behind another cell in the kernel's queue. */
    QUEUED,
    /** Running now. */
    RUNNING
}
