package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The machine profiles a notebook can choose by name. */
public final class MachineProfiles {
    private MachineProfiles() {}

    private static final long K = 1024;
    private static final long M = K * K;
    private static final long G = M * K;

    /** Modern SLUB caches as a typical x86 box reports them in /proc/slabinfo (mm/slab_common.c: kmalloc_info). */
    private static final List<KmallocClass> MODERN_KMALLOC = List.of(
        new KmallocClass("kmalloc-8", 8, 512, 0, 0),
        new KmallocClass("kmalloc-16", 16, 256, 0, 0),
        new KmallocClass("kmalloc-32", 32, 128, 0, 0),
        new KmallocClass("kmalloc-64", 64, 64, 0, 0),
        new KmallocClass("kmalloc-96", 96, 42, 0, 0),
        new KmallocClass("kmalloc-128", 128, 32, 0, 0),
        new KmallocClass("kmalloc-192", 192, 21, 0, 0),
        new KmallocClass("kmalloc-256", 256, 32, 1, 0),
        new KmallocClass("kmalloc-512", 512, 32, 2, 0),
        new KmallocClass("kmalloc-1k", 1024, 32, 3, 0),
        new KmallocClass("kmalloc-2k", 2048, 16, 3, 0),
        new KmallocClass("kmalloc-4k", 4096, 8, 3, 0),
        new KmallocClass("kmalloc-8k", 8192, 4, 3, 0));

    /**
     * Linux 2.0 on 4 KiB pages (mm/kmalloc.c: sizes[]): small blocks share a page behind a 16-byte
     * page descriptor; from 4080 bytes up each block has pages of its own. Every block carries an
     * 8-byte header, so a request must fit in size - 8.
     */
    private static List<KmallocClass> linux20Kmalloc(int pageSize, int header, int[][] small) {
        List<KmallocClass> classes = new ArrayList<>();
        for (int[] row : small) {
            classes.add(new KmallocClass("size-" + row[0], row[0], row[1], 0, header));
        }
        int descriptor = 2 * header;
        for (int order = 0; order <= 5; order++) {
            int size = (pageSize << order) - descriptor;
            classes.add(new KmallocClass("size-" + size, size, 1, order, header));
        }
        return List.copyOf(classes);
    }

    /** What a 1990s PC's firmware keeps below 1 MiB, the same under Linux 1.2 and 2.0. */
    private static final List<PhysRange> ISA_PC_RESERVED = List.of(
        new PhysRange(0, 4 * K, "BIOS data page"),
        new PhysRange(640 * K, 1 * M, "ISA hole (video memory, BIOS ROM)"));

    /** i386 kmalloc of Linux 2.0, which 1.2 already had (mm/kmalloc.c: sizes[] for 4 KiB pages). */
    private static final List<KmallocClass> I386_LINUX20_KMALLOC = linux20Kmalloc(4096, 8, new int[][] {
        {32, 127}, {64, 63}, {128, 31}, {252, 16}, {508, 8}, {1020, 4}, {2040, 2}});

    /** The largest i386 kmalloc of 1.2 and 2.0: 32 pages less the page descriptor and block header. */
    private static final long I386_LINUX20_KMALLOC_MAX = 131072 - 16 - 8;

    /** What a modern PC's firmware and boot code keep: the whole low 1 MiB (arch/x86/kernel/setup.c reserves it). */
    private static final List<PhysRange> MODERN_PC_RESERVED = List.of(
        new PhysRange(0, 1 * M, "low 1 MiB (BIOS, real-mode trampoline)"));

    /**
     * Linux 1.2.13 on a PC: the same buddy lists (NR_MEM_LISTS 6) and kmalloc buckets as 2.0
     * (mm/kmalloc.c of 1.2 has the 4 KiB table), a reserve of 1/64 of memory and no kswapd
     * (mm/swap.c of 1.2), and built-in drivers that take memory_start (init/main.c of 1.2).
     */
    public static final MachineProfile I386_LINUX_1_2 = new MachineProfile(
        "i386-linux-1.2", Era.LINUX_1_2,
        "PC running Linux 1.2 (1995): 4 KiB pages, orders 0-5, built-in drivers reserve boot memory",
        12, 5, 5,
        0L,                 // the kernel segment maps physical memory at 0, as in 2.0
        16 * M, 0, 0, 0, 0,
        1 * M, 450 * K, 300 * K,
        ISA_PC_RESERVED,
        0, 8 * M, 128 * M,  // mm/vmalloc.c of 1.2: areas start 8 MiB above high_memory
        I386_LINUX20_KMALLOC, I386_LINUX20_KMALLOC_MAX, 8,
        CostModel.PC_1996,
        2 * M, 960 * M);

    public static final MachineProfile I386_LINUX_2_0 = new MachineProfile(
        "i386-linux-2.0", Era.LINUX_2_0,
        "PC running Linux 2.0 (1996): 4 KiB pages, orders 0-5, ISA DMA below 16 MiB",
        12, 5, 5,
        0L,                 // 2.0 ran the kernel in its own segment: kernel addresses equal physical ones
        16 * M, 0, 0, 0, 0,
        1 * M, 600 * K, 400 * K, // loaded at 1 MiB, above the ISA hole
        ISA_PC_RESERVED,
        0, 8 * M, 128 * M,  // vmalloc: 8 MiB above the end of physical memory
        I386_LINUX20_KMALLOC, I386_LINUX20_KMALLOC_MAX, 8,
        CostModel.PC_1996,
        2 * M, 960 * M);

    public static final MachineProfile ALPHA_LINUX_2_0 = new MachineProfile(
        "alpha-linux-2.0", Era.LINUX_2_0,
        "DEC Alpha running Linux 2.0 (1996): 8 KiB pages, orders 0-5, 64-bit KSEG addresses",
        13, 5, 5,
        0xfffffc0000000000L, // KSEG: the whole of physical memory at this base
        16 * M, 0, 0, 0, 0,
        0x310000L, 1536 * K, 1024 * K, // loaded at 3 MiB + 64 KiB, after the console firmware and PALcode
        List.of(new PhysRange(0, 0x310000L, "console firmware, PALcode, boot stack")),
        0xfffffe0000000000L, 0, 8 * G,
        linux20Kmalloc(8192, 16, new int[][] {
            {64, 127}, {128, 63}, {248, 31}, {504, 16}, {1016, 8}, {2040, 4}, {4080, 2}}),
        262144 - 32 - 16, 16,
        CostModel.ALPHA_1996,
        8 * M, 64 * G);

    public static final MachineProfile I386 = new MachineProfile(
        "i386", Era.MODERN,
        "32-bit PC running a modern kernel: DMA below 16 MiB, Normal to 896 MiB, HighMem above",
        12, 10, 9,
        0xC0000000L,        // 3G/1G split
        16 * M, 0, 896 * M, 0, 0,
        16 * M, 12 * M, 8 * M, // CONFIG_PHYSICAL_START
        MODERN_PC_RESERVED,
        0, 8 * M, 120 * M,
        MODERN_KMALLOC, 4 * M, 0,
        CostModel.PC_2008,
        2 * M, 64 * G);

    public static final MachineProfile X86_64 = new MachineProfile(
        "x86_64", Era.MODERN,
        "64-bit PC running a modern kernel: DMA below 16 MiB, DMA32 below 4 GiB, Normal above",
        12, 10, 9,
        0xffff888000000000L, // direct map base with 4-level page tables
        16 * M, 4 * G, 0, 3 * G, 4 * G,
        16 * M, 32 * M, 20 * M,
        MODERN_PC_RESERVED,
        0xffffc90000000000L, 0, 32L * 1024 * G,
        MODERN_KMALLOC, 4 * M, 0,
        CostModel.PC_2024,
        2 * M, 1024 * G);

    private static final Map<String, MachineProfile> BY_NAME = List.of(I386_LINUX_1_2, I386_LINUX_2_0, ALPHA_LINUX_2_0, I386, X86_64)
        .stream().collect(Collectors.toMap(MachineProfile::name, Function.identity(), (a, b) -> a,
            java.util.LinkedHashMap::new));

    /** All profiles, in the order a chooser lists them. */
    public static List<MachineProfile> all() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * Why a machine of this profile and memory cannot boot, as its boot would say it (an unknown profile, memory outside
     * the profile's range or not whole pages, more frames than the simulated mem_map holds), or empty when it can. Lays
     * the machine out without allocating anything.
     */
    public static java.util.Optional<String> refusal(String profileName, long memoryBytes) {
        try {
            BootLayout.of(byName(profileName), memoryBytes);
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** The profile that ships under this name, if there is one. */
    public static java.util.Optional<MachineProfile> find(String name) {
        return java.util.Optional.ofNullable(BY_NAME.get(name));
    }

    /** The profile with this name, or an error listing the names there are. */
    public static MachineProfile byName(String name) {
        MachineProfile p = BY_NAME.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown machine profile '" + name + "'; known: "
                + String.join(", ", BY_NAME.keySet()));
        }
        return p;
    }

    /**
     * About the heap a machine's page-frame tables take once booted: the mem_map's eight bytes per frame of
     * installed memory (holes included), a byte per pageblock and an int per section. What grows with
     * memory is only these, so a JVM that is to boot the machine needs this much more than a small one.
     * 0 for a machine the engine refuses (an unknown profile, a size out of range): its boot says why.
     */
    public static long mem_map_bytes(String profileName, long memoryBytes) {
        MachineProfile p = BY_NAME.get(profileName);
        if (p == null) {
            return 0;
        }
        BootLayout layout;
        try {
            layout = BootLayout.of(p, memoryBytes);
        } catch (IllegalArgumentException refused) {
            return 0; // the boot refuses it in the same words
        }
        long frames = layout.installedEnd() >>> p.pageShift();
        // Each zone's pageblock types have two spare entries (Zone).
        return FrameTable.heapBytes(frames) + (frames >>> p.pageblockOrder()) + 2L * ZoneType.values().length;
    }
}
