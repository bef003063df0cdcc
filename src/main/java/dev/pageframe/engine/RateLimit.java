package dev.pageframe.engine;

/**
 * A printk rate limit in simulated time (lib/ratelimit.c: ___ratelimit): at most {@code burst}
 * messages per {@code interval}; when a new interval starts, the ones held back are counted in
 * one "callbacks suppressed" line.
 */
final class RateLimit {
    private final String name;
    private final long intervalNs;
    private final int burst;
    private long begin = -1;
    private int printed;
    private int missed;

    RateLimit(String name, long intervalNs, int burst) {
        this.name = name;
        this.intervalNs = intervalNs;
        this.burst = burst;
    }

    /** Whether a message may go out now; the suppressed count is printed first when an interval ends. */
    boolean allow(long now, KernelLog log) {
        if (begin < 0) {
            begin = now;
        }
        if (now > begin + intervalNs) {
            if (missed > 0) {
                log.printk(name + ": " + missed + " callbacks suppressed");
                missed = 0;
            }
            begin = now;
            printed = 0;
        }
        if (printed < burst) {
            printed++;
            return true;
        }
        missed++;
        return false;
    }
}
