package dev.pageframe.execution;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pageframe.execution.agent.AgentProtocol;
import dev.pageframe.execution.sandbox.ConfinedProcess;
import dev.pageframe.execution.sandbox.SandboxException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A launched agent JVM and its two loopback connections (JShell streams and control). The process exists as soon as
 * {@link #launch} returns; the connections follow once the JVM has started and dialled back ({@link #awaitConnected}),
 * so that the host can build its JShell and compile meanwhile.
 */
final class AgentProcess {
    private static final int TOKEN_BYTES = 16;
    /** How long an agent recording its start-up cache's training data may take to write it and exit. */
    private static final Duration RECORD_EXIT = Duration.ofSeconds(60);

    private final Process process;
    private final ConsoleTail console;
    private final SandboxStatus sandbox;
    private final Scratch scratch;
    private final boolean recording;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();

    /** The agent's two connections, once it has made them. */
    private record Connection(Socket main, Socket control, DataOutputStream controlOut) {
        void close() {
            closeQuietly(main);
            closeQuietly(control);
        }
    }

    private AgentProcess(Process process, ConsoleTail console, SandboxStatus sandbox, Scratch scratch,
            boolean recording) {
        this.process = process;
        this.console = console;
        this.sandbox = sandbox;
        this.scratch = scratch;
        this.recording = recording;
    }

    /**
     * Launches the agent; returns once its JVM exists, while a thread of its own waits for it to connect back. With
     * the sandbox on and Landlock in the running kernel, the agent starts confined, in a scratch folder of its own
     * that is deleted when it exits.
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

    /**
     * As {@link #launch(KernelConfig, Consumer)}, without an early agent; {@code started} sees the JVM once it exists.
     */
    static AgentProcess launch(KernelConfig config, Consumer<String> consoleSink, Consumer<Process> started) {
        SandboxStatus status = config.sandbox().status();
        return Spawn.start(config, consoleSink, started, status.confined()).connect(config, status, consoleSink);
    }

    /** An agent JVM just started, before the host knows whether to keep it (its console is read from then on). */
    private record Spawn(Process process, Scratch scratch, ServerSocket server, String token) {
        static Spawn start(KernelConfig config, Consumer<String> consoleSink, Consumer<Process> started,
                boolean confined) {
            ServerSocket server = null;
            Process process = null;
            Scratch scratch = null;
            try {
                server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
                if (confined) {
                    scratch = Scratch.create(Path.of(System.getProperty("java.io.tmpdir")));
                    AgentCommand.Confined agent = AgentCommand.sandboxed(config, server.getLocalPort(), scratch.path());
                    Map<String, String> environment = new HashMap<>(System.getenv());
                    AgentCommand.confineEnvironment(environment, scratch.path());
                    process = ConfinedProcess.start(agent.policy(), agent.command(), environment, scratch.path());
                } else {
                    process = new ProcessBuilder(AgentCommand.plain(config, server.getLocalPort()))
                            .redirectErrorStream(true).start();
                }
                started.accept(process);
                if (scratch != null) {
                    process.onExit().thenRun(scratch::delete);
                    Scratch.sweepOrphans(scratch.path().getParent());
                }
                // Made while the JVM starts: it reads the token only once it runs the agent's main class.
                String token = HexFormat.of().formatHex(randomBytes());
                // The token goes through a pipe the agent reads once and closes: not in its environment or
                // command line, which a cell could read from /proc.
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write((token + "\n").getBytes(UTF_8));
                }
                // If the agent dies before connecting, closing the server socket ends the wait at
                // once instead of at the startup timeout.
                ServerSocket listening = server;
                process.onExit().thenRun(() -> closeQuietly(listening));
                return new Spawn(process, scratch, server, token);
            } catch (IOException | SandboxException | RuntimeException e) {
                if (server != null) {
                    closeQuietly(server);
                }
                ConsoleTail console = process == null ? null : new ConsoleTail(process.getInputStream(), consoleSink);
                throw failure(e, config.startupTimeout(), process, console, scratch);
            }
        }

        /** Keeps the JVM: its connections are awaited on a thread of their own. */
        AgentProcess connect(KernelConfig config, SandboxStatus sandbox, Consumer<String> consoleSink) {
            ConsoleTail console = new ConsoleTail(process.getInputStream(), consoleSink);
            AgentProcess agent = new AgentProcess(process, console, sandbox, scratch, config.caches().record());
            Duration timeout = config.startupTimeout();
            Thread.ofPlatform().daemon().name("pageframe-agent-accept")
                    .start(() -> agent.accept(server, token, timeout));
            return agent;
        }
    }

    /** Waits for the agent's two connections (on the accept thread), and completes {@link #connection}. */
    private void accept(ServerSocket server, String token, Duration timeout) {
        try (server) {
            server.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            Socket[] sockets = acceptBoth(server, token);
            DataOutputStream controlOut = new DataOutputStream(sockets[1].getOutputStream());
            connection.complete(new Connection(sockets[0], sockets[1], controlOut));
        } catch (IOException | RuntimeException e) {
            connection.completeExceptionally(failure(e, timeout, process, console, scratch));
        }
    }

    /** Why the agent could not be started or did not connect; ends a JVM that is still there. */
    private static KernelStartException failure(Exception e, Duration timeout, Process process, ConsoleTail console,
            Scratch scratch) {
        String why = e instanceof SocketTimeoutException
                ? "the agent JVM did not connect within " + timeout.toSeconds() + " s"
                : e instanceof SandboxException ? "the sandbox could not start the agent JVM: " + e.getMessage()
                : "the agent JVM failed to start";
        if (process != null) {
            if (process.isAlive()) {
                // Not if it already exited: destroying closes the pipe the console reader
                // still needs for the JVM's last words.
                process.destroyForcibly();
            }
            why += describeEarlyExit(process, console);
        }
        if (scratch != null) {
            scratch.delete(); // the JVM is gone: no need to wait for its exit's own clean-up
        }
        return new KernelStartException(why, e);
    }

    /**
     * Waits until the agent has connected back.
     *
     * @throws KernelStartException if it failed to start or did not connect within the startup timeout
     */
    void awaitConnected() {
        try {
            connection.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof KernelStartException cause ? cause : e;
        }
    }

    /** Why the agent never connected, once that is known; empty while it may still connect, and once it has. */
    Optional<KernelStartException> connectionFailure() {
        return connection.state() == Future.State.FAILED && connection.exceptionNow() instanceof KernelStartException e
                ? Optional.of(e) : Optional.empty();
    }

    /** Completes with the JShell connection once the agent has made it; fails as {@link #awaitConnected} throws. */
    CompletableFuture<Socket> mainConnection() {
        return connection.thenApply(Connection::main);
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

    /** Asks the agent to stop the given invoke; a dead agent is not an error here. */
    void sendInterrupt(long invokeSeq) {
        if (connection.state() != Future.State.SUCCESS) {
            return; // no invoke can have reached an agent that has not connected
        }
        DataOutputStream controlOut = connection.resultNow().controlOut();
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
            try {
                connection.get(RECORD_EXIT.toMillis(), TimeUnit.MILLISECONDS).close();
                process.onExit().get(RECORD_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Never connected, or still there: killed below.
            }
        }
        process.destroyForcibly();
        // Also closes connections made after this: a dying agent's late connection must not be served.
        connection.thenAccept(Connection::close);
    }
}
