package dev.pageframe.execution;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pageframe.execution.agent.AgentProtocol;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A launched agent JVM and its two loopback connections (JShell streams and control). */
final class AgentProcess {
    private static final int TOKEN_BYTES = 16;
    /** How long an agent recording its start-up cache's training data may take to write it and exit. */
    private static final Duration RECORD_EXIT = Duration.ofSeconds(60);

    private final Process process;
    private final Socket main;
    private final Socket control;
    private final DataOutputStream controlOut;
    private final ConsoleTail console;
    private final SandboxStatus sandbox;
    private final Scratch scratch;
    private final boolean recording;

    private AgentProcess(Process process, Socket main, Socket control, ConsoleTail console, SandboxStatus sandbox,
            Scratch scratch, boolean recording) throws IOException {
        this.process = process;
        this.main = main;
        this.control = control;
        this.controlOut = new DataOutputStream(control.getOutputStream());
        this.console = console;
        this.sandbox = sandbox;
        this.scratch = scratch;
        this.recording = recording;
    }

    /**
     * Launches the agent and waits until it has connected back. With the sandbox on and Landlock in the
     * running kernel, the agent starts confined, in a scratch folder of its own that is deleted when it exits.
     *
     * @param consoleSink receives each line the agent process prints outside JShell's streams
     */
    static AgentProcess launch(KernelConfig config, Consumer<String> consoleSink) {
        if (config.earlyAgent() != null) {
            Optional<AgentProcess> early = config.earlyAgent().take(config, consoleSink);
            if (early.isPresent()) {
                return early.get();
            }
        }
        return launch(config, consoleSink, started -> {});
    }

    /** As {@link #launch(KernelConfig, Consumer)}, without an early agent; {@code started} sees the JVM once it exists. */
    static AgentProcess launch(KernelConfig config, Consumer<String> consoleSink, Consumer<Process> started) {
        String token = HexFormat.of().formatHex(randomBytes());
        Process process = null;
        ConsoleTail console = null;
        Scratch scratch = null;
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            ProcessBuilder builder;
            SandboxStatus sandbox = config.sandbox().status();
            if (sandbox.confined()) {
                scratch = Scratch.create(Path.of(System.getProperty("java.io.tmpdir")));
                builder = new ProcessBuilder(AgentCommand.sandboxed(config, server.getLocalPort(), scratch.path()));
                builder.directory(scratch.path().toFile());
                AgentCommand.confineEnvironment(builder.environment(), scratch.path());
            } else {
                builder = new ProcessBuilder(AgentCommand.plain(config, server.getLocalPort()));
            }
            builder.redirectErrorStream(true);
            process = builder.start();
            started.accept(process);
            if (scratch != null) {
                process.onExit().thenRun(scratch::delete);
            }
            // The token goes through a pipe the agent reads once and closes: not in its environment or
            // command line, which a cell could read from /proc.
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((token + "\n").getBytes(UTF_8));
            }
            console = new ConsoleTail(process.getInputStream(), consoleSink);
            // If the agent dies before connecting, closing the server socket ends the wait at
            // once instead of at the startup timeout.
            process.onExit().thenRun(() -> closeQuietly(server));
            server.setSoTimeout(Math.toIntExact(config.startupTimeout().toMillis()));
            Socket[] sockets = acceptBoth(server, token);
            return new AgentProcess(process, sockets[0], sockets[1], console, sandbox, scratch, config.caches().record());
        } catch (IOException | RuntimeException e) {
            String why = e instanceof SocketTimeoutException
                    ? "the agent JVM did not connect within " + config.startupTimeout().toSeconds() + " s"
                    : "the agent JVM failed to start";
            if (process != null) {
                if (process.isAlive()) {
                    // Not if it already exited: destroying closes the pipe the console reader
                    // still needs for the JVM's last words.
                    process.destroyForcibly();
                }
                why += describeEarlyExit(process, console);
                if (scratch != null) {
                    scratch.delete(); // the JVM is gone: no need to wait for its exit's own clean-up
                }
            } else if (scratch != null) {
                scratch.delete();
            }
            throw new KernelStartException(why, e);
        }
    }

    private static String describeEarlyExit(Process process, ConsoleTail console) {
        int code = process.onExit().join().exitValue();
        if (console == null) {
            return " (exit code " + code + ")";
        }
        // Bounded: a grandchild process could hold the pipe open after the JVM exits.
        console.finished().completeOnTimeout(null, 2, TimeUnit.SECONDS).join();
        List<String> output = console.lastLines();
        return " (exit code " + code + ")" + (output.isEmpty() ? "" : ":\n" + String.join("\n", output));
    }

    /** Accepts the main and control connections, in whichever order they arrive. */
    private static Socket[] acceptBoth(ServerSocket server, String token) throws IOException {
        Socket[] byRole = new Socket[2];
        int attempts = 0;
        while (byRole[0] == null || byRole[1] == null) {
            if (++attempts > 8) {
                throw new IOException("too many unexpected connections to the agent port");
            }
            Socket socket = server.accept();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(server.getSoTimeout());
            byte[] expected = token.getBytes(UTF_8);
            byte[] header = socket.getInputStream().readNBytes(expected.length + 1);
            socket.setSoTimeout(0);
            if (header.length != expected.length + 1
                    || !Arrays.equals(header, 0, expected.length, expected, 0, expected.length)) {
                socket.close();
                continue;
            }
            int slot = header[expected.length] == AgentProtocol.ROLE_MAIN ? 0 : 1;
            byRole[slot] = socket;
        }
        return byRole;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Best effort.
        }
    }

    InputStream mainInput() {
        try {
            return main.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OutputStream mainOutput() {
        try {
            return main.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the agent to stop the given invoke; a dead agent is not an error here. */
    void sendInterrupt(long invokeSeq) {
        synchronized (controlOut) {
            try {
                controlOut.writeByte(AgentProtocol.CONTROL_INTERRUPT);
                controlOut.writeLong(invokeSeq);
                controlOut.flush();
            } catch (IOException e) {
                // The agent is gone; its death is reported through onExit.
            }
        }
    }

    /** Whether this agent runs in the sandbox. */
    SandboxStatus sandbox() {
        return sandbox;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Completes when the agent's console output has been read to its end. */
    CompletableFuture<Void> consoleFinished() {
        return console.finished();
    }

    List<String> consoleTail() {
        return console.lastLines();
    }

    /**
     * Waits, at most {@code bound}, for a killed agent to be gone, then deletes its scratch folder: closing a
     * session leaves nothing behind even when the JVM exits right after. (Its exit deletes the folder too.)
     */
    void awaitExitAndClean(Duration bound) {
        try {
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Still there: its exit will delete the folder.
        }
        if (scratch != null && !process.isAlive()) {
            scratch.delete();
        }
    }

    /**
     * Kills the agent at once and closes both connections. An agent recording a start-up cache's training
     * data is let go instead: closing the connections ends it, and the JVM writes the data as it exits (a killed
     * one writes nothing).
     */
    void kill() {
        if (recording && process.isAlive()) {
            closeQuietly(main);
            closeQuietly(control);
            try {
                process.onExit().get(RECORD_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Killed below.
            }
        }
        process.destroyForcibly();
        closeQuietly(main);
        closeQuietly(control);
    }
}
