package dev.pageframe.execution.sandbox;

import java.util.List;

/**
 * The first stage of a sandboxed agent: a short-lived JVM whose main thread confines itself with
 * Landlock and then executes the agent's real {@code java} in its place. The agent JVM thus starts
 * inside the sandbox, and every thread it will ever have inherits it: none exists unconfined, so no
 * cell can hand work to one.
 *
 * <p>Usage: {@code SandboxLauncher [--read P]... [--write P]... [--exec P]... [--connect PORT]... -- COMMAND...}
 * ({@link SandboxPolicy#toArguments}). A failure exits with {@link #EXIT_FAILED} and a message, never
 * with an unconfined agent.
 */
public final class SandboxLauncher {
    /** Exit status when the sandbox could not be set up or the command not executed. */
    public static final int EXIT_FAILED = 97;

    private SandboxLauncher() {}

    public static void main(String[] args) {
        SandboxPolicy.Launch launch;
        try {
            launch = SandboxPolicy.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            fail("bad arguments: " + e.getMessage());
            return;
        }
        try {
            Landlock.restrictSelf(JvmFiles.completed(launch.policy(), launch.command()));
        } catch (SandboxException e) {
            fail(e.getMessage());
            return;
        } catch (java.io.IOException e) {
            fail("cannot list what the JVM needs: " + e.getMessage());
            return;
        }
        // execve keeps the Landlock domain and no_new_privs, and ends every other thread of this JVM.
        int errno = Libc.execve(launch.command());
        fail("cannot execute " + launch.command().getFirst() + ": " + Libc.describe(errno));
    }

    private static void fail(String message) {
        System.err.println("pageframe sandbox: " + message);
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_FAILED);
    }
}
