package dev.pageframe.cli;

import dev.pageframe.execution.ChartFormat;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code pageframe run} was asked for; every field is null when the option was not given, and the
 * runner then uses the notebook's own machine ({@code metadata.pageframe.machine}) and no time limit.
 *
 * @param profile     the machine profile to boot, one of {@code MachineSpec.PROFILES}; already checked
 * @param memoryBytes the installed memory in bytes; already checked to be positive
 * @param timeout     the longest one cell may run; a cell that takes longer fails
 * @param allowErrors true to run every cell whatever fails ({@code --allow-errors}, nbclient's
 *                    {@code allow_errors}); false to stop at the first failing cell not tagged
 *                    {@code raises-exception}
 * @param charts      how a chart's picture is stored ({@code --charts}); never null, PNG unless asked
 * @param sandbox     false to run cells outside the sandbox ({@code --no-sandbox}), with the user's full rights
 * @param solutions   true to run each exercise's reference solution in its answer cell ({@code --solutions}), so
 *                    every check must pass; false to run the answers as they are, where a failing check only means
 *                    the exercise is not solved yet
 */
public record RunOptions(String profile, Long memoryBytes, Duration timeout, boolean allowErrors, ChartFormat charts,
        boolean sandbox, boolean solutions) {

    /** No overrides: the notebook's machine, no time limit, stop at the first failure, charts as PNG. */
    public static final RunOptions DEFAULTS = new RunOptions(null, null, null, false);

    /** As the canonical constructor, in the sandbox, answers run as they are. */
    public RunOptions(String profile, Long memoryBytes, Duration timeout, boolean allowErrors, ChartFormat charts) {
        this(profile, memoryBytes, timeout, allowErrors, charts, true, false);
    }

    /** These options with each exercise's reference solution run in its answer cell. */
    public RunOptions withSolutions() {
        return new RunOptions(profile, memoryBytes, timeout, allowErrors, charts, sandbox, true);
    }

    /** As the canonical constructor, charts stored as PNG, in the sandbox. */
    public RunOptions(String profile, Long memoryBytes, Duration timeout, boolean allowErrors) {
        this(profile, memoryBytes, timeout, allowErrors, ChartFormat.PNG);
    }

    /** The notebook's machine and time limits overridden, stopping at the first failure, in the sandbox. */
    public RunOptions(String profile, Long memoryBytes, Duration timeout) {
        this(profile, memoryBytes, timeout, false);
    }

    /** Checks that the memory and timeout, when given, are positive. */
    public RunOptions {
        Objects.requireNonNull(charts, "charts");
        if (memoryBytes != null && memoryBytes <= 0) {
            throw new IllegalArgumentException("memory must be positive: " + memoryBytes);
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
