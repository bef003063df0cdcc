package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MachineSpecTest {

    @ParameterizedTest
    @CsvSource({"16M,16777216", "1G,1073741824", "64G,68719476736", "2MiB,2097152", "512K,524288",
        "1gb,1073741824", "1 GiB,1073741824", "4096,4096", "2T,2199023255552"})
    void sizesParseAsBinaryUnits(String text, long bytes) {
        assertEquals(bytes, MachineSpec.parseSize(text));
    }

    @ParameterizedTest
    @CsvSource({"1073741824,1G", "1610612736,1536M", "16777216,16M", "4096,4K", "100,100", "68719476736,64G"})
    void sizesFormatWithTheLargestExactUnit(long bytes, String text) {
        assertEquals(text, MachineSpec.formatSize(bytes));
        assertEquals(bytes, MachineSpec.parseSize(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12X", "1.5G", "-1G", "G", "", "0", "0M", "99999999999999999999G", "16777216T"})
    void badSizesAreRefusedWithAMessageThatQuotesThem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachineSpec.parseSize(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @Test
    void unknownProfileNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachineSpec.of("vax", "1G"));
        assertTrue(e.getMessage().contains("i386-linux-2.0, alpha-linux-2.0, i386, x86_64"), e.getMessage());
    }

    @Test
    void notebookWithoutMachineRunsOnTheDefault() {
        assertEquals(new MachineSpec("x86_64", 1L << 30), Notebook.of(Json.object(), java.util.List.of()).machine());
        assertEquals(MachineSpec.DEFAULT, Notebook.newEmpty().machine());
    }

    @Test
    void machineIsReadFromMetadata() throws IOException {
        assertEquals(MachineSpec.of("i386-linux-2.0", "16M"), Fixtures.load("rich.ipynb").machine());
    }

    @Test
    void withMachineWritesItAndKeepsOtherPageframeKeys() throws IOException {
        Notebook nb = Fixtures.load("rich.ipynb").withMachine(MachineSpec.of("alpha-linux-2.0", "64M"));
        assertEquals(MachineSpec.of("alpha-linux-2.0", "64M"), nb.machine());
        assertEquals("64M", nb.metadata().get("pageframe").get("machine").get("memory").textValue());
        assertEquals(3, nb.metadata().get("pageframe").get("lesson").intValue());
    }

    @Test
    void partlyGivenMachineTakesDefaultsForTheRest() throws IOException {
        Notebook nb = Fixtures.reader().readString("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\":"
                + " {\"pageframe\": {\"machine\": {\"memory\": 268435456}}}, \"cells\": []}", "x").notebook();
        assertEquals(new MachineSpec("x86_64", 256L << 20), nb.machine());
    }
}
