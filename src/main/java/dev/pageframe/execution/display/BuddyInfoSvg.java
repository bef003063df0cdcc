package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;

/** Draws buddy info as grouped bars: free blocks per order, one series per zone, watermarks in the captions. */
final class BuddyInfoSvg {

    private BuddyInfoSvg() {}

    static String render(BuddyInfo info) {
        int orders = info.orders();
        List<String> categories = new ArrayList<>(orders);
        List<String> sizes = new ArrayList<>(orders);
        for (int o = 0; o < orders; o++) {
            categories.add(Integer.toString(o));
            sizes.add(blockSize(info.pageSize(), o));
        }
        List<CategorySeries> series = new ArrayList<>();
        for (ZoneFreeAreas z : info.zones()) {
            double[] values = new double[orders];
            for (int o = 0; o < orders; o++) {
                values[o] = z.nrFree(o);
            }
            series.add(new CategorySeries(z.zone(), values));
        }
        // The app's default, so a stored picture shows what the app first shows.
        boolean log = info.logByDefault();
        Axis y = new Axis("free blocks", Unit.NONE, log);
        Plot plot = BarSvg.frame(info.title(), Axis.of("order (block size)"), y, categories, sizes, series, false);
        for (ZoneFreeAreas z : info.zones()) {
            plot.caption(caption(z, info.pageSize()));
        }
        if (log) {
            plot.caption("Log scale: each gridline is ten times the one below; empty orders have no bar.");
        }
        return BarSvg.grouped(plot, categories, series, Unit.NONE);
    }

    /** "4 KiB", "8 KiB", … "4 MiB": the size of one block of this order. */
    static String blockSize(long pageSize, int order) {
        return Unit.BYTES.format((double) pageSize * (1L << order));
    }

    /** A zone's free pages against its watermarks, in the words kswapd would use. */
    static String caption(ZoneFreeAreas z, long pageSize) {
        StringBuilder b = new StringBuilder();
        b.append(z.zone()).append(": ").append(Unit.plain(z.freePages())).append(" free pages (")
                .append(Unit.BYTES.format((double) z.freePages() * pageSize)).append(')');
        ZoneWatermarks w = z.watermarks();
        if (w != null) {
            b.append(" · watermarks min ").append(Unit.plain(w.min())).append(", low ").append(Unit.plain(w.low()))
                    .append(", high ").append(Unit.plain(w.high())).append(" — ").append(w.verdict(z.freePages()));
        }
        return b.toString();
    }
}
