package dev.pageframe.engine;

/** Receives progress of long engine work (workloads), so a notebook can draw a progress bar. */
@FunctionalInterface
public interface ProgressSink {
    void report(long done, long total, String label);

    /** Discards reports. */
    ProgressSink NONE = (done, total, label) -> { };
}
