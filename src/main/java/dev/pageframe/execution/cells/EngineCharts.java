package dev.pageframe.execution.cells;

import dev.pageframe.engine.FrameRun;
import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.WorkloadResult;
import dev.pageframe.engine.ZoneSnapshot;
import dev.pageframe.engine.api.Session;
import dev.pageframe.execution.display.BuddyInfo;
import dev.pageframe.execution.display.BuddyInfoBuilder;
import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.Charts;
import dev.pageframe.execution.display.FrameMapKind;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.FrameMapBuilder;
import dev.pageframe.execution.display.LineChart;
import dev.pageframe.execution.display.Unit;
import java.util.List;

/** Turns the engine's views (zones, frame map, workload samples) into display charts. */
public final class EngineCharts {
    private EngineCharts() {}

    /** Free blocks per order for each zone, with the zone's watermarks and free pages. */
    public static BuddyInfo buddyinfo(Kernel k, List<ZoneSnapshot> zones) {
        BuddyInfoBuilder b = Charts.buddyInfo("Free blocks per order (" + k.profile().name() + ")")
            .pageSize(k.PAGE_SIZE());
        for (ZoneSnapshot z : zones) {
            b.zone(z.name(), z.nr_free()).watermarks(z.min(), z.low(), z.high()).freePages(z.free());
        }
        return b.build();
    }

    /** Who owns each page frame, zone by zone. */
    public static FrameMap frameMap(Kernel k, List<FrameRun> runs) {
        FrameMapBuilder b = Charts.frameMap("Page frames (" + k.profile().name() + ", "
            + dev.pageframe.engine.Sizes.format(k.memoryBytes()) + ")").pageSize(k.PAGE_SIZE());
        for (ZoneSnapshot z : k.zones()) {
            b.zone(z.name(), z.startPfn(), z.endPfn());
        }
        for (FrameRun r : runs) {
            b.run(r.startPfn(), r.count(), kind(r.kind()), r.zone(), r.order(), r.owner());
        }
        return b.build();
    }

    static FrameMapKind kind(dev.pageframe.engine.FrameKind k) {
        return switch (k) {
            case FREE -> FrameMapKind.FREE;
            case PAGE -> FrameMapKind.PAGE;
            case DMA -> FrameMapKind.DMA;
            case SLAB -> FrameMapKind.SLAB;
            case VMALLOC -> FrameMapKind.VMALLOC;
            case PAGECACHE -> FrameMapKind.PAGECACHE;
            case ANON -> FrameMapKind.ANON;
            case BOOT_RESERVED -> FrameMapKind.RESERVED;
            case KERNEL_IMAGE -> FrameMapKind.KERNEL;
            case FIRMWARE -> FrameMapKind.FIRMWARE;
            case HOLE -> FrameMapKind.HOLE;
        };
    }

    /** Free pages along a workload run. */
    public static LineChart workload(WorkloadResult r) {
        return Charts.line(r.name() + ": free pages")
            .x("operations")
            .y("free", Unit.PAGES)
            .series("free pages", r.sampleOps(), r.freePages())
            .build();
    }

    /** The fragmentation index along a workload run, for the order it sampled. */
    public static LineChart fragmentation(WorkloadResult r) {
        long[] idx = new long[r.fragIndex().length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.fragIndex()[i];
        }
        return Charts.line(r.name() + ": fragmentation index, order " + r.sampleOrder())
            .x("operations")
            .y("index (thousandths; -1000 = a block is free)")
            .series("order " + r.sampleOrder(), r.sampleOps(), idx)
            .build();
    }

    /**
     * The chart a value is best shown as on the session's machine, or null when it has none; before a machine has
     * booted, only a chart itself.
     */
    public static Chart chartOf(Object value) {
        return Session.booted() ? chartFor(Session.kernel(), value) : (value instanceof Chart c ? c : null);
    }

    /** The chart a value is best shown as, or null when it has none. */
    public static Chart chartFor(Kernel k, Object value) {
        if (value instanceof Chart c) {
            return c;
        }
        if (value instanceof Kernel kernel) {
            return buddyinfo(kernel, kernel.zones());
        }
        if (value instanceof ZoneSnapshot z) {
            return buddyinfo(k, List.of(z));
        }
        if (value instanceof WorkloadResult w) {
            return workload(w);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            if (list.getFirst() instanceof ZoneSnapshot) {
                return buddyinfo(k, list.stream().map(ZoneSnapshot.class::cast).toList());
            }
            if (list.getFirst() instanceof FrameRun) {
                return frameMap(k, list.stream().map(FrameRun.class::cast).toList());
            }
        }
        return null;
    }
}
