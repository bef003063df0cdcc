package dev.pageframe.ui.notebook;

import dev.pageframe.execution.CellListener;
import dev.pageframe.execution.CellOutput;
import dev.pageframe.execution.CellResult;
import dev.pageframe.execution.CellStatus;
import dev.pageframe.execution.ChartFormat;
import dev.pageframe.execution.ErrorOutput;
import dev.pageframe.execution.KernelListener;
import dev.pageframe.execution.KernelSession;
import dev.pageframe.execution.KernelState;
import dev.pageframe.execution.OutputMapper;
import dev.pageframe.execution.Progress;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellTags;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Output;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A notebook's kernel and the runs on it: starts the session on the first run, queues cells, feeds each cell's
 * live events into its model and the kernel's state into properties the status bar reads. FX thread only;
 * kernel callbacks hop onto it with {@link Platform#runLater}.
 */
final class KernelRunner {
    private final NotebookDocument document;
    private final Function<MachineSpec, KernelSession> sessionFactory;
    private final Executor background;
    final ObjectProperty<KernelState> kernelState = new SimpleObjectProperty<>(this, "kernelState", KernelState.NOT_STARTED);
    final StringProperty kernelDetail = new SimpleStringProperty(this, "kernelDetail", "");
    final ObjectProperty<Instant> busySince = new SimpleObjectProperty<>(this, "busySince");
    /** Free memory of the simulated machine in bytes after the last cell, or -1 when unknown. */
    final LongProperty freeBytes = new SimpleLongProperty(this, "freeBytes", -1);
    /** Says where the last run stopped when a failing cell left queued cells unrun; empty otherwise. */
    final StringProperty stopNote = new SimpleStringProperty(this, "stopNote", "");
    private KernelSession session;
    private long runSequence;
    /** The prompt number of the last cell that failed, and how many queued cells its failure dropped. */
    private Integer failedAt;
    private int dropped;

    KernelRunner(NotebookDocument document, Function<MachineSpec, KernelSession> sessionFactory, Executor background) {
        this.document = document;
        this.sessionFactory = sessionFactory;
        this.background = background;
    }

    KernelSession sessionIfStarted() {
        return session;
    }

    /** Queues the code cells that are idle; see {@link NotebookDocument#run(List)}. */
    void queue(List<CellModel> code) {
        KernelSession kernel = session();
        stopNote.set("");
        failedAt = null;
        for (CellModel c : code) {
            String source = c.source();
            c.runStateProperty().set(RunState.QUEUED);
            // A cell tagged raises-exception may fail without dropping the cells queued after it, as in JupyterLab.
            kernel.execute(source, new LiveCell(c, source), !CellTags.raisesException(c.toCell()))
                    .whenComplete((result, error) -> {
                        // Charts become PNGs here, off the FX thread: drawing one takes milliseconds.
                        List<Output> mapped = result == null ? List.of() : OutputMapper.outputs(result, ChartFormat.PNG);
                        Platform.runLater(() -> finished(c, source, result, mapped, error));
                    });
        }
    }

    /** Stops the running cell and drops the queued ones. */
    void interrupt() {
        KernelSession s = session;
        if (s != null) {
            background.execute(s::interrupt);
        }
    }

    /** Replaces the kernel with a fresh machine; completes on the FX thread once it is idle. */
    CompletableFuture<Void> restart() {
        KernelSession s = session();
        CompletableFuture<Void> done = new CompletableFuture<>();
        freeBytes.set(-1); // the old machine's figure is gone with it
        s.restart().whenComplete((ok, error) -> Platform.runLater(() -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                refreshFreeMemory();
                done.complete(null);
            }
        }));
        return done;
    }

    /** Starts the kernel now if it is not running. */
    KernelSession session() {
        if (session == null) {
            KernelSession made = sessionFactory.apply(document.machine());
            session = made;
            session.addListener(new KernelListener() {
                @Override
                public void stateChanged(KernelState state, String detail) {
                    Instant at = Instant.now();
                    Platform.runLater(() -> {
                        if (session != made) {
                            return; // a kernel let go for another machine
                        }
                        kernelState.set(state);
                        kernelDetail.set(detail);
                        busySince.set(state == KernelState.BUSY ? at : null);
                    });
                }
            });
        }
        return session;
    }

    /**
     * Lets the kernel of the old machine go; the next run boots the document's new machine in a new one, as at open.
     * The old session's last words (its state as it closes) are not shown.
     */
    void changeMachine() {
        close();
        kernelState.set(KernelState.NOT_STARTED);
        kernelDetail.set("");
        busySince.set(null);
        freeBytes.set(-1);
    }

    /** Stops the kernel (off the FX thread: closing waits for the agent JVM). */
    void close() {
        KernelSession s = session;
        session = null;
        if (s != null) {
            background.execute(s::close);
        }
    }

    /** Feeds one cell's live events into its model. */
    private final class LiveCell implements CellListener {
        private final CellModel cell;
        private final String source;
        private final LiveOutputs live;

        LiveCell(CellModel cell, String source) {
            this.cell = cell;
            this.source = source;
            this.live = new LiveOutputs(cell, Platform::runLater);
        }

        @Override
        public void started(int executionCount, Instant at) {
            Platform.runLater(() -> {
                cell.runStateProperty().set(RunState.RUNNING);
                cell.startedAtProperty().set(at);
                cell.progressProperty().set(null);
                cell.outputs().clear();
                cell.diagnostics().clear();
                cell.errorLineProperty().set(0);
                cell.executionCountProperty().set(null);
                cell.markRan(++runSequence, source);
                document.recomputeStale();
            });
        }

        @Override
        public void output(CellOutput output) {
            live.add(OutputMapper.toNotebook(output));
        }

        @Override
        public void progress(Progress progress) {
            Platform.runLater(() -> cell.progressProperty().set(progress));
        }
    }

    private void finished(CellModel cell, String source, CellResult result, List<Output> mapped, Throwable error) {
        cell.runStateProperty().set(RunState.IDLE);
        cell.progressProperty().set(null);
        Instant started = cell.startedAtProperty().get();
        cell.startedAtProperty().set(null);
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            cell.outputs().setAll(Output.ErrorOutput.of(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()),
                    List.of(String.valueOf(cause))));
            document.markModified();
            return;
        }
        if (result.status() == CellStatus.ABORTED || !cell.isCode()) {
            // It never ran: an earlier cell failed first. Its old outputs still stand.
            if (result.status() == CellStatus.ABORTED && failedAt != null) {
                dropped++;
                stopNote.set("Run stopped at [" + failedAt + "]: that cell failed, so the " + dropped
                        + (dropped == 1 ? " cell" : " cells") + " queued after it did not run");
            }
            return;
        }
        if (result.status() == CellStatus.ERROR || result.status() == CellStatus.INTERRUPTED) {
            failedAt = result.executionCount();
            dropped = 0;
        }
        if (started == null) {
            cell.markRan(++runSequence, source);
        }
        Cell ran = OutputMapper.apply(cell.toCell(), result, mapped);
        cell.applyRun(ran, cell.ranAt(), source);
        cell.lastDurationProperty().set(result.timing() == null ? null : result.timing().duration());
        cell.diagnostics().setAll(result.diagnostics());
        cell.errorLineProperty().set(result.error().map(ErrorOutput::line).orElse(0));
        document.markModified();
        document.recomputeStale();
        refreshFreeMemory();
    }

    /** Asks the live kernel for its machine's free memory, without counting a cell. */
    private void refreshFreeMemory() {
        KernelSession s = session;
        if (s == null || kernelGone()) {
            freeBytes.set(-1);
            return;
        }
        s.inspect("nr_free_pages() * PAGE_SIZE").thenAccept(v -> Platform.runLater(() ->
                freeBytes.set(v.map(text -> {
                    try {
                        return Long.parseLong(text.strip());
                    } catch (NumberFormatException e) {
                        return -1L;
                    }
                }).orElse(-1L))));
    }

    private boolean kernelGone() {
        return kernelState.get() == KernelState.DEAD || kernelState.get() == KernelState.CLOSED;
    }
}
