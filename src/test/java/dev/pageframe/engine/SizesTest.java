package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    /** What a notebook's {@code memory} (the old MachineSpec.parseSize) accepted. */
    @ParameterizedTest
    @CsvSource({"16M,16777216", "1G,1073741824", "64G,68719476736", "2MiB,2097152", "512K,524288",
        "1gb,1073741824", "1 GiB,1073741824", "4096,4096", "2T,2199023255552", "100B,100", "' 8 M ',8388608"})
    void notebookSizesParseAsBinaryUnits(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text));
    }

    /** What a cell's {@code mem=} and a boot by name (the old engine Sizes.parse) accepted. */
    @ParameterizedTest
    @CsvSource({"16M,16777216", "1G,1073741824", "64GiB,68719476736", "2 MiB,2097152", "512k,524288",
        "4096,4096", "14M,14680064", "16MB,16777216", "1t,1099511627776"})
    void engineSizesParseAsBinaryUnits(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"1073741824,1G", "1610612736,1536M", "16777216,16M", "4096,4K", "100,100", "68719476736,64G", "4097,4097"})
    void sizesFormatWithTheLargestExactUnitAndReadBack(long bytes, String text) {
        assertEquals(text, Sizes.format(bytes));
        assertEquals(bytes, Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12X", "1.5G", "-1G", "+5M", "G", "", "0", "0M", "99999999999999999999G", "16777216T", "1 0M"})
    void badSizesAreRefusedWithOneWordingThatQuotesThem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
        assertTrue(e.getMessage().contains("memory size \"" + text + "\""), e.getMessage());
    }

    @Test
    void aMissingSizeSaysWhatToWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(null));
        assertEquals("missing memory size; use a whole number with K, M, G or T (binary units), e.g. 16M, 1G, 64G or 2MiB",
                e.getMessage());
    }
}
