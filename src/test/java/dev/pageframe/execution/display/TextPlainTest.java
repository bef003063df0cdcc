package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TextPlainTest {

    static Stream<SampleCharts.Named> samples() {
        return SampleCharts.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void textStartsWithTheTitleAndHasNoTrailingSpaces(SampleCharts.Named sample) {
        String text = MimeBundles.text(sample.chart());
        assertTrue(text.startsWith(sample.chart().title()), text);
        for (String line : text.split("\n")) {
            assertFalse(line.endsWith(" "), "trailing space in: " + line);
        }
        assertTrue(text.lines().count() < 60, "a summary, not a dump");
    }

    @Test
    void lineSummaryListsEverySeriesWithRangeAndSparkline() {
        String text = MimeBundles.text(SampleCharts.freePagesOverTime());
        assertTrue(text.contains("Free pages over time (line chart)"));
        assertTrue(text.contains("y: free (pages)"));
        List<String> rows = text.lines().filter(l -> l.startsWith("  Normal") || l.startsWith("  DMA32")).toList();
        assertEquals(2, rows.size());
        assertTrue(rows.getFirst().contains("5,000"), "source point count");
        assertTrue(rows.getFirst().chars().anyMatch(c -> c >= '▁' && c <= '█'), "sparkline");
        assertTrue(rows.getFirst().contains("199,932 pages"));
    }

    @Test
    void downsamplingIsMentioned() {
        assertTrue(MimeBundles.text(SampleCharts.millionPointLatency()).contains("1,000,000 → 2,000"));
    }

    @Test
    void stackedBarsShowTotalsAndBars() {
        String text = MimeBundles.text(SampleCharts.pagesByZone());
        assertTrue(text.contains("total"));
        assertTrue(text.contains("1,875,000 pages"));
        assertTrue(text.contains("██████████████████████████████"), "the largest total fills the bar");
    }

    @Test
    void histogramSummaryHasStatsAndAtMost24Rows() {
        String text = MimeBundles.text(SampleCharts.allocationLatency());
        assertTrue(text.contains("n = 20,000"));
        assertTrue(text.contains("median"));
        assertTrue(text.contains("Freedman–Diaconis"));
        long rows = text.lines().filter(l -> l.contains("ns") && l.contains("█")).count()
                + text.lines().filter(l -> l.contains("µs") && l.contains("█")).count();
        assertTrue(rows > 0 && rows <= 24, "rows " + rows);
    }

    @Test
    void frameMapSummaryHasZonesKindsAndACharacterMap() {
        String text = MimeBundles.text(SampleCharts.sixteenGiB());
        assertTrue(text.contains("4,194,304 frames × 4 KiB = 16 GiB"), text);
        assertTrue(text.contains("DMA32"));
        assertTrue(text.contains("0x100000"));
        assertTrue(text.contains("page cache"));
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+0x[0-9a-f]+ \\|.{64}\\|")), text);
    }
}
