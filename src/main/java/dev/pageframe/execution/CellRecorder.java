package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one cell's outputs in arrival order and forwards each to the cell's listener. Adjacent
 * chunks of the same stream are merged, as Jupyter stores them.
 */
final class CellRecorder {
    private final int executionCount;
    private final CellListener listener;
    private final List<CellOutput> outputs = new ArrayList<>();

    CellRecorder(int executionCount, CellListener listener) {
        this.executionCount = executionCount;
        this.listener = listener;
    }

    synchronized void add(CellOutput output) {
        int last = outputs.size() - 1;
        if (output instanceof StreamOutput chunk && last >= 0
                && outputs.get(last) instanceof StreamOutput previous && previous.name() == chunk.name()) {
            outputs.set(last, new StreamOutput(chunk.name(), previous.text() + chunk.text()));
        } else {
            outputs.add(output);
        }
        Listeners.call(() -> listener.output(output));
    }

    void progress(long done, long total, String label) {
        Progress progress = new Progress(executionCount, done, total, label);
        Listeners.call(() -> listener.progress(progress));
    }

    synchronized List<CellOutput> outputs() {
        return List.copyOf(outputs);
    }
}
