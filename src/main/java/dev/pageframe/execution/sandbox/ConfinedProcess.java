package dev.pageframe.execution.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A program started inside the sandbox by this JVM. A thread made for the purpose confines itself (no_new_privs,
 * {@link SocketFilter}, {@link Landlock}), spawns the program, which inherits all three ({@link PosixSpawn}), and
 * ends: Linux confines a thread and what it starts, not the threads beside it, so the rest of this JVM stays free
 * and the program starts confined, every thread it will ever have with it. Before this, a second JVM did the
 * confining and executed the program in its place; that JVM's start was a fifth of a kernel's.
 *
 * <p>As a {@link Process}: standard output and error come together in {@link #getInputStream} (as with {@code
 * redirectErrorStream}), its exit status is 128 + the signal's number when a signal ended it, and {@link #onExit}
 * completes on a thread of this class, never the confined one.
 */
public final class ConfinedProcess extends Process {
    private final long pid;
    private final OutputStream stdin;
    private final InputStream output;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** Set, under this object's lock, before the ended child is reaped: its pid is not signalled after that. */
    private boolean reaped;

    private ConfinedProcess(long pid, OutputStream stdin, InputStream output) {
        this.pid = pid;
        this.stdin = stdin;
        this.output = output;
    }

    /**
     * Starts {@code command} confined to {@code policy} (with what a JVM needs from the system's libraries added),
     * in {@code directory}, with exactly {@code environment}.
     *
     * @throws SandboxException if the sandbox cannot be set up or the program not started; nothing ran unconfined.
     *     {@link Landlock#probe} says beforehand whether this system can (Landlock, and glibc's posix_spawn actions)
     */
    public static ConfinedProcess start(SandboxPolicy policy, List<String> command, Map<String, String> environment,
            Path directory) throws SandboxException, IOException {
        SandboxPolicy completed = JvmFiles.completed(policy, command);
        int[] in = Libc.pipe();
        int[] out;
        try {
            out = Libc.pipe();
        } catch (IOException e) {
            closeAll(in);
            throw e;
        }
        // Each descriptor is closed exactly once below: a second close could hit a file another thread just opened.
        long pid;
        try (PosixSpawn.Prepared spawn = new PosixSpawn.Prepared(command, environment, directory, in[0], out[1])) {
            pid = spawnConfined(completed, spawn);
        } catch (SandboxException | RuntimeException e) {
            closeAll(in);
            closeAll(out);
            throw e;
        }
        ConfinedProcess process;
        try {
            // Opened while this JVM still holds both ends of each pipe, so neither open waits for the other side.
            process = new ConfinedProcess(pid, new BufferedOutputStream(new FileOutputStream(descriptor(in[1]))),
                    new BufferedInputStream(new FileInputStream(descriptor(out[0]))));
        } catch (IOException | RuntimeException e) {
            Libc.kill(pid, Libc.SIGKILL);
            if (Libc.awaitExit(pid)) {
                Libc.reap(pid);
            }
            throw e;
        } finally {
            closeAll(in);
            closeAll(out);
        }
        Thread.ofPlatform().daemon().name("pageframe-sandbox-reaper-" + pid).start(process::reap);
        return process;
    }

    /** Confines a new thread and spawns from it; returns the child's pid. The thread ends with the call. */
    private static long spawnConfined(SandboxPolicy policy, PosixSpawn.Prepared spawn) throws SandboxException {
        long[] result = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread confined = Thread.ofPlatform().name("pageframe-sandbox-spawn").unstarted(() -> {
            try {
                Landlock.restrictSelf(policy);
                result[0] = spawn.spawn();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        confined.start();
        try {
            confined.join();
        } catch (InterruptedException e) {
            // The thread's work is short and bounded; wait it out, then let the caller see the interrupt.
            joinUninterruptibly(confined);
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof SandboxException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new SandboxException("cannot start the sandboxed program: " + failure[0]);
        }
        if (result[0] < 0) {
            throw new SandboxException("posix_spawn failed: " + Libc.describe((int) -result[0]));
        }
        return result[0];
    }

    private static void joinUninterruptibly(Thread thread) {
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException again) {
                // keep waiting
            }
        }
    }

    /** Our own descriptor opened again through /proc, as a path the JDK's streams can open. */
    private static String descriptor(int fd) {
        return "/proc/self/fd/" + fd;
    }

    private static void closeAll(int[] fds) {
        for (int fd : fds) {
            Libc.close(fd);
        }
    }

    /** On the reaper thread: waits for the child's end, then reaps it and completes {@link #exit}. */
    private void reap() {
        if (!Libc.awaitExit(pid)) {
            exit.complete(-1);
            return;
        }
        int code;
        synchronized (this) {
            reaped = true;
            code = Libc.reap(pid);
        }
        exit.complete(code);
    }

    private synchronized void signal(int signal) {
        if (!reaped) {
            Libc.kill(pid, signal);
        }
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return output;
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public int exitValue() {
        if (!exit.isDone()) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return exit.join();
    }

    @Override
    public void destroy() {
        signal(Libc.SIGTERM);
    }

    @Override
    public Process destroyForcibly() {
        signal(Libc.SIGKILL);
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.thenApply(code -> this);
    }

    @Override
    public String toString() {
        return "ConfinedProcess[pid=" + pid + (exit.isDone() ? ", exitValue=" + exit.join() : "") + "]";
    }
}
