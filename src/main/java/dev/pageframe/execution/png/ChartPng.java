package dev.pageframe.execution.png;

import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.MimeBundles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Renders a chart to PNG on the host: the chart's SVG (the same layout, colours, axes and scales
 * the app and the SVG option show) drawn by headless Java 2D at twice its size.
 */
public final class ChartPng {

    /** Device pixels per CSS pixel: sharp on a high-density screen, still a modest file. */
    public static final int DENSITY = 2;

    private ChartPng() {}

    /** The chart as a PNG; tables have no picture and throw, as {@link MimeBundles#svg} does. */
    public static PngImage render(Chart chart) {
        return fromSvg(MimeBundles.svg(chart));
    }

    /** An SVG written by {@code execution.display}, as a PNG. */
    public static PngImage fromSvg(String svg) {
        BufferedImage image;
        try {
            image = new SvgRasterizer(DENSITY).render(svg);
        } catch (java.awt.AWTError | LinkageError e) {
            // A JDK without its desktop libraries or fonts: say so as the exception callers handle.
            throw new IllegalStateException("Java 2D cannot draw here: " + e, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PngImage(out.toByteArray(), image.getWidth() / DENSITY, image.getHeight() / DENSITY, DENSITY);
    }
}
