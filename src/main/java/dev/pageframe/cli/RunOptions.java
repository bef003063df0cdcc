package dev.pageframe.cli;

import java.time.Duration;

/**
 * What {@code pageframe run} was asked for; every field is null when the option was not given, and the
 * runner then uses the notebook's own machine ({@code metadata.pageframe.machine}) and no time limit.
 *
 * @param profile     the machine profile to boot, one of {@code MachineSpec.PROFILES}; already checked
 * @param memoryBytes the installed memory in bytes; already checked to be positive
 * @param timeout     the longest one cell may run; a cell that takes longer fails, and the run goes on
 */
public record RunOptions(String profile, Long memoryBytes, Duration timeout) {

    /** No overrides: the notebook's machine, no time limit. */
    public static final RunOptions DEFAULTS = new RunOptions(null, null, null);

    /** Checks that the memory and timeout, when given, are positive. */
    public RunOptions {
        if (memoryBytes != null && memoryBytes <= 0) {
            throw new IllegalArgumentException("memory must be positive: " + memoryBytes);
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
