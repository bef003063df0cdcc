package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where RAM lies in the physical address space of a profile with a given memory size, and how it
 * divides into zones (arch/x86/mm/init.c: zone_sizes_init; the e820 map's PCI hole below 4 GiB).
 */
record BootLayout(MachineProfile profile, List<PhysRange> ram, int maxPfn, int lowmemEndPfn, long memoryEnd,
                  long installedEnd) {

    static BootLayout of(MachineProfile p, long memoryBytes) {
        return of(p, memoryBytes, 0);
    }

    /**
     * The layout with mem= given (0 = none): the kernel then manages RAM only up to memLimit and
     * never learns of the rest (legacy profiles: the mem= option of init/main.c, setup_arch).
     */
    static BootLayout of(MachineProfile p, long memoryBytes, long memLimit) {
        BootLayout installed = of0(p, memoryBytes);
        if (memLimit == 0 || memLimit == memoryBytes) {
            return installed;
        }
        if (!p.era().legacy()) {
            throw new IllegalArgumentException("mem= with RAM left above it for a driver is a Linux 1.2/2.0 trick; "
                + p.name() + " reserves boot memory with memblock (or the crashkernel=/cma= options) instead");
        }
        if (memLimit > memoryBytes || memLimit < p.minMemory() || memLimit % p.pageSize() != 0) {
            throw new IllegalArgumentException(String.format("mem=%s must be a multiple of the page size between %s and "
                + "the installed %s", Sizes.format(memLimit), Sizes.format(p.minMemory()), Sizes.format(memoryBytes)));
        }
        BootLayout seen = of0(p, memLimit);
        return new BootLayout(p, seen.ram(), seen.maxPfn(), seen.lowmemEndPfn(), seen.memoryEnd(), installed.memoryEnd());
    }

    private static BootLayout of0(MachineProfile p, long memoryBytes) {
        if (memoryBytes < p.minMemory() || memoryBytes > p.maxMemory()) {
            throw new IllegalArgumentException(String.format("%s supports %s to %s of memory, not %s",
                p.name(), Sizes.format(p.minMemory()), Sizes.format(p.maxMemory()), Sizes.format(memoryBytes)));
        }
        if (memoryBytes % p.pageSize() != 0) {
            throw new IllegalArgumentException("memory size must be a multiple of the page size ("
                + p.pageSize() + " bytes), got " + memoryBytes);
        }
        List<PhysRange> ram = new ArrayList<>();
        if (p.pciHoleStart() > 0 && memoryBytes > p.pciHoleStart()) {
            // The firmware puts RAM that would sit under the PCI hole above 4 GiB instead.
            ram.add(new PhysRange(0, p.pciHoleStart(), "System RAM"));
            ram.add(new PhysRange(p.pciHoleEnd(), p.pciHoleEnd() + memoryBytes - p.pciHoleStart(), "System RAM"));
        } else {
            ram.add(new PhysRange(0, memoryBytes, "System RAM"));
        }
        long end = ram.getLast().end();
        checkFits(p, end);
        int maxPfn = (int) (end >>> p.pageShift());
        long lowmemEnd = p.hasHighmem() ? Math.min(end, p.lowmemLimit()) : end;
        return new BootLayout(p, List.copyOf(ram), maxPfn, (int) (lowmemEnd >>> p.pageShift()), end, end);
    }

    /**
     * Refuses, before any table is allocated, a machine the simulated mem_map cannot describe: more
     * frames than a table holds, or a zone larger than its 28-bit free-list offsets reach.
     */
    private static void checkFits(MachineProfile p, long end) {
        long frames = end >>> p.pageShift();
        if (frames > FrameTable.MAX_FRAMES) {
            throw new IllegalArgumentException(String.format("%s with RAM up to %s has %d page frames; the simulated "
                + "mem_map holds at most %d", p.name(), Sizes.format(end), frames, FrameTable.MAX_FRAMES));
        }
        long[] bounds = zoneBounds(p, end);
        for (ZoneType t : ZoneType.values()) {
            long spanned = (bounds[t.ordinal() + 1] - bounds[t.ordinal()]) >>> p.pageShift();
            if (spanned > FrameTable.MAX_ZONE_PAGES) {
                throw new IllegalArgumentException(p.name() + " with " + Sizes.format(end) + " of address space: "
                    + FrameTable.zoneTooLarge(t.kernelName(), spanned));
            }
        }
    }

    /** Physical start of each zone type, and the end of memory last (arch/x86/mm/init.c: zone_sizes_init). */
    private static long[] zoneBounds(MachineProfile p, long end) {
        long[] bounds = new long[ZoneType.values().length + 1];
        bounds[ZoneType.DMA.ordinal()] = 0;
        bounds[ZoneType.DMA32.ordinal()] = Math.min(p.dmaLimit(), end);
        bounds[ZoneType.NORMAL.ordinal()] = p.hasDma32() ? Math.min(p.dma32Limit(), end) : Math.min(p.dmaLimit(), end);
        bounds[ZoneType.HIGHMEM.ordinal()] = p.hasHighmem() ? Math.min(p.lowmemLimit(), end) : end;
        bounds[ZoneType.values().length] = end;
        return bounds;
    }

    /** Zones in type order, each spanning its pfn range; zones with nothing in them are left out. */
    List<Zone> createZones(FrameTable mem_map) {
        MachineProfile p = profile;
        int shift = p.pageShift();
        int migrateTypes = p.era() == Era.MODERN ? MigrateType.MIGRATE_PCPTYPES : 1;
        int pageblockOrder = p.era() == Era.MODERN ? p.pageblockOrder() : p.maxOrder();
        List<Zone> zones = new ArrayList<>();
        long[] bounds = zoneBounds(p, memoryEnd);
        for (ZoneType t : ZoneType.values()) {
            long start = bounds[t.ordinal()];
            long stop = bounds[t.ordinal() + 1];
            if (t == ZoneType.DMA32 && !p.hasDma32()) {
                continue;
            }
            if (stop <= start) {
                continue;
            }
            int startPfn = (int) (start >>> shift);
            int spanned = (int) ((stop - start) >>> shift);
            Zone z = new Zone(t, startPfn, spanned, p.maxOrder(), migrateTypes, pageblockOrder, mem_map);
            z.present_pages = presentIn(startPfn, startPfn + spanned);
            zones.add(z);
        }
        return zones;
    }

    long presentIn(int startPfn, int endPfn) {
        long n = 0;
        for (PhysRange r : ram) {
            long s = Math.max(startPfn, r.start() >>> profile.pageShift());
            long e = Math.min(endPfn, r.end() >>> profile.pageShift());
            if (e > s) {
                n += e - s;
            }
        }
        return n;
    }
}
