package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A running cell's outputs on their way from the kernel's thread to the cell's model on the FX thread. They are
 * handed over in batches: at most one hand-over waits on the FX thread at a time, and it takes everything that
 * arrived until it runs, with a stream's chunks joined into one change. A cell printing in a tight loop sends
 * thousands of chunks a second; one FX task and one redraw of the output per chunk (each of the whole text so far)
 * left the window behind, its queue growing until the heap ran out and Stop could not be reached.
 */
final class LiveOutputs {
    private final CellModel cell;
    private final Executor fx;
    private final List<Output> pending = new ArrayList<>();
    private boolean handOverQueued;

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}) */
    LiveOutputs(CellModel cell, Executor fx) {
        this.cell = cell;
        this.fx = fx;
    }

    /** Any thread: queues an output, and a hand-over when none is waiting. */
    void add(Output output) {
        synchronized (pending) {
            pending.add(output);
            if (handOverQueued) {
                return;
            }
            handOverQueued = true;
        }
        fx.execute(this::handOver);
    }

    /** FX thread: moves what arrived into the model, in order. */
    private void handOver() {
        List<Output> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
            handOverQueued = false;
        }
        List<Output> outs = cell.outputs();
        for (Output o : joinStreams(batch)) {
            // Jupyter keeps one output per run of a stream, so text continues the last output of the same stream.
            if (o instanceof Output.Stream s && !outs.isEmpty() && outs.getLast() instanceof Output.Stream last
                    && last.name().equals(s.name())) {
                outs.set(outs.size() - 1, last.append(s.text()));
            } else {
                outs.add(o);
            }
        }
    }

    /** Adjacent chunks of the same stream as one output. */
    private static List<Output> joinStreams(List<Output> batch) {
        List<Output> joined = new ArrayList<>(batch.size());
        StringBuilder text = new StringBuilder();
        Output.Stream run = null;
        for (Output o : batch) {
            if (run != null && o instanceof Output.Stream s && s.name().equals(run.name())) {
                text.append(s.text());
                continue;
            }
            if (run != null) {
                joined.add(run.append(text.toString()));
                text.setLength(0);
                run = null;
            }
            if (o instanceof Output.Stream s) {
                run = s;
            } else {
                joined.add(o);
            }
        }
        if (run != null) {
            joined.add(run.append(text.toString()));
        }
        return joined;
    }
}
