package dev.pageframe.engine.api;

/**
 * Functions only Linux 1.2 and 2.0 have, imported into cells on those profiles. Calling a modern
 * name here does not compile, with the era's name in the message.
 */
public final class LegacyApi {
    private LegacyApi() {}

    /** One page, cleared: most of its cost is the clearing (include/linux/mm.h of 1.2 and 2.0). */
    public static long get_free_page(int gfp) { return Session.kernel().get_free_page(gfp); }

    /** Linux 2.0's three-argument form: {@code dma} 1 asks for memory below 16 MiB (Linux 1.2 refuses it). */
    public static long __get_free_pages(int priority, int order, int dma) {
        return Session.kernel().__get_free_pages(priority, order, dma);
    }

    /** A marker type: its name is the compile error a cell sees when it uses the modern name here. */
    public static final class NoSuchFunctionBeforeLinux2_4_UseGetFreePage {
        private NoSuchFunctionBeforeLinux2_4_UseGetFreePage() {}
    }

    /** get_zeroed_page came with 2.4; on 1.2 and 2.0 the clearing variant is get_free_page. */
    public static long get_zeroed_page(NoSuchFunctionBeforeLinux2_4_UseGetFreePage gfp) {
        throw new IllegalStateException("no such function in Linux 1.2/2.0; use get_free_page");
    }
}
