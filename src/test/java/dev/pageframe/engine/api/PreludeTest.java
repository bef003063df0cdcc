package dev.pageframe.engine.api;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** What a cell can name on each era: the prelude is compiled in a real JShell. */
class PreludeTest {
    /** Compiles the cell after the profile's prelude; returns the diagnostics, empty when it compiles. */
    private static String compile(MachineProfile p, String cell) {
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            js.addToClasspath(System.getProperty("java.class.path"));
            for (String s : Session.prelude(p)) {
                for (SnippetEvent e : js.eval(s)) {
                    assertNotEquals(Snippet.Status.REJECTED, e.status(), s);
                }
            }
            List<SnippetEvent> events = js.eval(cell);
            return events.stream().flatMap(e -> js.diagnostics(e.snippet()))
                .map(d -> d.getMessage(null)).collect(Collectors.joining("\n"));
        }
    }

    /** include/linux/gfp.h: Linux 6.x has get_zeroed_page; get_free_page is 2.0's name and a compile error here. */
    @Test
    void getFreePageIsACompileErrorThatNamesGetZeroedPageOnModernProfiles() {
        for (MachineProfile p : List.of(MachineProfiles.X86_64, MachineProfiles.I386)) {
            assertEquals("", compile(p, "long a = get_zeroed_page(GFP_KERNEL);"));
            String errors = compile(p, "long b = get_free_page(GFP_KERNEL);");
            assertTrue(errors.contains("NoSuchFunctionInLinux6x_UseGetZeroedPage"), errors);
        }
    }

    /** include/linux/mm.h of 1.2 and 2.0: get_free_page; get_zeroed_page did not exist yet. GFP_IO only in 2.0.3x. */
    @Test
    void legacyProfilesHaveGetFreePageAndTheirOwnPriorities() {
        assertEquals("", compile(MachineProfiles.I386_LINUX_2_0, "long a = get_free_page(GFP_KERNEL | GFP_DMA); int io = GFP_IO;"));
        assertTrue(compile(MachineProfiles.I386_LINUX_2_0, "long b = get_zeroed_page(GFP_KERNEL);")
            .contains("NoSuchFunctionBeforeLinux2_4_UseGetFreePage"));
        assertEquals("", compile(MachineProfiles.I386_LINUX_1_2, "long a = get_free_page(GFP_NFS);"));
        assertFalse(compile(MachineProfiles.I386_LINUX_1_2, "int io = GFP_IO;").isEmpty(), "1.2 has no GFP_IO");
    }
}
