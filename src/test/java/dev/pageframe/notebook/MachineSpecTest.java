package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MachineSpecTest {

    @Test
    void profilesAreTheEnginesInItsOrder() {
        assertEquals(java.util.List.of("i386-linux-1.2", "i386-linux-2.0", "alpha-linux-2.0", "i386", "x86_64"), MachineSpec.PROFILES);
    }

    @Test
    void aBadMemorySizeInTheFileIsReportedAtItsPathInTheEnginesWords() {
        JsonProblem e = assertThrows(JsonProblem.class, () -> MachineSpec.fromMetadata(
                metadataWithMemory("lots")));
        assertTrue(e.getMessage().contains("metadata.pageframe.machine.memory"), e.getMessage());
        assertTrue(e.getMessage().contains("bad memory size \"lots\"; use a whole number"), e.getMessage());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode metadataWithMemory(String memory) {
        com.fasterxml.jackson.databind.node.ObjectNode metadata = Json.object();
        metadata.putObject("pageframe").putObject("machine").put("memory", memory);
        return metadata;
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
