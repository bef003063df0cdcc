package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Output;
import java.util.ArrayList;
import java.util.List;

/** Jupyter's Clear Outputs, of one cell or all of them, as one operation Z takes back. */
final class OutputClearing {
    private OutputClearing() {}

    /** What a cleared cell had, to put back. */
    private record Kept(CellModel cell, List<Output> outputs, Integer count) {}

    /**
     * Clears the outputs and prompt numbers of the code cells given that have any, leaving a cell the kernel holds
     * (queued or running) as it is. Returns how many were cleared.
     */
    static int clear(NotebookDocument document, List<CellModel> cells) {
        if (document.isReadOnly()) {
            return 0;
        }
        List<Kept> kept = new ArrayList<>();
        for (CellModel c : cells) {
            boolean hasAny = !c.outputs().isEmpty() || c.executionCountProperty().get() != null;
            if (c.isCode() && c.runState() == RunState.IDLE && hasAny) {
                kept.add(new Kept(c, List.copyOf(c.outputs()), c.executionCountProperty().get()));
                c.clearOutputs();
            }
        }
        if (kept.isEmpty()) {
            return 0;
        }
        document.markModified();
        document.recomputeStale();
        document.undoable.remember(() -> {
            for (Kept k : kept) {
                k.cell().outputs().setAll(k.outputs());
                k.cell().executionCountProperty().set(k.count());
            }
            document.recomputeStale();
            return kept.getFirst().cell();
        });
        return kept.size();
    }
}
