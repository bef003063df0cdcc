package dev.pageframe.execution.cells;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.engine.Gfp;
import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.Workloads;
import dev.pageframe.engine.ProgressSink;
import dev.pageframe.execution.display.BuddyInfo;
import dev.pageframe.execution.display.FrameMapKind;
import dev.pageframe.execution.display.FrameMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineChartsTest {
    private final Kernel k = Kernel.boot(MachineProfiles.X86_64, 1L << 30);

    @Test
    void buddyinfoChartCarriesEveryZoneAndItsCounts() {
        BuddyInfo chart = EngineCharts.buddyinfo(k, k.zones());
        Map<String, Object> bundle = chart.mimeBundle();
        String text = (String) bundle.get("text/plain");
        assertTrue(text.contains("DMA32"), text);
        assertTrue(bundle.containsKey("application/vnd.pageframe.buddyinfo+json"));
        assertTrue(((String) bundle.get("image/svg+xml")).startsWith("<svg") || ((String) bundle.get("image/svg+xml")).startsWith("<?xml"));
    }

    @Test
    void everyEngineFrameKindHasAChartKind() {
        for (dev.pageframe.engine.FrameKind kind : dev.pageframe.engine.FrameKind.values()) {
            assertNotNull(EngineCharts.kind(kind));
        }
    }

    @Test
    void frameMapShowsAllocationsAndTheKernelImage() {
        k.__get_free_pages(Gfp.GFP_KERNEL, 4);
        k.vmalloc(1 << 20);
        FrameMap map = EngineCharts.frameMap(k, k.frame_map());
        assertTrue(map.runs().stream().anyMatch(r -> r.kind() == FrameMapKind.KERNEL));
        assertTrue(map.runs().stream().anyMatch(r -> r.kind() == FrameMapKind.VMALLOC));
        assertEquals(k.max_pfn(), map.runs().stream().mapToLong(r -> r.count()).sum());
    }

    @Test
    void workloadResultsChartAsLines() {
        var r = new Workloads(k, ProgressSink.NONE).random_churn(20_000, 500, 1);
        assertNotNull(EngineCharts.chartFor(k, r));
        assertTrue(EngineCharts.fragmentation(r).mimeBundle().containsKey("image/svg+xml"));
    }
}
