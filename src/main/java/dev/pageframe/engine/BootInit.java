package dev.pageframe.engine;

/**
 * A Linux 2.0 built-in driver's boot-time init function: it is given the first free address and the
 * end of memory, may keep what lies between mem_start and the value it returns, for good.
 */
@FunctionalInterface
public interface BootInit {
    long init(long mem_start, long mem_end);
}
