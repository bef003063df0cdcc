package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.MachineSpec;
import org.junit.jupiter.api.Test;

/** A cell calling the other era's name for a cleared page gets the era's hint as its compile error. */
class EraNamesTest {
    /** include/linux/gfp.h: Linux 6.x has get_zeroed_page; get_free_page was 2.0's (include/linux/mm.h of 2.0). */
    @Test
    void getFreePageOnAModernMachineSaysUseGetZeroedPage() {
        try (KernelSession session = NotebookExecution.session(new MachineSpec("x86_64", 64L << 20))) {
            session.start().join();
            ErrorOutput error = TestKernels.run(session, "long p = get_free_page(GFP_KERNEL);").error().orElseThrow();
            assertEquals("CompilationError", error.ename());
            assertTrue(error.evalue().endsWith("no such function in Linux 6.x; use get_zeroed_page "
                + "(get_free_page is the Linux 1.2/2.0 name)"), error.evalue());
            assertTrue(TestKernels.run(session, "long q = get_zeroed_page(GFP_KERNEL); free_page(q);").ok());
        }
    }
}
