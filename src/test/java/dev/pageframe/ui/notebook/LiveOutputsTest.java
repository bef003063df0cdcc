package dev.pageframe.ui.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Output;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class LiveOutputsTest {
    /** Stands for the FX thread: tasks wait until the test runs them, as they wait while the FX thread is busy. */
    private static final class HeldExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            for (Runnable t; (t = tasks.poll()) != null; ) {
                t.run();
            }
        }
    }

    @Test
    void thousandsOfChunksWaitingForTheFxThreadBecomeOneTaskAndOneChange() {
        CellModel cell = new CellModel(Cell.code("for (;;) System.out.println(i++);"));
        int[] changes = {0};
        cell.outputs().addListener((ListChangeListener<Output>) c -> changes[0]++);
        HeldExecutor fx = new HeldExecutor();
        LiveOutputs live = new LiveOutputs(cell, fx);
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            live.add(Output.Stream.stdout(i + "\n"));
            printed.append(i).append('\n');
        }
        assertEquals(1, fx.tasks.size(), "one hand-over waits, however many chunks arrive");
        fx.runAll();
        assertEquals(List.of(Output.Stream.stdout(printed.toString())), cell.outputs());
        assertEquals(1, changes[0]);

        live.add(Output.Stream.stdout("more\n"));
        fx.runAll();
        assertEquals(List.of(Output.Stream.stdout(printed + "more\n")), cell.outputs(), "later text continues the stream");
    }

    @Test
    void outputsKeepTheirOrderAndOnlyAdjacentChunksOfOneStreamJoin() {
        CellModel cell = new CellModel(Cell.code("x"));
        HeldExecutor fx = new HeldExecutor();
        LiveOutputs live = new LiveOutputs(cell, fx);
        Output error = Output.ErrorOutput.of("E", "v", List.of("t"));
        live.add(Output.Stream.stdout("a"));
        live.add(Output.Stream.stdout("b"));
        live.add(Output.Stream.stderr("warn"));
        live.add(Output.Stream.stdout("c"));
        live.add(error);
        live.add(Output.Stream.stdout("d"));
        fx.runAll();
        assertEquals(List.of(Output.Stream.stdout("ab"), Output.Stream.stderr("warn"), Output.Stream.stdout("c"), error,
                Output.Stream.stdout("d")), cell.outputs());
    }
}
