package dev.pageframe.execution;

import java.util.Objects;

/** Text a cell wrote to stdout or stderr (Jupyter {@code stream}). */
public record StreamOutput(StreamName name, String text) implements CellOutput {
    public StreamOutput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
