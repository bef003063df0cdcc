package dev.pageframe.execution;

import dev.pageframe.execution.sandbox.Landlock;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether cells should run in the sandbox, and how to learn what the running kernel offers for it.
 * Both are asked at each kernel start, so a setting changed meanwhile holds from the next (re)start; the
 * probe is a parameter so that a test can play a kernel without Landlock.
 *
 * @param wanted false when the user turned the sandbox off (the app's setting, {@code run --no-sandbox})
 * @param probe  asks the running kernel for Landlock; {@link Landlock#probe()}'s answer by default
 */
public record Sandbox(BooleanSupplier wanted, Supplier<Landlock.Support> probe) {
    /** On wherever the running kernel has Landlock. */
    public static final Sandbox ON = new Sandbox(() -> true, Running::support);
    /** Turned off: cells run with the user's full rights. */
    public static final Sandbox OFF = new Sandbox(() -> false, Running::support);

    /** Landlock's ABI 4 added TCP rules; before it the sandbox covers files and programs only. */
    private static final int NETWORK_ABI = 4;

    public Sandbox {
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(probe, "probe");
    }

    /** {@link #ON} or {@link #OFF}. */
    public static Sandbox of(boolean enabled) {
        return enabled ? ON : OFF;
    }

    /** On or off as {@code setting} says at each kernel start. */
    public static Sandbox following(BooleanSupplier setting) {
        return new Sandbox(setting, Running::support);
    }

    /** The same choice, with another probe of the running kernel (tests play a kernel without Landlock). */
    public Sandbox withProbe(Supplier<Landlock.Support> otherProbe) {
        return new Sandbox(wanted, otherProbe);
    }

    /** What a kernel started now would get. */
    public SandboxStatus status() {
        return status(wanted.getAsBoolean());
    }

    /** What a kernel started now would get, were the sandbox wanted ({@code on}) or not. */
    SandboxStatus status(boolean on) {
        if (!on) {
            return new SandboxStatus(false, 0, "cells are not sandboxed: the sandbox is turned off, so a cell can"
                    + " read and write your files, run programs and use the network");
        }
        Landlock.Support support = probe.get();
        if (!support.available()) {
            return new SandboxStatus(false, 0, "cells are not sandboxed: " + support.reason());
        }
        String network = support.abi() >= NETWORK_ABI ? ""
                : "; this kernel's Landlock cannot limit network connections (that needs ABI 4, Linux 6.7)";
        return new SandboxStatus(true, support.abi(), "cells are sandboxed (Landlock ABI " + support.abi() + ")" + network);
    }

    /** The running kernel does not change while we run: ask it once. */
    private static final class Running {
        private static final Landlock.Support SUPPORT = Landlock.probe();

        static Landlock.Support support() {
            return SUPPORT;
        }
    }
}
