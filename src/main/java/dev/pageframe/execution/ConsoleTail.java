package dev.pageframe.execution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Reads the agent process's own stdout/stderr (JVM warnings, crash reports, native prints) and
 * keeps the last lines, which explain a death that happened outside JShell's streams.
 */
final class ConsoleTail {
    private static final int KEPT_LINES = 30;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    /** Starts a daemon reader; each line also goes to {@code sink}. */
    ConsoleTail(InputStream console, Consumer<String> sink) {
        Thread.ofPlatform().daemon().name("pageframe-agent-console").start(() -> pump(console, sink));
    }

    private void pump(InputStream console, Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(console, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    if (lines.size() == KEPT_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
                sink.accept(line);
            }
        } catch (IOException e) {
            // The process is gone; what was read is what there is.
        } finally {
            finished.complete(null);
        }
    }

    /** Completes when the process's output has ended. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    List<String> lastLines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
