package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.notebook.MachineSpec;
import org.junit.jupiter.api.Test;

/** The notebook layer cannot see the engine, so it keeps its own list of profile names: they must agree. */
class ProfileNamesTest {
    @Test
    void notebookMetadataAcceptsExactlyTheEnginesProfiles() {
        assertEquals(MachineProfiles.all().stream().map(MachineProfile::name).toList(), MachineSpec.PROFILES);
    }
}
