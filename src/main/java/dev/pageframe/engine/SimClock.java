package dev.pageframe.engine;

/** Simulated time in nanoseconds: every operation adds what it would have cost on the profile's hardware. */
public final class SimClock {
    private long now;

    /** Nanoseconds of simulated time since boot. */
    public long now() {
        return now;
    }

    void charge(long ns) {
        now += ns;
    }
}
