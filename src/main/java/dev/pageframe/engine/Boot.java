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

    private final List<BootStep> chain = new ArrayList<>();

    List<BootStep> chain() {
        return List.copyOf(chain);
    }

    void run() {
        KernelLog log = k.log();
        boolean legacy = p.era().legacy();
        String banner = "Linux version " + p.era().release() + " (pageframe@simulated) #1 " + p.name();
        if (!legacy) {
            log.printk(banner);
        }
        markHoles();
        k.ownerIndex(KERNEL_IMAGE);
        for (PhysRange r : p.firmwareReserved()) {
            if (r.start() < k.layout.memoryEnd()) {
                reserved.add(new PhysRange(r.start(), Math.min(r.end(), k.layout.memoryEnd()), FIRMWARE_PREFIX + r.label()));
            }
        }
        long kernelStart = kernelStart();
        long imageBytes = Math.min(p.kernelImageBytes(), k.layout.memoryEnd() / 4);
        long kernelEnd = pageAlign(kernelStart + imageBytes);
        reserved.add(new PhysRange(kernelStart, kernelEnd, KERNEL_IMAGE));

        long chainStart = kernelEnd;
        long chainEnd = kernelEnd;
        if (legacy) {
            chainEnd = startKernelChain(kernelEnd);
            claimAboveMem();
        } else {
            memblockEarlyInit();
        }
        for (PhysRange r : reserved) {
            reserve(r);
        }
        freeAllToBuddy();
        k.pages.build_zonelists();
        setupWatermarks();
        long freeKb = k.nr_free_pages() * (p.pageSize() / 1024);
        if (!legacy) {
            log.printk(String.format("Memory: %dK/%dK available (%dK kernel code and data, %dK reserved)",
                freeKb, k.memoryBytes() / 1024, (kernelEnd - kernelStart) / 1024,
                k.memoryBytes() / 1024 - freeKb));
            return;
        }
        if (p.pageOffset() != 0) {
            // arch/alpha/mm/init.c (mem_init) of 2.0 prints the free memory only.
            log.printk(String.format("Memory: %dk available", freeKb));
        } else {
            // arch/i386/mm/init.c (mem_init) of 1.2 and 2.0: reserved pages below _etext are code, those
            // in the ISA hole (640K-1M) "reserved", all other reserved pages (kernel data, what the
            // memory_start chain kept) data.
            long codeEnd = kernelStart + Math.min(p.kernelCodeBytes(), imageBytes);
            long code = 0;
            long isa = 0;
            long data = 0;
            for (long pfn = 0; pfn < k.layout.maxPfn(); pfn++) {
                if (k.mem_map.tag((int) pfn) != FrameTable.RESERVED) {
                    continue;
                }
                long addr = pfn << p.pageShift();
                if (addr >= 0xA0000 && addr < 0x100000) {
                    isa++;
                } else if (addr < codeEnd) {
                    code++;
                } else {
                    data++;
                }
            }
            long kbPerPage = p.pageSize() / 1024;
            log.printk(String.format("Memory: %dk/%dk available (%dk kernel code, %dk reserved, %dk data)",
                freeKb, k.layout.memoryEnd() / 1024, code * kbPerPage, isa * kbPerPage, data * kbPerPage));
        }
        // init/main.c of 1.2 and 2.0: the banner is printed after mem_init.
        log.printk(banner);
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

    /**
     * The legacy start_kernel chain (init/main.c): each init function takes memory_start, keeps what
     * lies below the value it returns, and mem_init reserves everything under the final one for good.
     * <ul>
     * <li>1.2: paging_init, console_init, bios32_init, kmalloc_init, chr_dev_init, blk_dev_init,
     *     scsi_dev_init, net_dev_init (the built-in drivers' own xx_init(mem_start, mem_end) run
     *     inside these), inode_init, file_table_init, name_cache_init.</li>
     * <li>2.0: paging_init, console_init, pci_init, kmalloc_init, inode_init, file_table_init,
     *     name_cache_init. Drivers run later, from device_setup(), without memory_start.</li>
     * </ul>
     * The simulator charges paging_init the page tables for memory above the first 4 MiB (head.S
     * maps the first 4 MiB) and console_init one 80x25 text screen (4000 bytes); it leaves mem_map
     * and the buddy bitmaps out, and the other core functions take nothing.
     */
    private long startKernelChain(long kernelEnd) {
        long mem_start = p.pageOffset() + kernelEnd;
        long mem_end = p.pageOffset() + k.layout.memoryEnd();
        boolean v12 = p.era() == Era.LINUX_1_2;
        long pageTables = p.pageOffset() == 0
            ? Math.max(0, (k.layout.memoryEnd() + (4L << 20) - 1) / (4L << 20) - 1) * p.pageSize() : 0;
        mem_start = core("paging_init", mem_start, pageTables);
        mem_start = core("console_init", mem_start, 4000);
        mem_start = core(v12 ? "bios32_init" : "pci_init", mem_start, 0);
        mem_start = core("kmalloc_init", mem_start, 0);
        if (v12) {
            // chr_dev_init, blk_dev_init, scsi_dev_init and net_dev_init call the built-in drivers.
            for (Initcall ic : initcalls) {
                if (ic.memStartInit() == null) {
                    continue;
                }
                long before = mem_start;
                long after = ic.memStartInit().init(mem_start, mem_end);
                if (Long.compareUnsigned(after, before) < 0 || Long.compareUnsigned(after, mem_end) > 0) {
                    throw new IllegalStateException(String.format("Kernel panic: %s returned mem_start 0x%x, outside "
                        + "[0x%x, 0x%x]: an init function may only move mem_start forward, within memory",
                        ic.name(), after, before, mem_end));
                }
                chain.add(new BootStep(ic.name(), before, after, true));
                if (after != before) {
                    reserved.add(new PhysRange(before - p.pageOffset(), after - p.pageOffset(), ic.name()));
                    k.log().printk(String.format("%s: reserved %d bytes at 0x%x at boot", ic.name(), after - before, before));
                }
                mem_start = after;
            }
        }
        mem_start = core("inode_init", mem_start, 0);
        mem_start = core("file_table_init", mem_start, 0);
        mem_start = core("name_cache_init", mem_start, 0);
        // mem_init: everything below the page-aligned mem_start stays reserved for good.
        long aligned = pageAlign(mem_start - p.pageOffset());
        if (aligned > mem_start - p.pageOffset()) {
            String owner = reserved.getLast().label();
            reserved.add(new PhysRange(mem_start - p.pageOffset(), aligned, owner));
        }
        return mem_start;
    }

    private long core(String function, long mem_start, long bytes) {
        chain.add(new BootStep(function, mem_start, mem_start + bytes, false));
        if (bytes > 0) {
            reserved.add(new PhysRange(mem_start - p.pageOffset(), mem_start - p.pageOffset() + bytes, function));
        }
        return mem_start + bytes;
    }

    /**
     * The era's other trick: booted with mem= below the installed RAM, the kernel never sees the top;
     * a built-in driver that knows where RAM really ends uses it directly. Nothing manages it, so
     * nothing ever frees it.
     */
    private void claimAboveMem() {
        long next = k.layout.memoryEnd();
        long installed = k.layout.installedEnd();
        for (Initcall ic : initcalls) {
            if (ic.aboveMemBytes() <= 0) {
                continue;
            }
            long end = next + pageAlign(ic.aboveMemBytes());
            if (end > installed) {
                throw new IllegalStateException(String.format("%s wants %d bytes above mem=%dK, but only %dK of RAM are "
                    + "installed above it", ic.name(), ic.aboveMemBytes(), next / 1024, (installed - next) / 1024));
            }
            aboveMem.add(new PhysRange(next, end, ic.name()));
            next = end;
        }
        int unmanaged = k.ownerIndex(ABOVE_MEM);
        for (long pfn = k.layout.memoryEnd() >>> p.pageShift(); pfn < installed >>> p.pageShift(); pfn++) {
            k.mem_map.set((int) pfn, FrameTable.RESERVED, unmanaged, 0, 0);
        }
        for (PhysRange r : aboveMem) {
            int owner = k.ownerIndex(r.label() + " (above mem=)");
            for (long pfn = r.start() >>> p.pageShift(); pfn < r.end() >>> p.pageShift(); pfn++) {
                k.mem_map.set((int) pfn, FrameTable.RESERVED, owner, 0, 0);
            }
        }
    }

    /** Owner of installed RAM above mem= that no driver took. */
    static final String ABOVE_MEM = "above mem= (not managed by the kernel)";

    private final List<PhysRange> aboveMem = new ArrayList<>();

    List<PhysRange> aboveMem() {
        return List.copyOf(aboveMem);
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
        if (p.hasDma32() && k.layout.memoryEnd() > 1L << 32) {
            // arch/x86/kernel/pci-dma.c: pci_swiotlb_detect turns swiotlb on when RAM reaches above
            // 4 GiB; kernel/dma/swiotlb.c: swiotlb_init takes its 64 MiB pool with memblock_alloc_low.
            mb.setOwner("swiotlb buffer");
            long virt = mb.memblock_alloc_low(Swiotlb.IO_TLB_DEFAULT_SIZE, p.pageSize());
            if (virt != 0) {
                long phys = virt - p.pageOffset();
                k.swiotlb = new Swiotlb(phys, Swiotlb.IO_TLB_DEFAULT_SIZE, k.log());
                k.log().printk(String.format("software IO TLB: mapped [mem 0x%016x-0x%016x] (%dMB)", phys,
                    phys + Swiotlb.IO_TLB_DEFAULT_SIZE - 1, Swiotlb.IO_TLB_DEFAULT_SIZE >> 20));
            }
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

    /**
     * mm/memblock.c: memblock_free_all, __free_pages_memory: every page that is RAM and not reserved
     * goes to the buddy allocator in the largest aligned blocks that fit (__free_pages_core in
     * max-order chunks). The free ranges are worked out from the memory map and the reservations,
     * so boot writes the head of each block it frees and visits no other frame: a 1 TiB machine has
     * 268 M frames but only 262 K max-order blocks.
     */
    private void freeAllToBuddy() {
        long[] busy = busyPfnRanges();
        IntList pieces = new IntList();
        for (Zone z : k.zones) {
            long pfn = z.zone_start_pfn;
            long end = z.zone_end_pfn();
            pieces.clear();
            for (int i = 0; i < busy.length && pfn < end; i += 2) {
                if (busy[i + 1] <= pfn) {
                    continue;
                }
                if (busy[i] >= end) {
                    break;
                }
                if (busy[i] > pfn) {
                    piecesOf((int) pfn, (int) busy[i], pieces);
                }
                pfn = busy[i + 1];
            }
            if (pfn < end) {
                piecesOf((int) pfn, (int) end, pieces);
            }
            if (p.era() == Era.MODERN && z.type != ZoneType.HIGHMEM) {
                // mm/page_alloc.c (since 5.10): memblock_free_all's memory goes to the tail of the free lists
                // (FPI_TO_TAIL), so each list runs up in pfn order and the first allocations come from the bottom of a
                // zone. Handing the blocks over from the top down, each to the head of its list, builds the same lists.
                // 32-bit HighMem is not memblock's: arch/x86/mm/init_32.c frees it page by page upward with
                // free_highmem_page(), an ordinary free to the head (until 6.15), so its top comes first, as below.
                for (int i = pieces.size() - 2; i >= 0; i -= 2) {
                    k.buddy.free_one_page(z, pieces.get(i), pieces.get(i + 1));
                }
            } else {
                // 1.2 and 2.0 free boot memory page by page upward, each to the front of its queue (and so does
                // 6.12's x86_32 for HighMem): the last, highest block is the first handed out.
                for (int i = 0; i < pieces.size(); i += 2) {
                    k.buddy.free_one_page(z, pieces.get(i), pieces.get(i + 1));
                }
            }
            z.managed_pages = z.free_pages;
        }
    }

    /**
     * The frames boot keeps from the buddy allocator, as sorted, merged [start, end) pfn pairs: the
     * holes between RAM ranges (markHoles), the reservations (reserve) and RAM above mem=
     * (claimAboveMem).
     */
    private long[] busyPfnRanges() {
        int shift = p.pageShift();
        List<long[]> ranges = new ArrayList<>();
        long prevEnd = 0;
        for (PhysRange r : k.layout.ram()) {
            if (r.start() > prevEnd) {
                ranges.add(new long[] {prevEnd >>> shift, r.start() >>> shift});
            }
            prevEnd = r.end();
        }
        for (PhysRange r : reserved) {
            ranges.add(new long[] {r.start() >>> shift, pageAlign(r.end()) >>> shift});
        }
        if (k.layout.installedEnd() > k.layout.memoryEnd()) {
            ranges.add(new long[] {k.layout.memoryEnd() >>> shift, k.layout.installedEnd() >>> shift});
        }
        ranges.sort((x, y) -> Long.compare(x[0], y[0]));
        long[] merged = new long[2 * ranges.size()];
        int n = 0;
        for (long[] r : ranges) {
            if (r[1] <= r[0]) {
                continue;
            }
            if (n > 0 && r[0] <= merged[n - 1]) {
                merged[n - 1] = Math.max(merged[n - 1], r[1]);
            } else {
                merged[n++] = r[0];
                merged[n++] = r[1];
            }
        }
        return java.util.Arrays.copyOf(merged, n);
    }

    /** [start, end) as the largest aligned blocks that fit, as pfn and order pairs in {@code into}. */
    private void piecesOf(int start, int end, IntList into) {
        int maxOrder = p.maxOrder();
        int pfn = start;
        while (pfn < end) {
            int order = Math.min(maxOrder, Integer.numberOfTrailingZeros(pfn == 0 ? 1 << 30 : pfn));
            while (pfn + (1 << order) > end) {
                order--;
            }
            into.add(pfn);
            into.add(order);
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
            pa.totalreserve_pages = Watermarks.calculate_totalreserve_pages(k.zones);
        } else {
            // free_area_init sizes the reserve from end_mem - PAGE_OFFSET: all of memory, not the free pages.
            long[] w = Watermarks.legacy_free_pages(p.era(), p.era().release(), k.layout.memoryEnd() >>> p.pageShift());
            pa.min_free_pages = w[0];
            pa.free_pages_low = w[1];
            pa.free_pages_high = w[2];
        }
    }
}
