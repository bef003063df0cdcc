package dev.pageframe.execution;

import java.util.List;

/**
 * A failed cell (Jupyter {@code error}).
 *
 * @param ename exception class name, {@code CompilationError}, {@code Interrupted}, or {@code KernelDied}
 * @param evalue the message; for compile errors it starts with the cell line and column
 * @param traceback human-readable lines; stack frames that belong to cells name the cell's
 *     execution count and the line within that cell
 * @param line the 1-based line in the failing cell the error points at, or 0 if none
 */
public record ErrorOutput(String ename, String evalue, List<String> traceback, int line) implements CellOutput {
    public ErrorOutput {
        traceback = List.copyOf(traceback);
    }
}
