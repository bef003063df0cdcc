package dev.pageframe.engine;

/** One recorded tracepoint hit: simulated time, event name and the line tracefs would print. */
public record TraceEvent(long timeNs, String event, String text) {
    /** As /sys/kernel/tracing/trace prints it, with a seconds.micros stamp. */
    public String format() {
        return String.format("%12s-%-5d [000] ..... %6d.%06d: %s: %s", "notebook", 1000,
            timeNs / 1_000_000_000L, (timeNs / 1000) % 1_000_000, event, text);
    }
}
