package dev.pageframe.engine;

/**
 * How much of the kernel's direct mapping of RAM uses each page-table level, as /proc/meminfo's
 * DirectMap lines report it (arch/x86/mm/pageattr.c: arch_report_meminfo, from direct_pages_count).
 * The mapping is the one boot makes (arch/x86/mm/init.c: init_mem_mapping, split_mem_range): each RAM
 * range in 4 KiB pages up to the first 2 MiB boundary, 2 MiB pages (1 GiB pages on x86_64 where a
 * whole aligned GiB is RAM) in between, 4 KiB pages for the tail. The first 2 MiB are always 4 KiB
 * pages: the ISA range is mapped on its own, and 32-bit kernels keep large pages off the fixed MTRRs
 * there. Only low memory is direct-mapped on 32-bit. Later splits (set_memory_ro and friends on
 * kernel text) are not modelled.
 *
 * @param kb4k 4 KiB-page mappings, in kB
 * @param kb2m 2 MiB-page mappings, in kB
 * @param kb1g 1 GiB-page mappings, in kB; only x86_64 (direct_gbpages) prints this line
 */
record DirectMap(long kb4k, long kb2m, long kb1g) {
    private static final long PMD = 2L << 20;
    private static final long PUD = 1L << 30;

    static DirectMap of(BootLayout layout) {
        boolean gbpages = layout.profile().lowmemLimit() == 0;
        long lowmemEnd = (long) layout.lowmemEndPfn() << layout.profile().pageShift();
        long b4k = 0;
        long b2m = 0;
        long b1g = 0;
        for (PhysRange r : layout.ram()) {
            long s = r.start();
            long e = gbpages ? r.end() : Math.min(r.end(), lowmemEnd);
            if (s >= e) {
                continue;
            }
            long head = s == 0 ? Math.min(e, PMD) : Math.min(e, roundUp(s, PMD));
            b4k += head - s;
            s = head;
            long bigEnd = Math.max(s, roundDown(e, PMD));
            long g0 = roundUp(s, PUD);
            long g1 = roundDown(bigEnd, PUD);
            if (gbpages && g0 < g1) {
                b2m += (g0 - s) + (bigEnd - g1);
                b1g += g1 - g0;
            } else {
                b2m += bigEnd - s;
            }
            b4k += e - bigEnd;
        }
        return new DirectMap(b4k >> 10, b2m >> 10, b1g >> 10);
    }

    private static long roundUp(long x, long to) {
        return (x + to - 1) / to * to;
    }

    private static long roundDown(long x, long to) {
        return x / to * to;
    }
}
