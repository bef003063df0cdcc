package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompileErrorsTest {
    /** The prelude's marker types turn a call to the other era's function into a plain hint. */
    @Test
    void anotherErasFunctionNameBecomesAHint() {
        String javac = "incompatible types: int cannot be converted to "
            + "dev.pageframe.engine.api.ModernApi.NoSuchFunctionInLinux6x_UseGetZeroedPage";
        assertEquals("no such function in Linux 6.x; use get_zeroed_page (get_free_page is the Linux 1.2/2.0 name)",
            CompileErrors.clean(javac));
        assertEquals("no such function in Linux 1.2/2.0; use get_free_page (get_zeroed_page came with Linux 2.4)",
            CompileErrors.clean("method get_zeroed_page cannot be applied: NoSuchFunctionBeforeLinux2_4_UseGetFreePage"));
        assertEquals("cannot find symbol\n  symbol:   variable x", CompileErrors.clean("cannot find symbol\n  symbol:   variable x"));
    }
}
