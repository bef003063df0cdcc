package dev.pageframe.engine.api;

/**
 * Functions only modern kernels have, imported into cells on modern profiles. The Linux 2.0 name
 * get_free_page is a compile error here whose message names the function to use instead.
 */
public final class ModernApi {
    private ModernApi() {}

    /** One page, cleared (include/linux/gfp.h: get_zeroed_page). */
    public static long get_zeroed_page(int gfp) { return Session.kernel().get_zeroed_page(gfp); }

    /** A marker type: its name is the compile error a cell sees when it calls get_free_page on Linux 6.x. */
    public static final class NoSuchFunctionInLinux6x_UseGetZeroedPage {
        private NoSuchFunctionInLinux6x_UseGetZeroedPage() {}
    }

    /** get_free_page is Linux 2.0's name; a call with a GFP mask does not compile on modern profiles. */
    public static long get_free_page(NoSuchFunctionInLinux6x_UseGetZeroedPage gfp) {
        throw new IllegalStateException("no such function in Linux 6.x; use get_zeroed_page");
    }
}
