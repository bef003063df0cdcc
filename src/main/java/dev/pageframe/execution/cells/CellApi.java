package dev.pageframe.execution.cells;

import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.api.Session;
import dev.pageframe.execution.agent.CellContext;
import dev.pageframe.execution.display.BuddyInfo;
import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.FrameMap;
import java.util.Map;

/**
 * Notebook functions every cell has in scope besides the kernel API: {@code display(...)} for
 * charts and engine views, the two views most cells chart, and {@code check(...)} for exercises.
 */
public final class CellApi {
    private CellApi() {}

    /**
     * Shows a value as rich output: a chart, the machine's zones ({@code zones()}), its frame map
     * ({@code frame_map()}), a workload result, or a ready MIME bundle; anything else as text.
     */
    public static void display(Object value) {
        if (value instanceof Map<?, ?> bundle) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) bundle;
            CellContext.display(typed);
            return;
        }
        Chart chart = EngineCharts.chartOf(value);
        if (chart != null) {
            CellContext.display(chart.mimeBundle());
        } else {
            CellContext.display(Map.of("text/plain", String.valueOf(value)));
        }
    }

    /** Shows several values, one output each. */
    public static void display(Object first, Object... more) {
        display(first);
        for (Object o : more) {
            display(o);
        }
    }

    /** Free blocks per order in every zone of the current machine, with watermarks. */
    public static BuddyInfo buddyinfo() {
        return EngineCharts.buddyinfo(Session.kernel(), Session.kernel().zones());
    }

    /** Free blocks per order of a machine booted with {@code machine(...)}, to chart it beside the notebook's. */
    public static BuddyInfo buddyinfo(Kernel machine) {
        return EngineCharts.buddyinfo(machine, machine.zones());
    }

    /** The owner of every page frame of the current machine. */
    public static FrameMap frameMap() {
        return EngineCharts.frameMap(Session.kernel(), Session.kernel().frame_map());
    }

    /** The owner of every page frame of a machine booted with {@code machine(...)}. */
    public static FrameMap frameMap(Kernel machine) {
        return EngineCharts.frameMap(machine, machine.frame_map());
    }

    /** Reports progress of a long loop in the cell; the notebook draws it as a progress bar. */
    public static void progress(long done, long total, String label) {
        CellContext.progress(done, total, label);
    }

    /**
     * An exercise's check: prints that it passed, or fails the cell with {@link NotSolvedYet} saying what was
     * expected (e.g. {@code check(nr_free_pages() == before, "every page you took given back")}).
     */
    public static void check(boolean passed, String expected) {
        if (!passed) {
            throw new NotSolvedYet(expected);
        }
        System.out.println("Solved: " + expected);
    }
}
