package dev.pageframe.engine;

/** A {@code struct page *}: which frame, by pfn. */
public record Page(long pfn) {
    @Override
    public String toString() {
        return String.format("page(pfn=0x%x)", pfn);
    }
}
