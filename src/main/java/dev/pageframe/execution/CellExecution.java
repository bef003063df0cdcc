package dev.pageframe.execution;

import dev.pageframe.execution.agent.CellStoppedError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;

/**
 * Runs one cell on a kernel: splits it into snippets, evaluates them in order until one fails, and
 * turns JShell's events into Jupyter-shaped outputs located in the cell.
 */
final class CellExecution {
    /** Text javac would choke on (stack overflow, a constant or name past the class file's limits), refused first. */
    private record Refusal(Function<String, OptionalInt> find, String message, String code) {}

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal(CompilerStack::overLimit, CompilerStack.MESSAGE, CompilerStack.CODE),
            new Refusal(LongStrings::overlong, LongStrings.MESSAGE, LongStrings.CODE),
            new Refusal(CompilerStack::overlongName, CompilerStack.NAME_MESSAGE, "pageframe.name.too.long"));

    /** Whether the cell holds text javac would choke on, which {@link #run} refuses before any eval. */
    static boolean refused(String source) {
        return REFUSALS.stream().anyMatch(refusal -> refusal.find().apply(source).isPresent());
    }

    private final AgentKernel kernel;
    private final int executionCount;
    private final CellListener listener;
    private final Consumer<String> declarations;
    private final BooleanSupplier cancelled;
    private final DeadVariables dead;

    CellExecution(AgentKernel kernel, int executionCount, CellListener listener, Consumer<String> declarations,
            BooleanSupplier cancelled) {
        this(kernel, executionCount, listener, declarations, cancelled, DeadVariables.NONE);
    }

    /**
     * @param executionCount the cell's count, or 0 for a startup snippet
     * @param declarations receives the source of every declaration that compiled, so completion
     *     can learn about it
     * @param cancelled whether an interrupt came for this cell before the kernel knew it was running
     * @param dead which of the cell's variables may be locals of its statement block (a headless run's hint)
     */
    CellExecution(AgentKernel kernel, int executionCount, CellListener listener, Consumer<String> declarations,
            BooleanSupplier cancelled, DeadVariables dead) {
        this.kernel = kernel;
        this.executionCount = executionCount;
        this.listener = listener;
        this.declarations = declarations;
        this.cancelled = cancelled;
        this.dead = dead;
    }

    CellResult run(String source, Instant submitted) {
        CellRecorder recorder = new CellRecorder(executionCount, listener, kernel.config().maxStreamChars());
        List<CompileDiagnostic> diagnostics = new ArrayList<>();
        SourceLines lines = new SourceLines(source);
        kernel.beginCell(recorder);
        Instant started = Instant.now();
        Listeners.call(() -> listener.started(executionCount, started));
        Outcome outcome;
        try {
            for (Refusal refusal : REFUSALS) {
                OptionalInt at = refusal.find().apply(source);
                if (at.isPresent()) {
                    int i = at.getAsInt();
                    CellSplitter.CellSnippet here = new CellSplitter.CellSnippet(source.substring(i, i + 1), i, i + 1, false);
                    return finish(recorder, diagnostics, submitted, started, compileError(here, lines, recorder,
                            diagnostics, List.of(), refusal.message(), refusal.code()));
                }
            }
            List<CellSplitter.CellSnippet> snippets = split(source);
            outcome = snippets == null ? died(recorder)
                    : runBatches(CellSplitter.batch(source, snippets, dead), lines, recorder, diagnostics);
        } catch (StackOverflowError | InternalError error) {
            if (!CompilerStack.overflowed(error)) {
                throw error;
            }
            // The splitter's parser overflowed before any snippet existed: the whole cell is the error.
            String start = source.substring(0, Math.min(1, source.length()));
            CellSplitter.CellSnippet whole = new CellSplitter.CellSnippet(start, 0, start.length(), false);
            outcome = compileError(whole, lines, recorder, diagnostics, List.of(), CompilerStack.MESSAGE, CompilerStack.CODE);
        } finally {
            kernel.endCell();
        }
        return finish(recorder, diagnostics, submitted, started, outcome);
    }

    private CellResult finish(CellRecorder recorder, List<CompileDiagnostic> diagnostics, Instant submitted,
            Instant started, Outcome outcome) {
        Instant finished = Instant.now();
        return new CellResult(executionCount, outcome.status(), recorder.outputs(), diagnostics,
                new CellTiming(submitted, started, finished), outcome.kernelDeath());
    }

    private Outcome runBatches(List<CellSplitter.Batch> batches, SourceLines lines, CellRecorder recorder,
            List<CompileDiagnostic> diagnostics) {
        Outcome outcome = Outcome.ok();
        for (int i = 0; i < batches.size() && outcome.status() == CellStatus.OK; i++) {
            CellSplitter.Batch batch = batches.get(i);
            boolean last = i == batches.size() - 1;
            outcome = batch.block() == null
                    ? runSnippets(batch.parts(), last, lines, recorder, diagnostics)
                    : evaluateBlock(batch, last, lines, recorder, diagnostics);
        }
        return outcome;
    }

    /** Evaluates snippets one by one until one fails; {@code endsCell} if the last of them is the cell's last. */
    private Outcome runSnippets(List<CellSplitter.CellSnippet> snippets, boolean endsCell, SourceLines lines,
            CellRecorder recorder, List<CompileDiagnostic> diagnostics) {
        Outcome outcome = Outcome.ok();
        for (int i = 0; i < snippets.size() && outcome.status() == CellStatus.OK; i++) {
            if (interruptedBefore(snippets.get(i), lines, recorder)) {
                return new Outcome(CellStatus.INTERRUPTED, null);
            }
            outcome = evaluate(snippets.get(i), endsCell && i == snippets.size() - 1, lines, recorder, diagnostics);
        }
        return outcome;
    }

    private boolean interruptedBefore(CellSplitter.CellSnippet snippet, SourceLines lines, CellRecorder recorder) {
        if (kernel.control().interruptRequested() || cancelled.getAsBoolean()) {
            recorder.add(interruptedBetweenSnippets(lines.line(snippet.offset())));
            return true;
        }
        return false;
    }

    /**
     * Evaluates a run of statements as one block (one eval instead of one per statement). If JShell
     * does not accept the block, nothing of it ran, so the parts are evaluated one by one as they
     * would have been without the block: they report their own errors, at their own places.
     */
    private Outcome evaluateBlock(CellSplitter.Batch batch, boolean last, SourceLines lines, CellRecorder recorder,
            List<CompileDiagnostic> diagnostics) {
        CellSplitter.CellSnippet block = batch.block();
        if (interruptedBefore(block, lines, recorder)) {
            return new Outcome(CellStatus.INTERRUPTED, null);
        }
        JShell shell = kernel.shell();
        List<SnippetEvent> events;
        try {
            events = shell.eval(block.source());
        } catch (IllegalStateException closed) {
            events = List.of();
        } catch (StackOverflowError | InternalError error) {
            if (!CompilerStack.overflowed(error)) {
                throw error;
            }
            return runSnippets(batch.parts(), last, lines, recorder, diagnostics);
        }
        if (kernel.engineTerminated()) {
            return died(recorder);
        }
        SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (event == null || event.status() != Snippet.Status.VALID) {
            return runSnippets(batch.parts(), last, lines, recorder, diagnostics);
        }
        Snippet declared = event.snippet();
        List<CompileDiagnostic> located = CompileErrors.locate(shell.diagnostics(declared).toList(), batch.blockInCell(), lines);
        if (located.stream().anyMatch(d -> d.severity() == CompileDiagnostic.Severity.ERROR)) {
            dropQuietly(declared);
            return runSnippets(batch.parts(), last, lines, recorder, diagnostics);
        }
        kernel.origins().record(declared.id(), executionCount, lines.line(block.offset()));
        diagnostics.addAll(located);
        return ran(event, block, false, recorder);
    }

    /** The cell's snippets, or null if the kernel died before they could even be analysed. */
    private List<CellSplitter.CellSnippet> split(String source) {
        try {
            return CellSplitter.split(kernel.shell().sourceCodeAnalysis(), source);
        } catch (IllegalStateException closed) {
            return null;
        }
    }

    private record Outcome(CellStatus status, String kernelDeath) {
        static Outcome ok() {
            return new Outcome(CellStatus.OK, null);
        }
    }

    private Outcome evaluate(CellSplitter.CellSnippet snippet, boolean last, SourceLines lines,
            CellRecorder recorder, List<CompileDiagnostic> diagnostics) {
        JShell shell = kernel.shell();
        List<SnippetEvent> events;
        try {
            events = shell.eval(snippet.source());
        } catch (IllegalStateException closed) {
            events = List.of();
        } catch (StackOverflowError | InternalError error) {
            if (!CompilerStack.overflowed(error)) {
                throw error;
            }
            return compileError(snippet, lines, recorder, diagnostics, List.of(), CompilerStack.MESSAGE, CompilerStack.CODE);
        }
        if (kernel.engineTerminated()) {
            return died(recorder);
        }
        SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst()
                .orElse(events.isEmpty() ? null : events.getFirst());
        if (event == null) {
            if (kernel.isAlive()) {
                // JShell gives no event for text that holds no snippet it can compile, such as an
                // unterminated comment (the splitter hands it over as it is); the agent is fine.
                return compileError(snippet, lines, recorder, diagnostics, List.of(),
                        Unfinished.describe(snippet.source()), "pageframe.incomplete");
            }
            return died(recorder);
        }
        Snippet declared = event.snippet();
        kernel.origins().record(declared.id(), executionCount, lines.line(snippet.offset()));
        List<CompileDiagnostic> located = CompileErrors.locate(shell.diagnostics(declared).toList(), snippet, lines);
        diagnostics.addAll(located);
        if (event.status().isActive() && located.stream().anyMatch(d -> d.severity() == CompileDiagnostic.Severity.ERROR)) {
            // JShell can keep a declaration javac failed on only when writing its class (a string
            // constant over 65,535 bytes): every later snippet would then fail on it. Drop it.
            dropQuietly(declared);
            return compileError(snippet, lines, recorder, diagnostics, located,
                    "this snippet was rejected by the compiler", "pageframe.rejected");
        }
        return switch (event.status()) {
            case REJECTED -> compileError(snippet, lines, recorder, diagnostics, located,
                    "this snippet was rejected by the compiler", "pageframe.rejected");
            case RECOVERABLE_NOT_DEFINED -> compileError(snippet, lines, recorder, diagnostics, located,
                    describe(declared) + " cannot be defined until " + missing(declared) + " is declared",
                    "pageframe.unresolved");
            case VALID, RECOVERABLE_DEFINED -> {
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                    diagnostics.add(CompileErrors.atSnippet(snippet, lines, CompileDiagnostic.Severity.WARNING,
                            describe(declared) + " cannot be used until " + missing(declared) + " is declared",
                            "pageframe.unresolved"));
                }
                yield ran(event, snippet, last, recorder);
            }
            default -> Outcome.ok();
        };
    }

    private Outcome ran(SnippetEvent event, CellSplitter.CellSnippet snippet, boolean last, CellRecorder recorder) {
        try {
            return shown(event, snippet, last, recorder);
        } finally {
            if (event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && kernel.isAlive()) {
                // Every live declaration is imported into each later snippet's wrapper, so JShell's
                // $1, $2, ... would make every eval slower (10 ms to 40 ms after a thousand). The
                // notebook shows values without their $ names, so nothing can refer to them.
                dropQuietly(event.snippet());
            }
        }
    }

    private void dropQuietly(Snippet snippet) {
        try {
            kernel.shell().drop(snippet);
        } catch (IllegalStateException closed) {
            // The kernel died meanwhile; the next cell reports it.
        }
    }

    private Outcome shown(SnippetEvent event, CellSplitter.CellSnippet snippet, boolean last, CellRecorder recorder) {
        AgentExecutionControl control = kernel.control();
        boolean interrupted = control.interruptRequested();
        if (event.exception() != null) {
            return new Outcome(thrown(event.exception(), interrupted, recorder), null);
        }
        if (control.stopped()) {
            recorder.add(interruptedBetweenSnippets(0));
            return new Outcome(CellStatus.INTERRUPTED, null);
        }
        Snippet declared = event.snippet();
        if (declared instanceof DeclarationSnippet && declared.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || declared.kind() == Snippet.Kind.IMPORT) {
            declarations.accept(declared.source());
        }
        if (last && !snippet.explicitSemicolon() && showsValue(declared) && event.value() != null) {
            recorder.add(new ExecuteResult(executionCount, resultData(declared, event.value()), Map.of()));
        }
        return Outcome.ok();
    }

    /**
     * What a shown value's execute_result holds: the chart {@code display} would draw of it, when it has one (so a
     * cell ending in {@code buddyinfo()} shows the chart, as a Jupyter kernel shows a value's richest form), else
     * JShell's text. A value of a type that is never a chart (a primitive, a box, a string) costs no question.
     */
    private Map<String, Object> resultData(Snippet shown, String text) {
        Map<String, Object> plain = Map.of("text/plain", text);
        if (neverAChart(typeName(shown))) {
            return plain;
        }
        try {
            return kernel.control().valueBundle().orElse(plain);
        } catch (ExecutionControl.ExecutionControlException e) {
            // The agent died or could not draw it: the text is still the value (a dead agent is the next cell's news).
            return plain;
        }
    }

    private static String typeName(Snippet snippet) {
        return switch (snippet) {
            case VarSnippet v -> v.typeName();
            case ExpressionSnippet e -> e.typeName();
            default -> "";
        };
    }

    private static final Set<String> NEVER_CHARTS = Set.of("boolean", "byte", "char", "short", "int",
            "long", "float", "double", "String", "java.lang.String", "Boolean", "Byte", "Character", "Short", "Integer",
            "Long", "Float", "Double");

    private static boolean neverAChart(String typeName) {
        return NEVER_CHARTS.contains(typeName);
    }

    /**
     * Records the error output for an exception the cell's code threw, and returns the cell's status: an
     * interrupt (asked for, or the stop it caused) or an error.
     */
    CellStatus thrown(JShellException exception, boolean interrupted, CellRecorder recorder) {
        boolean stoppedInCell = exception instanceof EvalException thrown
                && thrown.getExceptionClassName().equals(CellStoppedError.class.getName());
        boolean asInterrupt = interrupted || stoppedInCell;
        ErrorOutput error = tracebacks().error(exception, asInterrupt);
        recorder.add(kernel.sandbox().confined() ? SandboxDenials.explain(error) : error);
        return asInterrupt ? CellStatus.INTERRUPTED : CellStatus.ERROR;
    }

    /** Like Jupyter, show the value of a final expression, but not of declarations or assignments. */
    private static boolean showsValue(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private Outcome compileError(CellSplitter.CellSnippet snippet, SourceLines lines, CellRecorder recorder,
            List<CompileDiagnostic> diagnostics, List<CompileDiagnostic> located, String fallback, String code) {
        List<CompileDiagnostic> errors = located.stream()
                .filter(d -> d.severity() == CompileDiagnostic.Severity.ERROR)
                .collect(Collectors.toCollection(ArrayList::new));
        if (errors.isEmpty()) {
            CompileDiagnostic synthetic = CompileErrors.atSnippet(snippet, lines, CompileDiagnostic.Severity.ERROR,
                    fallback, code);
            diagnostics.add(synthetic);
            errors.add(synthetic);
        }
        recorder.add(CompileErrors.error(errors, lines));
        return new Outcome(CellStatus.ERROR, null);
    }

    private Outcome died(CellRecorder recorder) {
        String reason = died(kernel, recorder);
        boolean interrupted = kernel.control().interruptRequested();
        return new Outcome(interrupted ? CellStatus.INTERRUPTED : CellStatus.KERNEL_DIED, reason);
    }

    /** Waits for the kernel to finish dying, records the error output that says why, and returns the reason. */
    static String died(AgentKernel kernel, CellRecorder recorder) {
        String reason = kernel.awaitDeath();
        recorder.add(new ErrorOutput("KernelDied", "Kernel died: " + reason,
                List.of("Kernel died: " + reason, "The next cell you run starts a fresh kernel."), 0));
        return reason;
    }

    static ErrorOutput interruptedBetweenSnippets(int line) {
        String where = line > 0 ? " before line " + line : "";
        String message = "the cell was interrupted" + where;
        return new ErrorOutput(Tracebacks.INTERRUPTED, message, List.of(Tracebacks.INTERRUPTED + ": " + message), line);
    }

    private Tracebacks tracebacks() {
        return new Tracebacks(kernel.origins(), executionCount, this::explainUnresolved);
    }

    private String explainUnresolved(UnresolvedReferenceException exception) {
        DeclarationSnippet snippet = exception.getSnippet();
        return describe(snippet) + " cannot be used until " + missing(snippet) + " is declared";
    }

    private String missing(Snippet snippet) {
        if (!(snippet instanceof DeclarationSnippet declaration)) {
            return "a missing declaration";
        }
        List<String> names = kernel.shell().unresolvedDependencies(declaration).toList();
        return names.isEmpty() ? "a missing declaration" : String.join(", ", names);
    }

    private static String describe(Snippet snippet) {
        if (snippet instanceof MethodSnippet method) {
            return "method " + method.name() + "(" + method.parameterTypes() + ")";
        }
        if (snippet instanceof TypeDeclSnippet type) {
            return "type " + type.name();
        }
        if (snippet instanceof VarSnippet variable) {
            return "variable " + variable.name();
        }
        return "this snippet";
    }
}
