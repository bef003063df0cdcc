package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link VmallocMap}; start from {@link Charts#vmallocMap(String)}. */
public final class VmallocMapBuilder implements ChartBuilder<VmallocMap> {

    private final String title;
    private long start;
    private long pageSize = 4096;
    private final List<Long> pfns = new ArrayList<>();

    VmallocMapBuilder(String title) {
        this.title = title;
    }

    /** The virtual address of the area's first page, as vmalloc returned it. */
    public VmallocMapBuilder start(long address) {
        this.start = address;
        return this;
    }

    /** The machine's page size in bytes ({@code PAGE_SIZE}). */
    public VmallocMapBuilder pageSize(long bytes) {
        this.pageSize = bytes;
        return this;
    }

    /** The frame behind the next virtual page, e.g. {@code vmalloc_to_pfn(addr + i * PAGE_SIZE)}; -1 for none. */
    public VmallocMapBuilder page(long pfn) {
        pfns.add(pfn);
        return this;
    }

    /** The frames behind the next virtual pages, in order. */
    public VmallocMapBuilder pages(long... pfnsInOrder) {
        for (long pfn : pfnsInOrder) {
            pfns.add(pfn);
        }
        return this;
    }

    @Override
    public VmallocMap build() {
        return new VmallocMap(title, start, pageSize, pfns);
    }
}
