package dev.pageframe.ui.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pageframe.engine.Gfp;
import dev.pageframe.engine.Kernel;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.execution.cells.EngineCharts;
import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.ChartBuilder;
import dev.pageframe.execution.display.Charts;
import dev.pageframe.execution.display.FrameMapKind;
import dev.pageframe.execution.display.Unit;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Output;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Realistic outputs and Markdown for tests and the gallery, made from the display package's builders. */
public final class Samples {

    private Samples() {}

    /** A chart's MIME bundle as a notebook stores it. */
    public static MimeBundle bundle(Map<String, Object> chartBundle) {
        MimeBundle b = MimeBundle.empty();
        for (Map.Entry<String, Object> e : chartBundle.entrySet()) {
            if (e.getValue() instanceof JsonNode json) {
                b = b.withJson(e.getKey(), json);
            } else {
                b = b.with(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return b;
    }

    public static Output.DisplayData display(Chart chart) {
        return Output.DisplayData.of(bundle(chart.mimeBundle()));
    }

    public static Output.DisplayData display(ChartBuilder<?> builder) {
        return display(builder.build());
    }

    public static final String MARKDOWN = """
            # How the buddy allocator splits blocks

            The **buddy allocator** hands out blocks of `2^order` pages. When no block of the
            requested order is free, it *splits* a larger one and keeps the other half — the
            *buddy* — on the free list one order down. See [the kernel documentation](https://docs.kernel.org/mm/page_allocator.html)
            or the [free lists](#free-lists) below.

            ## Free lists

            1. Look for a free block of `order` in the zone.
            2. If there is none, take one of `order + 1` and split it:
               - the lower half is returned,
               - the upper half goes on the order list.
            3. Repeat until the order is satisfied or `MAX_ORDER` is reached.

            > Freeing merges a block with its buddy whenever the buddy is free too,
            > so large blocks come back.

            ```java
            // Allocate 16 contiguous pages from ZONE_NORMAL.
            long addr = k.__get_free_pages(Gfp.GFP_KERNEL, 4);
            String name = "order-4 block";   // 64 KiB
            k.free_pages(addr, 4);
            ```

            | order | block size | typical user |
            |------:|:-----------|:-------------|
            | 0 | 4 KiB | page cache, anonymous memory |
            | 3 | 32 KiB | network buffers |
            | 9 | 2 MiB | transparent huge pages |

            ---

            ### The free areas, drawn

            ![buddy diagram](attachment:buddy.png)

            ![a web image](https://example.com/diagram.png)
            """;

    /** The attachments {@link #MARKDOWN} refers to. */
    public static Map<String, MimeBundle> attachments() {
        return Map.of("buddy.png", MimeBundle.of("image/png", pngBase64(360, 90)));
    }

    /** A small gradient picture as base64 PNG. */
    public static String pngBase64(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x0072B2), w, h, new Color(0xE69F00)));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 8; i++) {
            g.drawRect(8 + i * (w - 16) / 8, h / 3, (w - 16) / 8 - 4, h / 3);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getMimeEncoder().encodeToString(out.toByteArray());
    }

    public static Output.Stream longStream(int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(String.format("tick %4d: free=%,d pages, kswapd %s%n", i, 200_000 - i * 37, i % 7 == 0 ? "awake" : "asleep"));
        }
        return Output.Stream.stdout(b.toString());
    }

    public static Output.ErrorOutput kernelBug() {
        String evalue = "kfree of a pointer that was never allocated\n"
                + "BUG: KASAN: invalid-free in kfree+0x0/0x0\n"
                + "Free of addr ffff888000123456 by task jshell/1\n"
                + "WARNING: CPU: 0 PID: 1 at mm/slub.c: kfree\n"
                + "Call Trace:\n"
                + " kfree+0x0/0x0\n"
                + " cell_3+0x12/0x40";
        List<String> tb = new ArrayList<>();
        tb.add("dev.pageframe.engine.KernelBugException: " + evalue);
        tb.add("    at dev.pageframe.engine.PageAllocator.bug(PageAllocator.java:512)");
        tb.add("    at dev.pageframe.engine.Kernel.kfree(Kernel.java:505)");
        tb.add("    at (cell [3], line 4)");
        return Output.ErrorOutput.of("dev.pageframe.engine.KernelBugException", evalue, tb);
    }

    public static Output.ErrorOutput plainError() {
        return Output.ErrorOutput.of("java.lang.ArithmeticException", "/ by zero", List.of(
                "java.lang.ArithmeticException: / by zero",
                "    at \u001b[36mfreeRatio\u001b[0m (cell [2], line 3)",
                "    at (cell [2], line 7)"));
    }

    public static Chart freePagesOverTime(int n) {
        double[] ticks = new double[n];
        double[] normal = new double[n];
        double[] dma32 = new double[n];
        SplittableRandom rnd = new SplittableRandom(1);
        double free = 200_000;
        for (int i = 0; i < n; i++) {
            ticks[i] = i;
            free -= rnd.nextDouble(0, 120);
            if (free < 14_000) {
                free += 90_000;
            }
            normal[i] = free;
            dma32[i] = 60_000 + 8_000 * Math.sin(i / 300.0) + rnd.nextDouble(-500, 500);
        }
        return Charts.line("Free pages over time").x("tick").y("free", Unit.PAGES)
                .series("Normal", ticks, normal).series("DMA32", ticks, dma32).build();
    }

    public static Chart smallLine() {
        double[] x = new double[40];
        double[] a = new double[40];
        double[] b = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i * 250_000;
            a[i] = 900 + 300 * Math.sin(i / 5.0);
            b[i] = 1400 + 200 * Math.cos(i / 7.0);
        }
        return Charts.line("Allocation latency").x("time", Unit.NANOSECONDS).y("latency", Unit.NANOSECONDS)
                .series("order 0", x, a).series("order 3", x, b).build();
    }

    public static Chart memoryByUse() {
        int n = 120;
        double[] t = new double[n];
        double[] page = new double[n];
        double[] slab = new double[n];
        double[] cache = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 0.5;
            page[i] = 300e6 + 200e6 * Math.min(1, i / 60.0);
            slab[i] = 120e6 + 40e6 * Math.sin(i / 10.0);
            cache[i] = 1.2e9 * (1 - Math.exp(-i / 30.0));
        }
        return Charts.stackedArea("Memory by use").x("time", Unit.SECONDS).y("memory", Unit.BYTES)
                .series("page allocator", t, page).series("slab", t, slab).series("page cache", t, cache).build();
    }

    public static Chart kmallocWaste() {
        return Charts.bar("kmalloc: requested vs allocated").x("cache").y("bytes", Unit.BYTES)
                .categories("kmalloc-32", "kmalloc-64", "kmalloc-96", "kmalloc-128", "kmalloc-192", "kmalloc-256",
                        "kmalloc-512", "kmalloc-1k")
                .series("requested", 21_504, 49_152, 61_200, 88_064, 101_000, 170_000, 230_000, 410_000)
                .series("allocated", 24_576, 65_536, 73_728, 131_072, 122_880, 196_608, 262_144, 524_288)
                .build();
    }

    public static Chart pagesByZone() {
        return Charts.stacked("Pages in use by zone").x("zone").y("used", Unit.PAGES)
                .categories("DMA", "DMA32", "Normal")
                .series("slab", 120, 20_000, 95_000)
                .series("page allocator", 800, 110_000, 380_000)
                .series("page cache", 0, 240_000, 1_400_000)
                .build();
    }

    public static Chart latencyHistogram() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 400 + Math.abs(rnd.nextGaussian()) * 300 + (i % 97 == 0 ? rnd.nextDouble(2_000, 9_000) : 0);
        }
        return Charts.histogram("__alloc_pages latency").x("latency", Unit.NANOSECONDS).name("order 0").values(v)
                .bins(30).build();
    }

    public static Chart slabTable() {
        return Charts.table("Slab caches").columns("cache").column("object size", Unit.BYTES).columns("objects")
                .column("memory", Unit.BYTES)
                .row("kmalloc-64", 64, 12_800, 819_200)
                .row("kmalloc-128", 128, 4_100, 524_800)
                .row("dentry", 192, 23_001, 4_416_192)
                .row("inode_cache", 600, 9_870, 5_922_000)
                .row("task_struct", 7_296, 212, 1_546_752)
                .build();
    }

    /** A 1 GiB x86-64 machine after boot and a few allocations. */
    public static Kernel bootedKernel() {
        Kernel k = Kernel.boot(MachineProfiles.X86_64, 1L << 30);
        for (int i = 0; i < 64; i++) {
            k.kmalloc(512 + i * 64, Gfp.GFP_KERNEL);
        }
        for (int i = 0; i < 6; i++) {
            k.__get_free_pages(Gfp.GFP_KERNEL, i % 5);
        }
        k.vmalloc(8L << 20);
        k.page_cache_read(20_000);
        int pid = k.spawn_task("stress");
        k.task_touch(pid, 30_000);
        return k;
    }

    /** A small frame map with owners, one frame per cell. */
    public static Chart smallFrameMap() {
        return Charts.frameMap("Frames of a 1 MiB toy machine")
                .zone("DMA", 0, 128).zone("Normal", 128, 256)
                .run(0, 16, FrameMapKind.FIRMWARE, "DMA")
                .run(16, 40, FrameMapKind.KERNEL, "DMA")
                .run(56, 72, FrameMapKind.FREE, "DMA")
                .run(128, 8, FrameMapKind.SLAB, "Normal", 3, "kmalloc-64")
                .run(136, 4, FrameMapKind.PAGE, "Normal", 2, "cell 3")
                .run(140, 100, FrameMapKind.FREE, "Normal")
                .build();
    }

    /** Every output the gallery shows, by name. */
    public static Map<String, Output> outputs() {
        Map<String, Output> out = new LinkedHashMap<>();
        out.put("stream", longStream(120));
        out.put("stderr", Output.Stream.stderr("WARNING: GFP_ATOMIC allocation failed, order 4, mode 0x820\n"
                + "\u001b[33mhint:\u001b[0m fragmentation index for order 4 is 0.92\n"));
        out.put("error-kernel-bug", kernelBug());
        out.put("error", plainError());
        out.put("line", display(freePagesOverTime(5000)));
        out.put("line-small", display(smallLine()));
        out.put("area-stacked", display(memoryByUse()));
        out.put("bar", display(kmallocWaste()));
        out.put("stacked-bar", display(pagesByZone()));
        out.put("histogram", display(latencyHistogram()));
        out.put("table", display(slabTable()));
        Kernel k = bootedKernel();
        out.put("buddyinfo", display(EngineCharts.buddyinfo(k, k.zones())));
        out.put("framemap", display(EngineCharts.frameMap(k, k.frame_map())));
        out.put("framemap-small", display(smallFrameMap()));
        out.put("html-table", Output.DisplayData.of(MimeBundle.of("text/html", """
                <div><style scoped>.dataframe td { padding: 2px }</style>
                <table class="dataframe"><thead><tr><th>zone</th><th>free</th><th>min</th></tr></thead>
                <tbody><tr><td>DMA</td><td>3,968</td><td>29</td></tr>
                <tr><td>DMA32</td><td>210,112</td><td>5,384</td></tr>
                <tr><td>Normal</td><td>1,024</td><td>12</td></tr></tbody></table></div>
                """).with("text/plain", "   zone    free   min\n0  DMA  3968  29")));
        out.put("svg-only", Output.DisplayData.of(MimeBundle.of("image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>")));
        out.put("markdown-output", Output.ExecuteResult.of(4, MimeBundle.of("text/markdown",
                "**3 zones** found: `DMA`, `DMA32` and `Normal` — see [zones](https://docs.kernel.org/mm/physical_memory.html).")));
        out.put("png", Output.DisplayData.of(MimeBundle.of("image/png", pngBase64(420, 120))));
        out.put("plain", Output.ExecuteResult.of(5, MimeBundle.plain("Page[pfn=0x1a2b3, order=0, flags=slab|locked]")));
        return out;
    }
}
