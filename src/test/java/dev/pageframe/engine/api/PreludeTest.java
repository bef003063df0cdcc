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

    /** Every profile's prelude names its own page constants, with the profile's values and the kernel's types. */
    @Test
    void eachProfileImportsItsOwnPageConstants() throws Exception {
        for (MachineProfile p : MachineProfiles.all()) {
            String line = PageConstants.importFor(p);
            assertTrue(Session.prelude(p).contains(line), p.name());
            String nested = line.substring("import static ".length(), line.length() - ".*;".length());
            Class<?> constants = Class.forName(nested.replace("PageConstants.", "PageConstants$"));
            assertEquals(p.pageSize(), constants.getField("PAGE_SIZE").getLong(null), p.name());
            assertEquals(long.class, constants.getField("PAGE_SIZE").getType());
            assertEquals(p.pageShift(), constants.getField("PAGE_SHIFT").getInt(null), p.name());
            assertEquals(p.maxOrder(), constants.getField("MAX_ORDER").getInt(null), p.name());
            assertEquals(0L, constants.getField("NULL").getLong(null));
            // The era's own names: linux/mmzone.h since 6.8, and 1.2/2.0's count of free lists.
            if (p.era() == dev.pageframe.engine.Era.MODERN) {
                assertEquals(p.maxOrder(), constants.getField("MAX_PAGE_ORDER").getInt(null), p.name());
                assertEquals(p.maxOrder() + 1, constants.getField("NR_PAGE_ORDERS").getInt(null), p.name());
                assertThrows(NoSuchFieldException.class, () -> constants.getField("NR_MEM_LISTS"), p.name());
            } else {
                assertEquals(6, constants.getField("NR_MEM_LISTS").getInt(null), p.name());
                assertThrows(NoSuchFieldException.class, () -> constants.getField("MAX_PAGE_ORDER"), p.name());
            }
        }
    }

    /** asm/page.h makes PAGE_SIZE a constant: assigning it is a compile error, as in driver code. */
    @Test
    void aCellCannotAssignAPageConstant() {
        assertEquals("", compile(MachineProfiles.ALPHA_LINUX_2_0, "long pages = (16L << 20) / PAGE_SIZE; int s = PAGE_SHIFT + MAX_ORDER; long p = NULL;"));
        String errors = compile(MachineProfiles.X86_64, "PAGE_SIZE = 5;");
        assertTrue(errors.contains("final"), errors);
    }
}
