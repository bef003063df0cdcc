package dev.pageframe.execution;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A host-only JShell that answers completion and documentation queries.
 *
 * <p>It is separate from the kernel's JShell because JShell is not thread-safe and a UI asks for
 * completions while cells run. It learns the notebook's declarations by replaying their sources
 * (compiled, never executed, thanks to {@link InertExecutionControl}) just before each query.
 */
final class AnalysisShell implements AutoCloseable {
    private final KernelConfig config;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private JShell shell;
    private boolean closed;

    AnalysisShell(KernelConfig config) {
        this.config = config;
        pending.addAll(config.startupSnippets());
    }

    /** Queues a declaration (import, type, method, variable) that compiled in the kernel. */
    void learn(String declarationSource) {
        pending.add(declarationSource);
    }

    synchronized CompletionResult completions(String source, int cursor) {
        CompletionResult none = new CompletionResult(clamp(source, cursor), List.of());
        if (closed) {
            return none;
        }
        try {
            return CompilerStack.onLargeStack(() -> completionsNow(source, cursor));
        } catch (StackOverflowError | InternalError e) {
            if (!CompilerStack.overflowed(e)) {
                throw e;
            }
            return none; // a query too deep for the compiler offers nothing, as an unknown name would
        }
    }

    private CompletionResult completionsNow(String source, int cursor) {
        SourceCodeAnalysis analysis = catchUp();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> found = analysis.completionSuggestions(source, clamp(source, cursor), anchor);
        return new CompletionResult(anchor[0], found.stream()
                .map(s -> new CompletionResult.Suggestion(s.continuation(), s.matchesType()))
                .distinct()
                .toList());
    }

    synchronized List<Documentation> documentation(String source, int cursor) {
        if (closed) {
            return List.of();
        }
        try {
            return CompilerStack.onLargeStack(() -> documentationNow(source, cursor));
        } catch (StackOverflowError | InternalError e) {
            if (!CompilerStack.overflowed(e)) {
                throw e;
            }
            return List.of();
        }
    }

    private List<Documentation> documentationNow(String source, int cursor) {
        SourceCodeAnalysis analysis = catchUp();
        return analysis.documentation(source, clamp(source, cursor), true).stream()
                .map(d -> new Documentation(d.signature(), d.javadoc() == null ? "" : d.javadoc()))
                .toList();
    }

    private SourceCodeAnalysis catchUp() {
        if (shell == null) {
            PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
            shell = JShell.builder()
                    .executionEngine(InertExecutionControl.PROVIDER, Map.of())
                    .compilerOptions("--class-path", AgentClasspath.of(config))
                    .out(silent)
                    .err(silent)
                    .build();
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        boolean replayed = false;
        for (String source = pending.poll(); source != null; source = pending.poll()) {
            for (CellSplitter.CellSnippet snippet : CellSplitter.split(analysis, source)) {
                shell.eval(snippet.source());
                replayed = true;
            }
        }
        if (replayed) {
            // A replayed declaration may replace an older one: javac need not list the classes of those.
            ReplClassFiles.sweep(shell);
        }
        return analysis;
    }

    private static int clamp(String source, int cursor) {
        return Math.max(0, Math.min(cursor, source.length()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }
}
