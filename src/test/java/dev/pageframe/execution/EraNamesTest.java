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

    /** include/linux/mm.h of 2.0: __get_free_pages(priority, order, dma); 1.2 had no dma argument. */
    @Test
    void linux20CellsPassTheDmaChoiceAsAThirdArgumentAndLinux12CellsAreToldTheirForm() {
        try (KernelSession session = NotebookExecution.session(new MachineSpec("i386-linux-2.0", 32L << 20))) {
            session.start().join();
            CellResult r = TestKernels.run(session, """
                long dma = __get_free_pages(GFP_KERNEL, 1, 1);
                long any = __get_free_pages(GFP_KERNEL, 1);
                System.out.println((virt_to_phys(dma) < (16 << 20)) + " " + (virt_to_phys(any) >= (16 << 20)));
                free_pages(dma, 1);
                free_pages(any, 1);
                """);
            assertTrue(r.ok(), r.toString());
            assertEquals("true true\n", r.streamText(StreamName.STDOUT));
        }
        try (KernelSession session = NotebookExecution.session(new MachineSpec("i386-linux-1.2", 16L << 20))) {
            session.start().join();
            ErrorOutput error = TestKernels.run(session, "__get_free_pages(GFP_KERNEL, 0, 1);").error().orElseThrow();
            assertTrue(error.evalue().contains("Linux 1.2.13 takes (priority, order), and DMA pages come from "
                + "__get_dma_pages(priority, order)"), error.evalue());
        }
    }
}
