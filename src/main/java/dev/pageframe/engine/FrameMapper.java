package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/** Walks mem_map block by block and reports who owns each frame, merging neighbours of equal use. */
final class FrameMapper {
    private final Kernel k;
    private final List<FrameRun> runs = new ArrayList<>();
    private long curStart = -1;
    private long curCount;
    private FrameKind curKind;
    private String curZone;
    private int curOrder;
    private String curOwner;

    FrameMapper(Kernel k) {
        this.k = k;
    }

    List<FrameRun> runs() {
        FrameTable m = k.mem_map;
        int n = m.size();
        int maxOrder = k.MAX_ORDER();
        Zone zone = null;
        for (int pfn = 0; pfn < n; ) {
            if (zone == null || !zone.contains(pfn)) {
                zone = k.pages.zoneOf(pfn);
            }
            String zn = zone == null ? "-" : zone.name();
            int tag = m.tag(pfn);
            int len = 1;
            switch (tag) {
                case FrameTable.BUDDY -> {
                    int order = m.order(pfn);
                    len = 1 << order;
                    if (order == maxOrder && zone != null && m.sectionAllFree(pfn, maxOrder)
                            && zone.contains(pfn + FrameTable.PAGES_PER_SECTION - 1)) {
                        // A section of nothing but free max-order blocks: the same run, in one step.
                        len = FrameTable.PAGES_PER_SECTION;
                    }
                    add(pfn, len, FrameKind.FREE, zn, order, "");
                }
                case FrameTable.PAGE -> {
                    len = 1 << m.order(pfn);
                    int flags = m.payloadA(pfn);
                    FrameKind kind = (flags & FrameTable.PF_DMA) != 0 ? FrameKind.DMA : FrameKind.PAGE;
                    String owner = (flags & FrameTable.PF_KMALLOC_LARGE) != 0 ? "kmalloc (large)" : "__get_free_pages";
                    add(pfn, len, kind, zn, m.order(pfn), owner + "#" + pfn);
                }
                case FrameTable.SLAB -> {
                    len = 1 << m.order(pfn);
                    add(pfn, len, FrameKind.SLAB, zn, m.order(pfn), k.kmalloc.caches.get(m.payloadA(pfn)).cls.name());
                }
                case FrameTable.VMALLOC -> {
                    Vmalloc.Area a = k.vmalloc.area(m.payloadA(pfn));
                    add(pfn, 1, FrameKind.VMALLOC, zn, 0, a == null ? "vmalloc" : "vmalloc " + a.caller());
                }
                case FrameTable.PAGECACHE -> add(pfn, 1, FrameKind.PAGECACHE, zn, 0, "page cache");
                case FrameTable.ANON -> add(pfn, 1, FrameKind.ANON, zn, 0, "pid " + m.anonPid(pfn));
                case FrameTable.RESERVED -> {
                    String owner = k.reservationOwners().get(m.payloadA(pfn));
                    FrameKind kind = owner.equals(Boot.KERNEL_IMAGE) ? FrameKind.KERNEL_IMAGE
                        : owner.startsWith(Boot.FIRMWARE_PREFIX) ? FrameKind.FIRMWARE : FrameKind.BOOT_RESERVED;
                    add(pfn, 1, kind, zn, 0, owner.startsWith(Boot.FIRMWARE_PREFIX)
                        ? owner.substring(Boot.FIRMWARE_PREFIX.length()) : owner);
                }
                case FrameTable.HOLE -> {
                    // A hole is one run up to the next RAM range (Boot.markHoles), cut at zone edges.
                    len = holeLength(pfn, n);
                    add(pfn, len, FrameKind.HOLE, zn, 0, "no RAM");
                }
                default -> add(pfn, 1, FrameKind.HOLE, zn, 0, "?");
            }
            pfn += len;
        }
        flush();
        return runs;
    }

    /** Frames from pfn to the next RAM range, the next zone edge or the end of the table, whichever comes first. */
    private int holeLength(int pfn, int n) {
        long end = n;
        for (PhysRange r : k.layout.ram()) {
            long start = r.start() >>> k.PAGE_SHIFT();
            if (start > pfn) {
                end = Math.min(end, start);
                break;
            }
        }
        for (Zone z : k.zones) {
            if (z.zone_start_pfn > pfn) {
                end = Math.min(end, z.zone_start_pfn);
            }
            if (z.zone_end_pfn() > pfn) {
                end = Math.min(end, z.zone_end_pfn());
            }
        }
        return (int) Math.max(1, end - pfn);
    }

    private void add(long pfn, long len, FrameKind kind, String zone, int order, String owner) {
        // Whole blocks of one owner merge; separate allocations stay separate runs so hover can tell them apart.
        boolean mergeable = kind == FrameKind.FREE || kind == FrameKind.HOLE || kind == FrameKind.PAGECACHE
            || kind == FrameKind.KERNEL_IMAGE || kind == FrameKind.FIRMWARE || kind == FrameKind.BOOT_RESERVED
            || kind == FrameKind.VMALLOC || kind == FrameKind.ANON || kind == FrameKind.SLAB;
        if (curStart >= 0 && kind == curKind && zone.equals(curZone) && owner.equals(curOwner) && mergeable
                && (kind != FrameKind.FREE || order == curOrder) && curStart + curCount == pfn) {
            curCount += len;
            return;
        }
        flush();
        curStart = pfn;
        curCount = len;
        curKind = kind;
        curZone = zone;
        curOrder = order;
        curOwner = owner;
    }

    private void flush() {
        if (curStart >= 0) {
            runs.add(new FrameRun(curStart, curCount, curKind, curZone, curOrder, curOwner));
        }
        curStart = -1;
    }
}
