package dev.pageframe.execution.display;

import java.util.Objects;

/** A memory zone (DMA, DMA32, Normal, HighMem, …) covering pfns {@code [startPfn, endPfn)}. */
public record ZoneSpan(String name, long startPfn, long endPfn) {

    public ZoneSpan {
        Objects.requireNonNull(name, "name");
        if (startPfn < 0 || endPfn < startPfn) {
            throw new IllegalArgumentException("zone " + name + " has a bad pfn range: " + startPfn + ".." + endPfn);
        }
    }

    public long frames() {
        return endPfn - startPfn;
    }
}
