package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One realistic chart of every kind, made from seeded random data so tests and samples are repeatable. */
final class SampleCharts {

    private SampleCharts() {}

    static LineChart freePagesOverTime() {
        int n = 5000;
        double[] ticks = new double[n];
        double[] normal = new double[n];
        double[] dma32 = new double[n];
        SplittableRandom rnd = new SplittableRandom(1);
        double free = 200_000;
        double free32 = 60_000;
        for (int i = 0; i < n; i++) {
            ticks[i] = i;
            free -= rnd.nextDouble(0, 120);
            if (free < 7_090 * 2) {
                free += 90_000; // kswapd catches up
            }
            free32 = 60_000 + 8_000 * Math.sin(i / 300.0) + rnd.nextDouble(-500, 500);
            normal[i] = free;
            dma32[i] = free32;
        }
        return Charts.line("Free pages over time").x("tick").y("free", Unit.PAGES)
                .series("Normal", ticks, normal).series("DMA32", ticks, dma32).build();
    }

    static LineChart millionPointLatency() {
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            x[i] = i * 1000.0;
            y[i] = 800 + 200 * Math.sin(i / 40_000.0) + rnd.nextDouble(0, 150);
        }
        y[654_321] = 25_000; // one compaction stall
        return Charts.line("Allocation latency, one million allocations").x("time", Unit.NANOSECONDS)
                .y("latency", Unit.NANOSECONDS).series("__alloc_pages", x, y).build();
    }

    static AreaChart memoryByUse() {
        int n = 600;
        double[] t = new double[n];
        double[] page = new double[n];
        double[] slab = new double[n];
        double[] cache = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 0.5;
            page[i] = 300e6 + 200e6 * Math.min(1, i / 300.0);
            slab[i] = 120e6 + 40e6 * Math.sin(i / 50.0);
            cache[i] = 1.2e9 * (1 - Math.exp(-i / 150.0));
        }
        return Charts.stackedArea("Memory by use").x("time", Unit.SECONDS).y("memory", Unit.BYTES)
                .series("page allocator", t, page).series("slab", t, slab).series("page cache", t, cache).build();
    }

    static BarChart kmallocWaste() {
        return Charts.bar("kmalloc: requested vs allocated").x("cache").y("bytes", Unit.BYTES)
                .categories("kmalloc-32", "kmalloc-64", "kmalloc-96", "kmalloc-128", "kmalloc-192", "kmalloc-256",
                        "kmalloc-512", "kmalloc-1k")
                .series("requested", 21_504, 49_152, 61_200, 88_064, 101_000, 170_000, 230_000, 410_000)
                .series("allocated", 24_576, 65_536, 73_728, 131_072, 122_880, 196_608, 262_144, 524_288)
                .build();
    }

    static StackedBarChart pagesByZone() {
        return Charts.stacked("Pages in use by zone").x("zone").y("used", Unit.PAGES)
                .categories("DMA", "DMA32", "Normal")
                .series("slab", 120, 20_000, 95_000)
                .series("page allocator", 800, 110_000, 380_000)
                .series("page cache", 0, 240_000, 1_400_000)
                .build();
    }

    static Histogram allocationLatency() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            double g = Math.sqrt(-2 * Math.log(rnd.nextDouble(1e-12, 1))) * Math.cos(2 * Math.PI * rnd.nextDouble());
            v[i] = Math.exp(6.8 + 0.45 * g);
        }
        return Charts.histogram("Latency of order-0 allocations").x("latency", Unit.NANOSECONDS)
                .name("order 0, GFP_KERNEL").values(v).build();
    }

    static Table slabCaches() {
        return Charts.table("Slab caches").columns("cache").column("object size", Unit.BYTES).columns("active", "total")
                .column("memory", Unit.BYTES).columns("full")
                .row("kmalloc-64", 64, 6_012, 6_144, 393_216, false)
                .row("kmalloc-128", 128, 1_950, 2_016, 258_048, false)
                .row("dentry", 192, 40_110, 40_110, 7_700_480, true)
                .row("task_struct", 9_792, 212, 228, 2_232_576, false)
                .build();
    }

    /** An i386 box of 16 MiB from the Linux 2.0 era: small enough for one cell per frame. */
    static FrameMap smallMachine() {
        FrameMapBuilder b = Charts.frameMap("Physical memory, 16 MiB i386").zone("DMA", 0, 4096);
        b.run(0, 1, FrameMapKind.RESERVED, "DMA", -1, "BIOS");
        b.run(160, 96, FrameMapKind.HOLE, "DMA"); // the ISA hole, 640 KiB – 1 MiB
        b.run(256, 220, FrameMapKind.KERNEL, "DMA", -1, "vmlinux");
        b.run(476, 60, FrameMapKind.RESERVED, "DMA", -1, "mem_init");
        SplittableRandom rnd = new SplittableRandom(4);
        FrameMapKind[] used = {FrameMapKind.PAGE, FrameMapKind.SLAB, FrameMapKind.PAGECACHE, FrameMapKind.VMALLOC, FrameMapKind.DMA};
        long pfn = 536;
        while (pfn < 4096) {
            int order = rnd.nextInt(0, 5);
            long size = Math.min(1L << order, 4096 - pfn);
            FrameMapKind k = rnd.nextInt(10) < 4 ? FrameMapKind.FREE : used[rnd.nextInt(used.length)];
            b.run(pfn, size, k, "DMA", order, k == FrameMapKind.SLAB ? "kmalloc-128" : "");
            pfn += size;
        }
        b.run(1, 159, FrameMapKind.FREE, "DMA");
        return b.build();
    }

    /** A 16 GiB x86-64 machine: four million frames in DMA, DMA32 and Normal. */
    static FrameMap sixteenGiB() {
        long frames = 4L << 20;
        FrameMapBuilder b = Charts.frameMap("Physical memory, 16 GiB x86-64")
                .zone("DMA", 0, 4096).zone("DMA32", 4096, 1L << 20).zone("Normal", 1L << 20, frames);
        List<FrameSpan> runs = new ArrayList<>();
        runs.add(new FrameSpan(0, 256, FrameMapKind.RESERVED, "DMA", -1, "firmware"));
        runs.add(new FrameSpan(4096, 8192, FrameMapKind.KERNEL, "DMA32", -1, "vmlinux"));
        runs.add(new FrameSpan(786_432, 262_144, FrameMapKind.HOLE, "DMA32")); // the PCI hole below 4 GiB
        SplittableRandom rnd = new SplittableRandom(5);
        FrameMapKind[] kinds = {FrameMapKind.FREE, FrameMapKind.PAGE, FrameMapKind.SLAB, FrameMapKind.PAGECACHE, FrameMapKind.VMALLOC,
                FrameMapKind.DMA};
        double[] weights = {0.35, 0.2, 0.1, 0.3, 0.04, 0.01};
        long pfn = 256;
        while (pfn < frames) {
            if (pfn == 4096) {
                pfn += 8192;
                continue;
            }
            if (pfn == 786_432) {
                pfn += 262_144;
                continue;
            }
            int order = rnd.nextInt(0, 11);
            long size = 1L << order;
            long limit = pfn < 4096 ? 4096 : pfn < 786_432 ? 786_432 : frames;
            size = Math.min(size, limit - pfn);
            double p = rnd.nextDouble();
            int k = 0;
            // Later memory fills with page cache, as a long-running machine's does.
            double shift = pfn > 3_000_000 ? 0.2 : 0;
            while (p > weights[k] + (k == 3 ? shift : 0) && k < kinds.length - 1) {
                p -= weights[k] + (k == 3 ? shift : 0);
                k++;
            }
            String zone = pfn < 4096 ? "DMA" : pfn < (1L << 20) ? "DMA32" : "Normal";
            runs.add(new FrameSpan(pfn, size, kinds[k], zone, order, ""));
            pfn += size;
        }
        return b.runs(runs).build();
    }

    static BuddyInfo buddyInfo(boolean log) {
        BuddyInfoBuilder b = Charts.buddyInfo("Free areas per order").node(0);
        b.zone("DMA", 1, 1, 0, 1, 2, 1, 1, 0, 1, 1, 3).watermarks(6, 9, 12);
        b.zone("DMA32", 2_210, 1_105, 720, 402, 198, 87, 31, 12, 4, 2, 190).watermarks(1_470, 2_110, 2_750);
        b.zone("Normal", 12_940, 5_211, 2_100, 840, 233, 62, 11, 3, 0, 0, 0).watermarks(2_896, 4_993, 7_090);
        if (log) {
            b.logScale();
        }
        return b.build();
    }

    /** Free pages of several zones as overlapping areas, with more series than fit one legend row. */
    static AreaChart zonesOverlapping() {
        AreaChartBuilder b = Charts.area("Free memory per zone, overlapping areas, with a long title to test wrapping onto a second line")
                .x("time", Unit.MILLISECONDS).y("free", Unit.KIB);
        String[] zones = {"DMA", "DMA32", "Normal", "Movable", "HighMem", "Device", "node 1 Normal", "node 1 Movable", "extra"};
        for (int z = 0; z < zones.length; z++) {
            double[] x = new double[200];
            double[] y = new double[200];
            for (int i = 0; i < 200; i++) {
                x[i] = i * 5;
                y[i] = (z + 1) * 40_000 + 30_000 * Math.sin(i / 20.0 + z);
            }
            b.series(zones[z], x, y);
        }
        return b.build();
    }

    /** Net change of free pages per order: negative values hang below zero. */
    static BarChart netChange() {
        return Charts.bar("Net change in free blocks after compaction").x("order").y("Δ free blocks")
                .categories("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10")
                .series("DMA32", -1200, -640, -300, -120, -40, 10, 22, 30, 18, 12, 6)
                .series("Normal", -4000, -1800, -600, -200, -60, 40, 80, 60, 30, 12, 3)
                .build();
    }

    static Histogram slabObjectSizesLog() {
        SplittableRandom rnd = new SplittableRandom(6);
        double[] v = new double[50_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(8192, 8 + Math.floor(-Math.log(rnd.nextDouble(1e-9, 1)) * 300));
        }
        return Charts.histogram("kmalloc request sizes").x("size", Unit.BYTES).values(v).bins(64).logY().build();
    }

    /** Every kind once, with a file-friendly name. */
    static List<Named> all() {
        return List.of(
                new Named("line", freePagesOverTime()),
                new Named("line-million", millionPointLatency()),
                new Named("area-stacked", memoryByUse()),
                new Named("bar", kmallocWaste()),
                new Named("stacked", pagesByZone()),
                new Named("histogram", allocationLatency()),
                new Named("table", slabCaches()),
                new Named("framemap-16mib", smallMachine()),
                new Named("framemap-16gib", sixteenGiB()),
                new Named("buddyinfo", buddyInfo(false)),
                new Named("buddyinfo-log", buddyInfo(true)),
                new Named("area-overlapping", zonesOverlapping()),
                new Named("bar-negative", netChange()),
                new Named("histogram-log", slabObjectSizesLog()));
    }

    record Named(String name, Chart chart) {
        @Override
        public String toString() {
            return name;
        }
    }
}
