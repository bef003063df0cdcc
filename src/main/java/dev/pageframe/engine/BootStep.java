package dev.pageframe.engine;

/**
 * One call in the legacy start_kernel chain (init/main.c of 1.2 and 2.0): the function was handed
 * {@code mem_start} and returned {@code returned}; what lies between is its for good.
 * {@code driver} marks a built-in driver's own init, which only Linux 1.2 calls with memory_start.
 */
public record BootStep(String function, long mem_start, long returned, boolean driver) {
    /** Bytes the function kept. */
    public long bytes() {
        return returned - mem_start;
    }

    @Override
    public String toString() {
        return String.format("%-16s mem_start 0x%08x -> 0x%08x  %6d bytes%s", function, mem_start, returned, bytes(),
            driver ? "  (built-in driver)" : "");
    }
}
