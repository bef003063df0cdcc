package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded experiments that drive a kernel through its public API, as a driver or a busy system would:
 * random churn, a fragmenting pattern, a DMA-hungry driver and page-cache pressure.
 */
public final class Workloads {
    private final Kernel k;
    private final ProgressSink progress;
    private final boolean modern;

    public Workloads(Kernel k, ProgressSink progress) {
        this.k = k;
        this.progress = progress;
        this.modern = k.profile().era() == Era.MODERN;
    }

    /**
     * A driver that copes with failure: it asks not to be warned about, nor to have tasks killed
     * for, the memory it may not get (otherwise a full machine with nothing to kill panics).
     */
    private int kernelGfp() {
        return modern ? Gfp.GFP_KERNEL | Gfp.__GFP_NOWARN | Gfp.__GFP_RETRY_MAYFAIL : Gfp20.GFP_KERNEL;
    }

    /** A live allocation the churn may free later. */
    private record Live(long addr, int order, boolean kmalloc) {}

    /** Sampling of free memory and fragmentation along a run. */
    private final class Sampler {
        final long every;
        final int order;
        final List<long[]> rows = new ArrayList<>();

        Sampler(long ops, int order) {
            this.every = Math.max(1, ops / 500);
            this.order = order;
        }

        void maybe(long op) {
            if (op % every == 0) {
                ZoneSnapshot biggest = k.zones().stream().max((a, b) -> Long.compare(a.managed(), b.managed())).orElseThrow();
                rows.add(new long[] {op, k.nr_free_pages(), Fragmentation.fragmentation_index(biggest.nr_free(), order)});
            }
        }

        WorkloadResult result(String name, long ops, long allocs, long failures, long startNs) {
            long[] x = new long[rows.size()];
            long[] free = new long[rows.size()];
            int[] frag = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                x[i] = rows.get(i)[0];
                free[i] = rows.get(i)[1];
                frag[i] = (int) rows.get(i)[2];
            }
            progress.report(ops, ops, name);
            return new WorkloadResult(name, ops, allocs, failures, k.clock().now() - startNs, x, free, frag, order);
        }
    }

    /**
     * Random churn: each step allocates (pages of a random low order, or a kmalloc of a random size)
     * or frees a random live allocation, keeping about {@code targetLive} allocations alive.
     */
    public WorkloadResult random_churn(long ops, int targetLive, long seed) {
        Random rnd = new Random(seed);
        List<Live> live = new ArrayList<>();
        Sampler s = new Sampler(ops, 3);
        long start = k.clock().now();
        long allocs = 0;
        long failures = 0;
        int maxOrder = Math.min(4, k.profile().maxOrder());
        for (long op = 0; op < ops; op++) {
            boolean alloc = live.isEmpty() || (live.size() < targetLive ? rnd.nextInt(100) < 60 : rnd.nextInt(100) < 40);
            if (alloc) {
                allocs++;
                if (rnd.nextBoolean()) {
                    int order = Math.min(maxOrder, Integer.numberOfTrailingZeros(rnd.nextInt() | (1 << maxOrder)));
                    long addr = k.__get_free_pages(kernelGfp(), order);
                    if (addr == 0) {
                        failures++;
                    } else {
                        live.add(new Live(addr, order, false));
                    }
                } else {
                    long size = 8 + rnd.nextInt(2000);
                    long addr = k.kmalloc(size, kernelGfp());
                    if (addr == 0) {
                        failures++;
                    } else {
                        live.add(new Live(addr, 0, true));
                    }
                }
            } else {
                int i = rnd.nextInt(live.size());
                Live l = live.get(i);
                live.set(i, live.getLast());
                live.removeLast();
                free(l);
            }
            s.maybe(op);
            if ((op & 0xffff) == 0) {
                progress.report(op, ops, "random churn");
            }
        }
        for (Live l : live) {
            free(l);
        }
        return s.result("random churn", ops, allocs, failures, start);
    }

    private void free(Live l) {
        if (l.kmalloc()) {
            k.kfree(l.addr());
        } else {
            k.free_pages(l.addr(), l.order());
        }
    }

    /**
     * The classic fragmenter: fill memory with single pages, then free every other one. Half the
     * memory comes back free, yet no block above order 0 can form. The pages stay allocated.
     */
    public WorkloadResult fragment(double fraction, long seed) {
        long target = (long) (k.nr_free_pages() * fraction);
        Sampler s = new Sampler(target * 3 / 2, 3);
        long start = k.clock().now();
        List<Long> pages = new ArrayList<>();
        long failures = 0;
        for (long i = 0; i < target; i++) {
            long addr = k.__get_free_page(kernelGfp());
            if (addr == 0) {
                failures++;
                break;
            }
            pages.add(addr);
            s.maybe(i);
            if ((i & 0xffff) == 0) {
                progress.report(i, target * 3 / 2, "fragmenting");
            }
        }
        pages.sort(Long::compareUnsigned);
        long op = pages.size();
        for (int i = 0; i < pages.size(); i += 2) {
            k.free_page(pages.get(i));
            s.maybe(op++);
        }
        return s.result("fragment", op, pages.size(), failures, start);
    }

    /**
     * A DMA-hungry ISA driver: it asks for {@code buffers} DMA buffers of 2^order pages and maps
     * each for its device, until the 16 MiB DMA zone runs dry. Buffers stay allocated.
     */
    public WorkloadResult dma_driver(int buffers, int order) {
        Sampler s = new Sampler(buffers, order);
        long start = k.clock().now();
        long failures = 0;
        long allocs = 0;
        for (int i = 0; i < buffers; i++) {
            long addr = k.__get_dma_pages(kernelGfp(), order);
            allocs++;
            if (addr == 0) {
                failures++;
            } else {
                if (k.dma_map_single(addr, k.PAGE_SIZE() << order) == Kernel.DMA_MAPPING_ERROR) {
                    failures++;
                }
            }
            s.maybe(i);
            progress.report(i, buffers, "DMA driver");
        }
        return s.result("DMA driver", buffers, allocs, failures, start);
    }

    /**
     * Reads {@code pages} pages of files through the page cache; when memory runs low, kswapd and
     * direct reclaim drop the oldest cached pages to make room.
     */
    public WorkloadResult page_cache_pressure(long pages) {
        Sampler s = new Sampler(pages, 0);
        long start = k.clock().now();
        long got = 0;
        for (long i = 0; i < pages; i++) {
            k.kswapd();
            if (k.page_cache_read(1) == 1) {
                got++;
            } else {
                // The reader would block in direct reclaim: do what it would do, then read.
                k.pages.direct_reclaim(k.zones, k.pages.reclaim_idx(k.modern() ? Gfp.GFP_HIGHUSER_MOVABLE : Gfp20.GFP_BUFFER),
                    Reclaim.SWAP_CLUSTER_MAX);
                got += k.page_cache_read(1);
            }
            s.maybe(i);
            if ((i & 0xfff) == 0) {
                progress.report(i, pages, "page cache pressure");
            }
        }
        return s.result("page cache pressure", pages, got, pages - got, start);
    }
}
