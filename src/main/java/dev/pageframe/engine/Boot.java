package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The boot sequence: firmware and kernel-image reservations, the era's early allocator (2.0's
 * mem_start hand-off to built-in drivers, or memblock), then mem_init / memblock_free_all giving
 * every remaining page to the buddy allocator and sizing the watermarks (init/main.c of 2.0;
 * mm/memblock.c and mm/page_alloc.c today).
 */
final class Boot {
    /** Reservation owners with fixed indices, so the frame map can tell them apart. */
    static final String KERNEL_IMAGE = "kernel image";
    static final String FIRMWARE_PREFIX = "firmware: ";

    private final Kernel k;
    private final List<Initcall> initcalls;
    private final MachineProfile p;
    private final List<PhysRange> reserved = new ArrayList<>();

    Boot(Kernel k, List<Initcall> initcalls) {
        this.k = k;
        this.initcalls = initcalls;
        this.p = k.profile();
    }

    void run() {
        KernelLog log = k.log();
        log.printk("Linux version " + (p.era() == Era.LINUX_2_0 ? "2.0.40" : "6.12.0") + " (pageframe@simulated) #1 "
            + p.name());
        markHoles();
        k.ownerIndex(KERNEL_IMAGE);
        for (PhysRange r : p.firmwareReserved()) {
            if (r.start() < k.layout.memoryEnd()) {
                reserved.add(new PhysRange(r.start(), Math.min(r.end(), k.layout.memoryEnd()), FIRMWARE_PREFIX + r.label()));
            }
        }
        long kernelStart = kernelStart();
        long kernelEnd = pageAlign(kernelStart + Math.min(p.kernelImageBytes(), k.layout.memoryEnd() / 4));
        reserved.add(new PhysRange(kernelStart, kernelEnd, KERNEL_IMAGE));

        if (p.era() == Era.LINUX_2_0) {
            memStartHandOff(kernelEnd);
        } else {
            memblockEarlyInit();
        }
        for (PhysRange r : reserved) {
            reserve(r);
        }
        freeAllToBuddy();
        k.pages.build_zonelists();
        setupWatermarks();
        long freeKb = k.kb(k.nr_free_pages());
        log.printk(String.format("Memory: %dK/%dK available (%dK kernel code and data, %dK reserved)",
            freeKb, k.memoryBytes() / 1024, (kernelEnd - kernelStart) / 1024,
            k.memoryBytes() / 1024 - freeKb));
    }

    /** Small machines load the kernel low, as a relocatable kernel may; large ones at CONFIG_PHYSICAL_START. */
    private long kernelStart() {
        if (p.era() == Era.MODERN && k.layout.memoryEnd() < 128L << 20) {
            return 1L << 20;
        }
        return p.kernelPhysStart();
    }

    private long pageAlign(long addr) {
        long mask = p.pageSize() - 1;
        return (addr + mask) & ~mask;
    }

    /** Linux 2.0: each built-in init takes memory_start, keeps what it needs and returns the new start. */
    private void memStartHandOff(long kernelEnd) {
        long mem_start = p.pageOffset() + kernelEnd;
        long mem_end = p.pageOffset() + k.layout.memoryEnd();
        for (Initcall ic : initcalls) {
            long before = mem_start;
            long after = ic.memStartInit().init(mem_start, mem_end);
            if (Long.compareUnsigned(after, before) < 0 || Long.compareUnsigned(after, mem_end) > 0) {
                throw new IllegalStateException(String.format("Kernel panic: %s returned mem_start 0x%x, outside "
                    + "[0x%x, 0x%x]: an init function may only move mem_start forward, within memory",
                    ic.name(), after, before, mem_end));
            }
            if (after != before) {
                reserved.add(new PhysRange(before - p.pageOffset(), after - p.pageOffset(), ic.name()));
                k.log().printk(String.format("%s: reserved %d bytes at 0x%x at boot", ic.name(), after - before, before));
            }
            mem_start = after;
        }
        // mem_init: everything below the page-aligned mem_start stays reserved for good.
        long aligned = pageAlign(mem_start - p.pageOffset());
        if (aligned > mem_start - p.pageOffset()) {
            String owner = reserved.getLast().label();
            reserved.add(new PhysRange(mem_start - p.pageOffset(), aligned, owner));
        }
    }

    private void memblockEarlyInit() {
        long limit = (long) k.layout.lowmemEndPfn() << p.pageShift();
        Memblock mb = new Memblock(k.layout.ram(), limit, p.pageOffset(), p.pageSize());
        for (PhysRange r : reserved) {
            mb.setOwner(r.label());
            mb.memblock_reserve(r.start(), r.size());
        }
        for (Initcall ic : initcalls) {
            mb.setOwner(ic.name());
            ic.earlyInit().accept(mb);
        }
        mb.memblock_free_all();
        for (PhysRange r : mb.reserved()) {
            k.log().printk(String.format("memblock_reserve: [mem 0x%016x-0x%016x] %s", r.start(), r.end() - 1, r.label()));
        }
        reserved.clear();
        for (PhysRange r : mb.reserved()) {
            // memblock hands back whole pages only: a partly reserved page stays reserved.
            long start = r.start() & ~(p.pageSize() - 1);
            reserved.add(new PhysRange(start, pageAlign(r.end()), r.label()));
        }
    }

    private void markHoles() {
        FrameTable m = k.mem_map;
        long prevEnd = 0;
        for (PhysRange r : k.layout.ram()) {
            for (long pfn = prevEnd >>> p.pageShift(); pfn < r.start() >>> p.pageShift(); pfn++) {
                m.set((int) pfn, FrameTable.HOLE, 0, 0, 0);
            }
            prevEnd = r.end();
        }
    }

    private void reserve(PhysRange r) {
        int owner = k.ownerIndex(r.label());
        int first = (int) (r.start() >>> p.pageShift());
        int last = (int) ((pageAlign(r.end())) >>> p.pageShift());
        for (int pfn = first; pfn < last && pfn < k.mem_map.size(); pfn++) {
            if (k.mem_map.tag(pfn) != FrameTable.HOLE) {
                k.mem_map.set(pfn, FrameTable.RESERVED, owner, 0, 0);
            }
        }
    }

    /** mm/memblock.c: memblock_free_all, __free_pages_memory: the largest aligned blocks that fit. */
    private void freeAllToBuddy() {
        FrameTable m = k.mem_map;
        for (Zone z : k.zones) {
            int pfn = z.zone_start_pfn;
            int end = z.zone_end_pfn();
            while (pfn < end) {
                if (m.tag(pfn) != FrameTable.TAIL) {
                    pfn++;
                    continue;
                }
                int runEnd = pfn;
                while (runEnd < end && m.tag(runEnd) == FrameTable.TAIL) {
                    runEnd++;
                }
                freeRange(z, pfn, runEnd);
                pfn = runEnd;
            }
            z.managed_pages = z.free_pages;
        }
    }

    private void freeRange(Zone z, int start, int end) {
        int maxOrder = p.maxOrder();
        int pfn = start;
        while (pfn < end) {
            int order = Math.min(maxOrder, Integer.numberOfTrailingZeros(pfn == 0 ? 1 << 30 : pfn));
            while (pfn + (1 << order) > end) {
                order--;
            }
            k.buddy.free_one_page(z, pfn, order);
            pfn += 1 << order;
        }
    }

    private void setupWatermarks() {
        PageAllocator pa = k.pages;
        if (p.era() == Era.MODERN) {
            long lowmemKb = 0;
            for (Zone z : k.zones) {
                if (z.type != ZoneType.HIGHMEM) {
                    lowmemKb += k.kb(z.managed_pages);
                }
            }
            long minFreeKb = Watermarks.min_free_kbytes(lowmemKb);
            Watermarks.setup_per_zone_wmarks(k.zones, minFreeKb, p.pageShift());
            Watermarks.setup_per_zone_lowmem_reserve(k.zones);
        } else {
            long free = k.nr_free_pages();
            pa.min_free_pages = Watermarks.min_free_pages_20(free);
            pa.free_pages_low = pa.min_free_pages + (pa.min_free_pages >> 1);
            pa.free_pages_high = pa.min_free_pages * 2;
        }
    }
}
