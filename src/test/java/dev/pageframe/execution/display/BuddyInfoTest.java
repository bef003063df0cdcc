package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuddyInfoTest {

    @Test
    void textUsesTheProcBuddyinfoLayout() {
        String text = MimeBundles.text(SampleCharts.buddyInfo(false));
        List<String> lines = text.lines().toList();
        assertEquals("Node 0, zone   Normal  12940   5211   2100    840    233     62     11      3      0      0      0",
                lines.get(3));
        assertTrue(lines.get(1).startsWith("Node 0, zone      DMA      1"));
    }

    @Test
    void procTextParsesBackIntoZones() {
        // A 1.2 or 2.0 machine's file begins with a note that those kernels had none (ProcFs): the chart reads past it.
        String proc = """
                # Linux 2.0.40 has no /proc/buddyinfo: Pageframe shows its free_area lists in the layout of later kernels
                Node 0, zone      DMA      1      1      0      1      2      1      1      0      1      1      3
                Node 0, zone    DMA32   2210   1105    720    402    198     87     31     12      4      2    190
                """;
        BuddyInfo info = Charts.buddyInfo("t").proc(proc).build();
        assertEquals(2, info.zones().size());
        assertEquals("DMA32", info.zones().get(1).zone());
        assertArrayEquals(new long[] {2210, 1105, 720, 402, 198, 87, 31, 12, 4, 2, 190}, info.zones().get(1).nrFree());
    }

    @Test
    void freePagesDefaultToThePagesInTheFreeLists() {
        ZoneFreeAreas z = new ZoneFreeAreas("Normal", new long[] {3, 2, 1});
        assertEquals(3 + 2 * 2 + 4, z.freePages());
    }

    @Test
    void watermarksAreReportedWithAVerdict() {
        BuddyInfo info = Charts.buddyInfo("t").zone("Normal", 1000, 0, 0).watermarks(2_896, 4_993, 7_090).build();
        String text = MimeBundles.text(info);
        assertTrue(text.contains("watermarks min 2,896, low 4,993, high 7,090"));
        assertTrue(text.contains("at or below min"), text);
        BuddyInfo lowish = Charts.buddyInfo("t").zone("Normal", 4000, 0, 0).watermarks(2_896, 4_993, 7_090).build();
        assertTrue(MimeBundles.text(lowish).contains("below low: kswapd wakes"));
    }

    @Test
    void explicitFreePagesOverrideTheFreeLists() {
        BuddyInfo info = Charts.buddyInfo("t").zone("Normal", 10).freePages(500).build();
        assertEquals(500, info.zones().getFirst().freePages());
    }
}
