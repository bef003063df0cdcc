package dev.pageframe.execution;

import dev.pageframe.engine.Sizes;
import java.util.Objects;

/**
 * The simulated machine an agent boots before a session's first cell: sent to the agent as a command of its own, so
 * the agent boots while the host still compiles the startup imports, and no JShell snippet has to be compiled for it.
 *
 * @param profile     a machine profile's name ({@code MachineProfiles})
 * @param memoryBytes the installed memory
 * @param seed        the seed of the machine's random choices
 */
public record MachineBoot(String profile, long memoryBytes, long seed) {
    public MachineBoot {
        Objects.requireNonNull(profile, "profile");
    }

    /** The profile and the memory as a user writes them, e.g. {@code x86_64 with 64M}. */
    String describe() {
        return profile + " with " + Sizes.format(memoryBytes);
    }

    /** The command's argument as it crosses to the agent: strings only, so it needs no class of ours to decode. */
    String[] wire() {
        return new String[] {profile, Long.toString(memoryBytes), Long.toString(seed)};
    }
}
