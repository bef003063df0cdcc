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
 * cell; the cells after it have not run.
 */
final class CellBatch {
    /** At most this many cells in one batch: a block of thousands would only make its one compile longer. */
    static final int MAX_CELLS = 64;
    /** At most this much cell text: javac limits one method's code to 64 KB. */
    static final int MAX_CHARS = 16_000;

    private static final SecureRandom TOKENS = new SecureRandom();

    /** A cell of the batch, and where its text sits in the batch's source. */
    record Member(String source, CellSplitter.Statements statements, int textStart, int snippetLine) {}

    private final AgentKernel kernel;
    private final CellListener listener;
    private final BooleanSupplier cancelled;

    CellBatch(AgentKernel kernel, CellListener listener, BooleanSupplier cancelled) {
        this.kernel = kernel;
        this.listener = listener;
        this.cancelled = cancelled;
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
     * nothing ran.
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
            members.add(new Member(sources.get(k), plan.get(k), text.length(), line));
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
        AtomicInteger current = new AtomicInteger(-1);
        OutputRouter router = kernel.router();
        router.expectBatch(token, index -> {
            if (index < 0 || index >= n) {
                return;
            }
            Instant now = Instant.now();
            starts.set(index, now);
            current.set(index);
            router.attach(recorders.get(index));
            Listeners.call(() -> listener.started(firstCount + index, now));
        });
        kernel.beginCell(recorders.getFirst());
        try {
            return evaluate(source, members, recorders, starts, current, firstCount, submitted);
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
            return ended(recorders, starts, Math.max(current.get(), 0), firstCount, submitted, Ending.DIED, null);
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
            parts.add(new SnippetOrigins.Part(m.snippetLine(),
                    new SnippetOrigins.Origin(firstCount + k, new SourceLines(m.source()).line(m.statements().offset()))));
        }
        kernel.origins().record(snippet.id(), parts);
        List<List<CompileDiagnostic>> warnings = locate(diags, members);
        if (event.exception() != null) {
            int k = Math.max(current.get(), 0);
            CellExecution cell = new CellExecution(kernel, firstCount + k, listener, ignored -> {}, cancelled);
            CellStatus status = cell.thrown(event.exception(), kernel.control().interruptRequested(), recorders.get(k));
            return ended(recorders, starts, k, firstCount, submitted, status == CellStatus.INTERRUPTED
                    ? Ending.INTERRUPTED : Ending.ERROR, warnings);
        }
        if (kernel.control().stopped()) {
            // The interrupt came before the agent started the block: the first cell reports it, as between snippets.
            return ended(recorders, starts, 0, firstCount, submitted, Ending.STOPPED, warnings);
        }
        return ended(recorders, starts, n - 1, firstCount, submitted, Ending.OK, warnings);
    }

    /** How the batch ended in its last cell that ran. */
    private enum Ending { OK, ERROR, INTERRUPTED, STOPPED, DIED }

    private List<CellResult> ended(List<CellRecorder> recorders, AtomicReferenceArray<Instant> starts, int last,
            int firstCount, Instant submitted, Ending ending, List<List<CompileDiagnostic>> warnings) {
        Instant finished = Instant.now();
        String death = null;
        CellStatus lastStatus = switch (ending) {
            case OK -> CellStatus.OK;
            case ERROR -> CellStatus.ERROR;
            case INTERRUPTED -> CellStatus.INTERRUPTED;
            case STOPPED -> {
                String message = "the cell was interrupted";
                recorders.get(last).add(new ErrorOutput(Tracebacks.INTERRUPTED, message,
                        List.of(Tracebacks.INTERRUPTED + ": " + message), 0));
                yield CellStatus.INTERRUPTED;
            }
            case DIED -> {
                death = CellExecution.died(kernel, recorders.get(last));
                yield kernel.control().interruptRequested() ? CellStatus.INTERRUPTED : CellStatus.KERNEL_DIED;
            }
        };
        List<CellResult> results = new ArrayList<>();
        for (int k = 0; k <= last; k++) {
            Instant started = starts.get(k) != null ? starts.get(k) : k == 0 ? submitted : starts.get(k - 1);
            Instant ends = k < last && starts.get(k + 1) != null ? starts.get(k + 1) : finished;
            List<CompileDiagnostic> located = warnings == null ? List.of() : warnings.get(k);
            results.add(new CellResult(firstCount + k, k == last ? lastStatus : CellStatus.OK,
                    recorders.get(k).outputs(), located, new CellTiming(k == 0 ? submitted : started, started, ends),
                    k == last ? death : null));
        }
        return results;
    }

    /** Each cell's warnings, placed in the cell (javac's positions are in the batch's source). */
    private static List<List<CompileDiagnostic>> locate(List<Diag> diags, List<Member> members) {
        List<List<CompileDiagnostic>> located = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            Member m = members.get(k);
            int from = m.textStart();
            int to = from + m.statements().text().length();
            boolean lastCell = k == members.size() - 1;
            List<Diag> mine = diags.stream()
                    .filter(d -> position(d) >= from && (position(d) < to || lastCell && position(d) == to))
                    .toList();
            // The cell's text placed so that a position in the batch's source maps into the cell.
            int cellEnd = m.statements().offset() + m.statements().text().length();
            CellSplitter.CellSnippet placed = new CellSplitter.CellSnippet(m.statements().text(),
                    m.statements().offset() - from, cellEnd, false);
            located.add(CompileErrors.locate(mine, placed, new SourceLines(m.source())));
        }
        return located;
    }

    private static long position(Diag d) {
        return d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
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
