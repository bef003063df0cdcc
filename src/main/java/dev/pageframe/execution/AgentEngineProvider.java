package dev.pageframe.execution;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Plugs an agent into JShell as its execution engine, over JShell's stream protocol ({@link Util#remoteInputOutput})
 * rather than JDI, which costs about 190 ms per eval. The agent need not have connected yet: JShell is built and
 * compiles at once, and its first load or invoke waits for the connection ({@link AgentExecutionControl}).
 */
final class AgentEngineProvider implements ExecutionControlProvider {
    private static final int BUFFER = 1 << 16;

    private final AgentProcess agent;
    private final OutputRouter router;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private AgentExecutionControl control;

    AgentEngineProvider(AgentProcess agent, OutputRouter router) {
        this.agent = agent;
        this.router = router;
    }

    @Override
    public String name() {
        return "pageframe-agent";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        // Set up on the thread that accepted the connection, as soon as it is made: from then on the agent's output
        // is read, whether or not a cell has run yet.
        CompletableFuture<ExecutionControl> engine = agent.mainConnection().thenApply(this::streams);
        engine.whenComplete((connected, failure) -> {
            if (failure != null) {
                drained.complete(null); // nothing will ever be read
            }
        });
        control = new AgentExecutionControl(engine, agent);
        return control;
    }

    private ExecutionControl streams(Socket main) {
        try {
            InputStream input = new EndWatchingStream(new BufferedInputStream(main.getInputStream(), BUFFER), drained);
            return Util.remoteInputOutput(input, new BufferedOutputStream(main.getOutputStream(), BUFFER),
                    router.channels(), Map.of(), (in, out) -> new StreamingExecutionControl(out, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The control created by {@link #generate}; valid once JShell is built. */
    AgentExecutionControl control() {
        return control;
    }

    /**
     * Completes when JShell's reader has consumed everything the agent sent. Output is dispatched in
     * order on that reader thread, so after this nothing the agent wrote is still in flight.
     */
    CompletableFuture<Void> drained() {
        return drained;
    }

    /** Completes a future when the wrapped stream reaches its end or fails. */
    private static final class EndWatchingStream extends FilterInputStream {
        private final CompletableFuture<Void> ended;

        EndWatchingStream(InputStream in, CompletableFuture<Void> ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b < 0) {
                    ended.complete(null);
                }
                return b;
            } catch (IOException e) {
                ended.complete(null);
                throw e;
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                int n = super.read(bytes, offset, length);
                if (n < 0) {
                    ended.complete(null);
                }
                return n;
            } catch (IOException e) {
                ended.complete(null);
                throw e;
            }
        }
    }
}
