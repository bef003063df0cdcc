package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * vmalloc: virtually contiguous areas built from separately allocated pages, each followed by an
 * unmapped guard page (mm/vmalloc.c). The lowest free range that fits is used, as alloc_vmap_area does.
 */
final class Vmalloc {
    /** One mapped area (include/linux/vmalloc.h: struct vm_struct). */
    record Area(int id, long addr, long size, IntList pages, String caller) {
        int nr_pages() {
            return pages.size();
        }
    }

    private final MachineProfile profile;
    private final FrameTable mem_map;
    private final PageAllocator pages;
    private final AddressSpace as;
    private final SimClock clock;
    private final TreeMap<Long, Area> byAddr = new TreeMap<>(Long::compareUnsigned);
    private final List<Area> byId = new ArrayList<>();
    private final IntList freeIds = new IntList();
    long vmallocPages;

    Vmalloc(MachineProfile profile, FrameTable mem_map, PageAllocator pages, AddressSpace as, SimClock clock) {
        this.profile = profile;
        this.mem_map = mem_map;
        this.pages = pages;
        this.as = as;
        this.clock = clock;
    }

    /**
     * Whether the last {@link #vmalloc} failed for want of address space (mm/vmalloc.c: alloc_vmap_area's overflow)
     * rather than of pages.
     */
    boolean lastRangeFull;
    /** The pages the last failed {@link #vmalloc} had got before one was refused (its failure report's size). */
    int lastPagesGot;

    /**
     * Maps size bytes (rounded up to pages) and returns the area's start, or 0 when there is no
     * room in the vmalloc range or no pages. Context is checked by the caller.
     */
    long vmalloc(long size, int gfp, boolean zero, String caller) {
        long pageSize = profile.pageSize();
        long mapped = (size + pageSize - 1) & ~(pageSize - 1);
        long withGuard = mapped + pageSize;
        long addr = findFreeRange(withGuard);
        lastRangeFull = addr == 0;
        if (addr == 0) {
            return 0;
        }
        int nr = (int) (mapped / pageSize);
        IntList list = new IntList();
        int id = freeIds.size() > 0 ? freeIds.removeLast() : byId.size();
        if (id == byId.size()) {
            byId.add(null);
        }
        for (int i = 0; i < nr; i++) {
            // mm/vmalloc.c: vm_area_alloc_pages asks quietly; the caller reports one failure for the area.
            int pfn = profile.era() == Era.MODERN ? pages.alloc_pages(gfp | Gfp.__GFP_NOWARN, 0) : pages.get_free_pages_legacy(gfp, 0);
            if (pfn < 0) {
                lastPagesGot = list.size();
                for (int j = 0; j < list.size(); j++) {
                    mem_map.set(list.get(j), FrameTable.PAGE, 0, 0, 0);
                    pages.free_pages(list.get(j), 0);
                }
                freeIds.add(id);
                return 0;
            }
            mem_map.set(pfn, FrameTable.VMALLOC, id, 0, i);
            list.add(pfn);
        }
        Area area = new Area(id, addr, withGuard, list, caller);
        byId.set(id, area);
        byAddr.put(addr, area);
        vmallocPages += nr;
        clock.charge(nr * profile.cost().vmapPerPageNs() + (zero ? profile.cost().clearNs(mapped) : 0));
        return addr;
    }

    private long findFreeRange(long size) {
        long candidate = as.vmallocStart;
        for (Map.Entry<Long, Area> e : byAddr.entrySet()) {
            long start = e.getKey();
            if (Long.compareUnsigned(start - candidate, size) >= 0 && Long.compareUnsigned(start, candidate) >= 0) {
                break;
            }
            candidate = start + e.getValue().size();
        }
        if (Long.compareUnsigned(as.vmallocEnd - candidate, size) < 0) {
            return 0;
        }
        return candidate;
    }

    /** The area starting exactly at addr, or null. */
    Area areaAt(long addr) {
        return byAddr.get(addr);
    }

    /** The area containing addr (guard page excluded), or null. */
    Area areaContaining(long addr) {
        Map.Entry<Long, Area> e = byAddr.floorEntry(addr);
        if (e == null) {
            return null;
        }
        Area a = e.getValue();
        long mappedEnd = a.addr() + a.size() - profile.pageSize();
        return Long.compareUnsigned(addr, mappedEnd) < 0 ? a : null;
    }

    Area area(int id) {
        return byId.get(id);
    }

    void vfree(Area a) {
        byAddr.remove(a.addr());
        byId.set(a.id(), null);
        freeIds.add(a.id());
        for (int i = 0; i < a.pages().size(); i++) {
            int pfn = a.pages().get(i);
            mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
            pages.free_pages(pfn, 0);
        }
        vmallocPages -= a.nr_pages();
    }

    List<Area> areas() {
        return new ArrayList<>(byAddr.values());
    }
}
