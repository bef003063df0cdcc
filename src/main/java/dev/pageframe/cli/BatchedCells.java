package dev.pageframe.cli;

import dev.pageframe.execution.CellListener;
import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.DeadVariables;
import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.LiveNames;
import dev.pageframe.execution.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cells of one headless run as the session runs them: several to one JShell eval where they can share it
 * ({@link KernelSession#executeBatch}), handed to {@link RunRules} one at a time as each ends, so the run reports
 * each cell when it finishes. With a timeout each cell has its own, counted from when that cell begins: the time a
 * batch takes to compile, and the cells before it, are not counted against it.
 * A progress report waits until RunRules has reached its cell, so that a run's log shows it under that cell.
 */
final class BatchedCells {
    /** How long a progress report waits for RunRules to reach its cell; only a bound, it takes milliseconds. */
    private static final long GATE_MILLIS = 10_000;

    private final KernelSession session;
    private final List<LiveNames.RunCell> cells;
    private final List<DeadVariables> dead;
    private final Duration timeout;
    private final RunProgress progress;
    private final Map<Integer, CompletableFuture<Optional<CellResult>>> pending = new HashMap<>();
    /** When each submitted cell began, by index: completed by the session's start event. */
    private final Map<Integer, CompletableFuture<Instant>> began = new ConcurrentHashMap<>();
    private final Object gate = new Object();
    /** Cells the session has started, and cells RunRules has asked for (guarded by {@link #gate}). */
    private long started;
    private long asked;

    BatchedCells(KernelSession session, List<LiveNames.RunCell> cells, List<DeadVariables> dead, Duration timeout,
            RunProgress progress) {
        this.session = session;
        this.cells = List.copyOf(cells);
        this.dead = List.copyOf(dead);
        this.timeout = timeout;
        this.progress = progress;
    }

    /** Runs cell {@code index} (with the cells after it that can join it) unless it ran already, and returns its result. */
    CellResult result(int index) throws Exception {
        synchronized (gate) {
            asked++;
            gate.notifyAll();
        }
        CompletableFuture<Optional<CellResult>> ran = pending.remove(index);
        Optional<CellResult> result = ran == null ? Optional.empty() : await(index, ran);
        if (result.isEmpty()) {
            // Not run yet: it could not join the batch before it, or a cell before it failed and the run goes on.
            submit(index);
            result = await(index, pending.remove(index));
        }
        return result.orElseThrow(() -> new IllegalStateException("the session did not run cell " + index));
    }

    private void submit(int from) {
        List<Integer> next = new ArrayList<>(List.of(from));
        for (int j = from + 1; j < cells.size(); j++) {
            if (cells.get(j).runs()) {
                next.add(j);
            }
        }
        for (int j : next) {
            began.put(j, new CompletableFuture<>());
        }
        List<CompletableFuture<Optional<CellResult>>> futures = session.executeBatch(
                next.stream().map(j -> cells.get(j).source()).toList(), next.stream().map(dead::get).toList(),
                listener(next));
        for (int k = 0; k < next.size(); k++) {
            pending.put(next.get(k), futures.get(k));
        }
    }

    /** The listener of one submission: its cells start in order, so the n-th start is {@code submitted.get(n)}. */
    private CellListener listener(List<Integer> submitted) {
        AtomicInteger nth = new AtomicInteger();
        return new CellListener() {
            @Override
            public void started(int executionCount, Instant at) {
                int n = nth.getAndIncrement();
                if (n < submitted.size()) {
                    began.get(submitted.get(n)).complete(at);
                }
                synchronized (gate) {
                    started++;
                }
            }

            @Override
            public void progress(Progress p) {
                awaitRunRules();
                progress.progress(p.done(), p.total(), p.label());
            }
        };
    }

    /** Waits until RunRules has asked for every cell that started, the one reporting progress included. */
    private void awaitRunRules() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATE_MILLIS);
        synchronized (gate) {
            while (asked < started) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    gate.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Optional<CellResult> await(int index, CompletableFuture<Optional<CellResult>> f) throws Exception {
        if (timeout == null) {
            return f.get();
        }
        // The clock starts when the cell does; a cell that ends without starting (a failure before it) ends the wait.
        CompletableFuture<Instant> start = began.get(index);
        CompletableFuture.anyOf(f, start).get();
        if (f.isDone()) {
            return f.get();
        }
        Duration left = timeout.minus(Duration.between(start.get(), Instant.now()));
        try {
            return f.get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The cell ran past its limit: stop it the way the app's interrupt does.
            session.interrupt();
            return f.get(ExecutionRunner.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
