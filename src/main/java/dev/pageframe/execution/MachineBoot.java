package dev.pageframe.execution;

import dev.pageframe.engine.Sizes;
import java.util.Objects;

/**
 * The simulated machine an agent boots before a session's first cell: sent to the agent as a command of its own, so
 * the agent boots while the host still compiles the startup imports, and no JShell snippet has to be compiled for it.
 *
 * @param profile a machine profile's name ({@code MachineProfiles})
 * @param memory  the installed memory as the engine parses it, e.g. {@code 64M} or a count of bytes
 * @param seed    the seed of the machine's random choices
 */
public record MachineBoot(String profile, String memory, long seed) {
    public MachineBoot {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(memory, "memory");
    }

    /** The profile and the memory as a user writes them, e.g. {@code x86_64 with 64M}. */
    String describe() {
        try {
            return profile + " with " + Sizes.format(Sizes.parse(memory));
        } catch (IllegalArgumentException e) {
            return profile + " with " + memory;
        }
    }

    /** The command's argument as it crosses to the agent: strings only, so it needs no class of ours to decode. */
    String[] wire() {
        return new String[] {profile, memory, Long.toString(seed)};
    }
}
