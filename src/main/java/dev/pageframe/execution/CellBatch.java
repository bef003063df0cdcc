package dev.pageframe.execution;

import dev.pageframe.execution.agent.CellBoundary;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Runs consecutive cells of a headless run as one JShell eval. Each eval costs JShell four javac passes
 * whatever its size, which is most of what a trivial cell costs; cells that are statements alone
 * ({@link CellSplitter#statementsOnly}) can share them. Each cell's text goes into a block of its own, so its
 * locals stay its own, behind a {@link CellBoundary} call that tells the host where its outputs begin.
 *
 * <p>A batch that does not compile has run nothing: its cells then run one by one, each reporting its own
 * errors as before. An exception ends the batch in the cell that threw it, with the traceback's lines in that
 * cell; the cells after it have not run. Each cell's result is handed over as soon as the next cell begins, so
 * a run reports its cells as they finish. A batched cell's result holds no compiler warnings: javac's are known
 * only once the whole batch has run, and a headless run does not show them.
 */
final class CellBatch {
    /** At most this many cells in one batch: a block of thousands would only make its one compile longer. */
    private static final int MAX_CELLS = 64;
    /** At most this much cell text: javac limits one method's code to 64 KB. */
    private static final int MAX_CHARS = 16_000;

    private static final SecureRandom TOKENS = new SecureRandom();

    /** A cell of the batch, and the batch's line on which its text starts. */
    record Member(String source, CellSplitter.Statements statements, int snippetLine) {}

    /** Told of a cell's result as soon as the next cell begins (on the thread that reads the agent's output). */
    interface Finished {
        /** Cell {@code index} of the batch ended with {@code result}, without an error. */
        void finished(int index, CellResult result);
    }

    private final AgentKernel kernel;
    private final CellListener listener;
    private final BooleanSupplier cancelled;
    private final Finished finished;

    CellBatch(AgentKernel kernel, CellListener listener, BooleanSupplier cancelled, Finished finished) {
        this.kernel = kernel;
        this.listener = listener;
        this.cancelled = cancelled;
        this.finished = finished;
    }

    /**
     * The cells at the front of {@code sources} that can run as one batch: each statements alone, not refused,
     * within {@link #MAX_CELLS} and {@link #MAX_CHARS}. Fewer than two means no batch.
     */
    List<CellSplitter.Statements> plan(List<String> sources, List<DeadVariables> dead) {
        List<CellSplitter.Statements> members = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < sources.size() && members.size() < MAX_CELLS; i++) {
            String source = sources.get(i);
            chars += source.length();
            if (chars > MAX_CHARS || CellExecution.refused(source)) {
                break;
            }
            CellSplitter.Statements statements;
            try {
                statements = CellSplitter.statementsOnly(source,
                        CellSplitter.split(kernel.shell().sourceCodeAnalysis(), source), dead.get(i));
            } catch (StackOverflowError | InternalError | IllegalStateException e) {
                // The parser overflowed, or the kernel died: the cell runs alone, which reports either.
                statements = null;
            }
            if (statements == null) {
                break;
            }
            members.add(statements);
        }
        return members;
    }

    /**
     * Runs the planned cells, whose execution counts start at {@code firstCount}. Returns the results of the cells
     * that ran, in order (up to and including one that failed), or an empty list if the batch did not compile and
     * nothing ran. Each cell but the last that ran was also handed to {@link Finished} when the next one began.
     */
    List<CellResult> run(List<String> sources, List<CellSplitter.Statements> plan, int firstCount, Instant submitted) {
        if (kernel.control().interruptRequested() || cancelled.getAsBoolean()) {
            return List.of(); // one by one, the first cell reports the interrupt as it always has
        }
        long token = TOKENS.nextLong();
        List<Member> members = new ArrayList<>();
        StringBuilder text = new StringBuilder("{");
        int line = 1;
        for (int k = 0; k < plan.size(); k++) {
            String boundary = CellBoundary.class.getName() + ".begins(" + token + "L, " + k + ");{";
            text.append(boundary);
            members.add(new Member(sources.get(k), plan.get(k), line));
            text.append(plan.get(k).text()).append("\n}\n");
            line += newlines(plan.get(k).text()) + 2;
        }
        String source = text.append('}').toString();

        int n = members.size();
        List<CellRecorder> recorders = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            recorders.add(new CellRecorder(firstCount + k, listener, kernel.config().maxStreamChars()));
        }
        AtomicReferenceArray<Instant> starts = new AtomicReferenceArray<>(n);
        AtomicReferenceArray<CellResult> delivered = new AtomicReferenceArray<>(n);
        AtomicInteger current = new AtomicInteger(-1);
        OutputRouter router = kernel.router();
        router.expectBatch(token, index -> {
            if (index != current.get() + 1 || index >= n) {
                return;
            }
            Instant now = Instant.now();
            if (index > 0) {
                // Everything the previous cell printed came before this event: it ended, without an error.
                int done = index - 1;
                CellResult result = new CellResult(firstCount + done, CellStatus.OK, recorders.get(done).outputs(),
                        List.of(), timing(done, starts, submitted, now), null);
                delivered.set(done, result);
                finished.finished(done, result);
            }
            starts.set(index, now);
            current.set(index);
            router.attach(recorders.get(index));
            Listeners.call(() -> listener.started(firstCount + index, now));
        });
        kernel.beginCell(recorders.getFirst());
        try {
            List<CellResult> results = new ArrayList<>(
                    evaluate(source, members, recorders, starts, current, firstCount, submitted));
            for (int k = 0; k < results.size(); k++) {
                if (delivered.get(k) != null) {
                    results.set(k, delivered.get(k));
                }
            }
            return results;
        } finally {
            router.endBatch();
            kernel.endCell();
        }
    }

    private List<CellResult> evaluate(String source, List<Member> members, List<CellRecorder> recorders,
            AtomicReferenceArray<Instant> starts, AtomicInteger current, int firstCount, Instant submitted) {
        JShell shell = kernel.shell();
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } catch (IllegalStateException closed) {
            events = List.of();
        } catch (StackOverflowError | InternalError error) {
            if (!CompilerStack.overflowed(error)) {
                throw error;
            }
            return List.of();
        }
        int n = members.size();
        if (kernel.engineTerminated()) {
            return ended(recorders, starts, Math.max(current.get(), 0), firstCount, submitted, Ending.DIED);
        }
        SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (event == null || event.status() != Snippet.Status.VALID) {
            return List.of();
        }
        Snippet snippet = event.snippet();
        List<Diag> diags = shell.diagnostics(snippet).toList();
        if (diags.stream().anyMatch(Diag::isError)) {
            dropQuietly(snippet); // JShell kept a class javac could not write; nothing ran
            return List.of();
        }
        List<SnippetOrigins.Part> parts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Member m = members.get(k);
            parts.add(new SnippetOrigins.Part(m.snippetLine(), firstCount + k,
                    new SourceLines(m.source()).line(m.statements().offset())));
        }
        kernel.origins().record(snippet.id(), parts);
        if (event.exception() != null) {
            int k = Math.max(current.get(), 0);
            CellExecution cell = new CellExecution(kernel, firstCount + k, listener, ignored -> {}, cancelled);
            CellStatus status = cell.thrown(event.exception(), kernel.control().interruptRequested(), recorders.get(k));
            return ended(recorders, starts, k, firstCount, submitted, status == CellStatus.INTERRUPTED
                    ? Ending.INTERRUPTED : Ending.ERROR);
        }
        if (kernel.control().stopped()) {
            // The interrupt came before the agent started the block: the first cell reports it, as between snippets.
            return ended(recorders, starts, 0, firstCount, submitted, Ending.STOPPED);
        }
        return ended(recorders, starts, n - 1, firstCount, submitted, Ending.OK);
    }

    /** How the batch ended in its last cell that ran. */
    private enum Ending { OK, ERROR, INTERRUPTED, STOPPED, DIED }

    private List<CellResult> ended(List<CellRecorder> recorders, AtomicReferenceArray<Instant> starts, int last,
            int firstCount, Instant submitted, Ending ending) {
        Instant finished = Instant.now();
        String death = null;
        CellStatus lastStatus = switch (ending) {
            case OK -> CellStatus.OK;
            case ERROR -> CellStatus.ERROR;
            case INTERRUPTED -> CellStatus.INTERRUPTED;
            case STOPPED -> {
                recorders.get(last).add(CellExecution.interruptedBetweenSnippets(0));
                yield CellStatus.INTERRUPTED;
            }
            case DIED -> {
                death = CellExecution.died(kernel, recorders.get(last));
                yield kernel.control().interruptRequested() ? CellStatus.INTERRUPTED : CellStatus.KERNEL_DIED;
            }
        };
        List<CellResult> results = new ArrayList<>();
        for (int k = 0; k <= last; k++) {
            Instant ends = k < last && starts.get(k + 1) != null ? starts.get(k + 1) : finished;
            results.add(new CellResult(firstCount + k, k == last ? lastStatus : CellStatus.OK,
                    recorders.get(k).outputs(), List.of(), timing(k, starts, submitted, ends), k == last ? death : null));
        }
        return results;
    }

    private static CellTiming timing(int k, AtomicReferenceArray<Instant> starts, Instant submitted, Instant ends) {
        Instant started = starts.get(k) != null ? starts.get(k) : submitted;
        return new CellTiming(k == 0 ? submitted : started, started, ends);
    }

    private static int newlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private void dropQuietly(Snippet snippet) {
        try {
            kernel.shell().drop(snippet);
        } catch (IllegalStateException closed) {
            // The kernel died meanwhile; the next cell reports it.
        }
    }
}
