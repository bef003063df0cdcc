package dev.pageframe.engine;

/**
 * One room of the kernel API behind the {@link Kernel} facade: it reaches the machine's parts
 * under the kernel's names and shares the facade's checks.
 */
abstract class KernelPart {
    final Kernel k;
    final MachineProfile profile;
    final boolean modern;
    final ExecContext ctx;
    final KernelLog log;
    final SimClock clock;
    final Tracer tracer;
    final PageAllocator pages;
    final FrameTable mem_map;
    final AddressSpace as;
    final Kmalloc kmalloc;
    final Vmalloc vmalloc;
    final BootLayout layout;
    final Reclaim reclaim;
    final OomKiller oom;
    final java.util.List<Zone> zones;

    KernelPart(Kernel k) {
        this.k = k;
        this.profile = k.profile();
        this.modern = k.modern();
        this.ctx = k.ctx();
        this.log = k.log();
        this.clock = k.clock();
        this.tracer = k.trace();
        this.pages = k.pages;
        this.mem_map = k.mem_map;
        this.as = k.as;
        this.kmalloc = k.kmalloc;
        this.vmalloc = k.vmalloc;
        this.layout = k.layout;
        this.reclaim = k.reclaim;
        this.oom = k.oom;
        this.zones = k.zones;
    }

    int checkGfp(int gfp, String fn) {
        return k.calls.checkGfp(gfp, fn);
    }

    void warnOrderAboveMax(int gfp, String fn) {
        k.calls.warnOrderAboveMax(gfp, fn);
    }

    int kmallocInterruptCheck(int gfp) {
        return k.calls.kmallocInterruptCheck(gfp);
    }

    void warnOnce(String site, String where, String fn) {
        k.calls.warnOnce(site, where, fn);
    }

    String ptr(long addr) {
        return k.ptr(addr);
    }
}
