package dev.pageframe.execution.display;

import java.util.Map;

/** A fluent builder of one chart kind; ends in {@link #build()} or straight in {@link #mimeBundle()}. */
public interface ChartBuilder<C extends Chart> {

    /** The immutable chart described so far. */
    C build();

    /** The MIME bundle of the built chart, for a cell's display call. */
    default Map<String, Object> mimeBundle() {
        return build().mimeBundle();
    }
}
