package dev.pageframe.execution.agent;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;

/**
 * Entry point of the agent JVM: connects back to the host and serves JShell execution commands.
 *
 * <p>Usage: {@code AgentMain <port>}, with the connection token as the first line of standard input
 * (not the environment or the command line, which a cell could read from {@code /proc/self}).
 */
public final class AgentMain {
    private static final int BUFFER = 1 << 16;

    private AgentMain() {}

    public static void main(String[] args) throws IOException {
        fixLaunchMechanism();
        int port = Integer.parseInt(args[0]);
        byte[] token = readToken(System.in);
        // Closing standard input closes descriptor 0: nothing of the token is left to read.
        System.in.close();
        System.setIn(InputStream.nullInputStream());
        Socket main = connect(port, token, AgentProtocol.ROLE_MAIN);
        Socket control = connect(port, token, AgentProtocol.ROLE_CONTROL);
        Arrays.fill(token, (byte) 0);
        CellRunner runner = new CellRunner();

        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught(runner, thread, error));
        Runtime.getRuntime().addShutdownHook(new Thread(EventChannel::announceExit, "pageframe-exit"));
        Thread.ofPlatform().daemon().name("pageframe-control").start(() -> serveControl(control, runner));
        // The host is still compiling its startup snippets, most likely: this JVM would idle until their first load.
        Thread.ofPlatform().daemon().name("pageframe-warmup-load").start(CellRunner::warmUp);
        if (Boolean.getBoolean(AgentProtocol.WARM_UP_JSON_PROPERTY)) {
            Thread.ofPlatform().daemon().name("pageframe-warmup").start(EventChannel::warmUp);
        }

        // Buffered because JShell's multiplexer writes 127-byte packets and flushes after each
        // logical write: without a buffer every packet would be its own syscall and TCP segment.
        OutputStream out = new BufferedOutputStream(main.getOutputStream(), BUFFER);
        InputStream in = new BufferedInputStream(main.getInputStream(), BUFFER);
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                AgentProtocol.STDOUT_CHANNEL, s -> System.setOut(new PrintStream(s, true, UTF_8)),
                AgentProtocol.STDERR_CHANNEL, s -> System.setErr(new PrintStream(s, true, UTF_8)),
                AgentProtocol.EVENT_CHANNEL, EventChannel::attach);
        try {
            Util.forwardExecutionControlAndIO(runner, in, out, outputs, Map.of());
        } finally {
            // The command loop ends when the host closes the session; cell threads must not
            // keep this JVM alive.
            Runtime.getRuntime().halt(0);
        }
    }

    /**
     * Makes the JDK settle how this JVM starts programs now, before any cell runs. It reads
     * {@code jdk.lang.Process.launchMechanism} once, when its process class is initialised; a cell that set it to
     * {@code FORK} first would have its children execute programs directly, and inside the sandbox the agent's own
     * {@code java} may be executed (its launcher had to), so a cell could start a JVM with native access of its
     * own. Settled here, programs go through {@code lib/jspawnhelper}, which the sandbox does not let run.
     */
    static void fixLaunchMechanism() {
        try {
            Class.forName("java.lang.ProcessImpl", true, null);
        } catch (ClassNotFoundException e) {
            // Another JDK's layout: this guard then does nothing.
        }
    }

    /** The first line of {@code in}, without its newline. */
    static byte[] readToken(InputStream in) throws IOException {
        byte[] line = new byte[AgentProtocol.MAX_TOKEN_BYTES];
        int length = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || length == line.length) {
                throw new IOException("no connection token on standard input");
            }
            line[length++] = (byte) b;
        }
        return Arrays.copyOf(line, length);
    }

    private static Socket connect(int port, byte[] token, byte role) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        // Without this, Nagle's algorithm and delayed ACKs add 40-80 ms to small replies.
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write(token);
        out.write(role);
        out.flush();
        return socket;
    }

    private static void serveControl(Socket control, CellRunner runner) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(control.getInputStream()))) {
            for (int message = in.read(); message >= 0; message = in.read()) {
                if (message == AgentProtocol.CONTROL_INTERRUPT) {
                    runner.requestStop(in.readLong());
                }
            }
        } catch (IOException e) {
            // Treated like end of stream below.
        }
        // The host closed the control connection or died: never outlive it.
        Runtime.getRuntime().halt(0);
    }

    private static void uncaught(CellRunner runner, Thread thread, Throwable error) {
        if (error instanceof OutOfMemoryError && !runner.isCellThread(thread)) {
            // An OOM that killed one of the agent's own threads (such as JShell's stream reader)
            // leaves a wedged connection; a clean death the host can explain is better.
            Runtime.getRuntime().halt(AgentProtocol.EXIT_AGENT_OUT_OF_MEMORY);
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace();
    }
}
