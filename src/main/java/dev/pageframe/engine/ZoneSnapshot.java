package dev.pageframe.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One zone's counters at a moment: span, free pages, watermarks and free blocks per order. A value: two snapshots of
 * the same counts are equal, and it prints its counts (a record would compare and print {@code nr_free} by identity).
 */
public record ZoneSnapshot(String name, long startPfn, long endPfn, long present, long managed, long free,
                           long min, long low, long high, long[] nr_free) {
    public ZoneSnapshot {
        nr_free = nr_free.clone();
    }

    /** Free blocks per order, a copy: the snapshot does not change. */
    @Override
    public long[] nr_free() {
        return nr_free.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneSnapshot z && name.equals(z.name) && startPfn == z.startPfn && endPfn == z.endPfn
                && present == z.present && managed == z.managed && free == z.free && min == z.min && low == z.low
                && high == z.high && Arrays.equals(nr_free, z.nr_free);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(name, startPfn, endPfn, present, managed, free, min, low, high)
                + Arrays.hashCode(nr_free);
    }

    @Override
    public String toString() {
        return "ZoneSnapshot[name=" + name + ", startPfn=" + startPfn + ", endPfn=" + endPfn + ", present=" + present
                + ", managed=" + managed + ", free=" + free + ", min=" + min + ", low=" + low + ", high=" + high
                + ", nr_free=" + Arrays.toString(nr_free) + "]";
    }
}
