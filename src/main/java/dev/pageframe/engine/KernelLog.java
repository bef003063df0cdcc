package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel ring buffer that dmesg prints. Modern lines carry a [seconds.micros] stamp of simulated
 * time; printk of Linux 1.2 and 2.0 had none (kernel/printk.c of the era).
 */
public final class KernelLog {
    private static final int CAPACITY = 4096;
    private final List<String> lines = new ArrayList<>();
    private final SimClock clock;
    private final boolean timestamps;
    private long dropped;

    KernelLog(SimClock clock) {
        this(clock, true);
    }

    KernelLog(SimClock clock, boolean timestamps) {
        this.clock = clock;
        this.timestamps = timestamps;
    }

    /** Appends one line, as printk would. */
    void printk(String text) {
        for (String line : text.split("\n", -1)) {
            append(line);
        }
    }

    private void append(String line) {
        if (lines.size() == CAPACITY) {
            lines.remove(0);
            dropped++;
        }
        if (!timestamps) {
            lines.add(line);
            return;
        }
        long ns = clock.now();
        lines.add(String.format("[%5d.%06d] %s", ns / 1_000_000_000L, (ns / 1000) % 1_000_000, line));
    }

    /** Everything in the buffer, oldest first, one line each. */
    public String dmesg() {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** Lines in the buffer, oldest first. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines that fell out of the ring buffer because it was full. */
    public long dropped() {
        return dropped;
    }

    void clear() {
        lines.clear();
    }
}
