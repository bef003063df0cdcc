package dev.pageframe.execution.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void bytesClimbBinaryPrefixes() {
        assertEquals("512 B", Unit.BYTES.format(512));
        assertEquals("1.5 KiB", Unit.BYTES.format(1536));
        assertEquals("4 MiB", Unit.BYTES.format(4 << 20));
        assertEquals("16 GiB", Unit.BYTES.format(16.0 * (1L << 30)));
        assertEquals("2 MiB", Unit.KIB.format(2048));
    }

    @Test
    void timesClimbDecimalPrefixes() {
        assertEquals("850 ns", Unit.NANOSECONDS.format(850));
        assertEquals("1.25 µs", Unit.NANOSECONDS.format(1250));
        assertEquals("3.5 ms", Unit.NANOSECONDS.format(3.5e6));
        assertEquals("1.5 s", Unit.MILLISECONDS.format(1500));
    }

    @Test
    void pagesAndCountsKeepTheirDigits() {
        assertEquals("12,345 pages", Unit.PAGES.format(12_345));
        assertEquals("1,000,000", Unit.NONE.format(1_000_000));
        assertEquals("0.25", Unit.NONE.format(0.25));
        assertEquals("42%", Unit.PERCENT.format(42));
    }

    @Test
    void nonFiniteValuesReadAsDashOrInfinity() {
        assertEquals("–", Unit.PAGES.format(Double.NaN));
        assertEquals("∞", Unit.NONE.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void jsonNamesRoundTrip() {
        for (Unit u : Unit.values()) {
            assertEquals(u, Unit.fromJson(u.jsonName()));
        }
        assertEquals(Unit.NONE, Unit.fromJson("furlongs"));
    }
}
