package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Differential tests skip, saying what to install, where Debian's Jupyter packages are missing. */
class DebianPythonTest {
    @Test
    void aMissingModuleSkipsWithTheDebianPackageToInstall() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> DebianPython.assume("pageframe_no_such_module", "python3-no-such-package"));
        assertTrue(e.getMessage().contains("apt-get install python3-no-such-package"), e.getMessage());
        assertTrue(e.getMessage().contains("pageframe_no_such_module"), e.getMessage());
    }
}
