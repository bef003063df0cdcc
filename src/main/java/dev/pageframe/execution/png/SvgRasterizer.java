package dev.pageframe.execution.png;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the SVG our chart renderers write onto a Java 2D image: {@code g}, {@code rect},
 * {@code line}, {@code path} (M/L/H/V/Z), {@code text} (with {@code text-anchor} and a
 * {@code rotate} transform) and a {@code pattern} fill, with inherited presentation attributes.
 * It is not a general SVG renderer: it draws the subset {@code execution.display} writes, so the
 * PNG is the same picture as the SVG, laid out by the same code.
 */
final class SvgRasterizer {

    private final double scale;
    private final Map<String, Element> patterns = new HashMap<>();

    /** A rasterizer drawing {@code scale} device pixels per SVG unit (2 for a sharp image on a high-density screen). */
    SvgRasterizer(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        this.scale = scale;
    }

    /** The picture {@code svg} describes, {@code scale} times its width and height. */
    BufferedImage render(String svg) {
        Element root = parse(svg).getDocumentElement();
        double width = number(root, "width", 0);
        double height = number(root, "height", 0);
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("the SVG has no width and height");
        }
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            quality(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            collectPatterns(root);
            children(g, root, Style.ROOT.with(root));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Our own markup never has a DOCTYPE; refusing one keeps entity expansion out.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a well-formed SVG document: " + e.getMessage(), e);
        }
    }

    private void collectPatterns(Element root) {
        var list = root.getElementsByTagName("pattern");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            patterns.put(p.getAttribute("id"), p);
        }
    }

    private void children(Graphics2D g, Element parent, Style style) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                element(g, e, style.with(e));
            }
        }
    }

    private void element(Graphics2D g, Element e, Style style) {
        AffineTransform saved = g.getTransform();
        try {
            transform(g, e.getAttribute("transform"));
            switch (e.getTagName()) {
                case "g", "svg" -> children(g, e, style);
                case "rect" -> {
                    shape(g, new Rectangle2D.Double(number(e, "x", 0), number(e, "y", 0), number(e, "width", 0),
                            number(e, "height", 0)), style);
                    children(g, e, style);
                }
                case "line" -> shape(g, new Line2D.Double(number(e, "x1", 0), number(e, "y1", 0), number(e, "x2", 0),
                        number(e, "y2", 0)), style.withoutFill());
                case "path" -> shape(g, PathData.parse(e.getAttribute("d")), style);
                case "text" -> text(g, e, style);
                default -> {
                    // title (a tooltip), defs and pattern (drawn where used) show nothing here.
                }
            }
        } finally {
            g.setTransform(saved);
        }
    }

    private void shape(Graphics2D g, Shape shape, Style style) {
        Paint fill = paint(style.fill(), style.fillOpacity());
        if (fill != null) {
            g.setPaint(fill);
            g.fill(shape);
        }
        Paint stroke = paint(style.stroke(), 1);
        if (stroke != null && style.strokeWidth() > 0) {
            g.setPaint(stroke);
            g.setStroke(new BasicStroke((float) style.strokeWidth(), style.cap(), style.join()));
            g.draw(shape);
        }
    }

    private void text(Graphics2D g, Element e, Style style) {
        String content = e.getTextContent();
        Paint fill = paint(style.fill(), style.fillOpacity());
        if (content.isEmpty() || fill == null) {
            return;
        }
        Font font = font(style);
        g.setFont(font);
        g.setPaint(fill);
        double width = font.getStringBounds(content, g.getFontRenderContext()).getWidth();
        double x = number(e, "x", 0);
        switch (style.anchor()) {
            case "middle" -> x -= width / 2;
            case "end" -> x -= width;
            default -> { }
        }
        g.drawString(content, (float) x, (float) number(e, "y", 0));
    }

    private static Font font(Style style) {
        String family = Font.SANS_SERIF;
        for (String name : style.fontFamily().split(",")) {
            String n = name.strip().replace("\"", "").replace("'", "");
            if (n.equals("monospace")) {
                family = Font.MONOSPACED;
                break;
            }
            if (n.equals("sans-serif")) {
                break;
            }
            if (installed(n)) {
                family = n;
                break;
            }
        }
        int weight = style.bold() ? Font.BOLD : Font.PLAIN;
        return new Font(family, weight, 1).deriveFont((float) style.fontSize());
    }

    /** True when fontconfig has the family: Java 2D falls back to "Dialog" for a name it does not know. */
    private static boolean installed(String family) {
        return new Font(family, Font.PLAIN, 1).getFamily(Locale.ROOT).equalsIgnoreCase(family);
    }

    private Paint paint(String value, double opacity) {
        if (value == null || value.equals("none")) {
            return null;
        }
        if (value.startsWith("url(#") && value.endsWith(")")) {
            Element pattern = patterns.get(value.substring(5, value.length() - 1));
            return pattern == null ? null : texture(pattern);
        }
        Color c = color(value);
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        return alpha == 255 ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** A user-space pattern tile drawn at this rasterizer's scale, repeating from the origin as SVG's does. */
    private Paint texture(Element pattern) {
        double w = number(pattern, "width", 1);
        double h = number(pattern, "height", 1);
        BufferedImage tile = new BufferedImage((int) Math.ceil(w * scale), (int) Math.ceil(h * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D tg = tile.createGraphics();
        try {
            quality(tg);
            tg.scale(scale, scale);
            children(tg, pattern, Style.ROOT.with(pattern));
        } finally {
            tg.dispose();
        }
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, w, h));
    }

    static Color color(String value) {
        String v = value.strip();
        if (v.startsWith("#") && v.length() == 7) {
            return new Color(Integer.parseInt(v.substring(1), 16));
        }
        if (v.startsWith("#") && v.length() == 4) {
            int r = Character.digit(v.charAt(1), 16);
            int gr = Character.digit(v.charAt(2), 16);
            int b = Character.digit(v.charAt(3), 16);
            return new Color(r * 17, gr * 17, b * 17);
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "black" -> Color.BLACK;
            case "white" -> Color.WHITE;
            default -> throw new IllegalArgumentException("colour '" + value + "' is not one the charts use");
        };
    }

    /** Applies {@code rotate(a cx cy)} or {@code translate(x y)}, the two transforms the renderers write. */
    private static void transform(Graphics2D g, String transform) {
        if (transform == null || transform.isBlank()) {
            return;
        }
        String t = transform.strip();
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) {
            throw new IllegalArgumentException("transform not understood: " + transform);
        }
        String[] args = t.substring(open + 1, t.length() - 1).strip().split("[\\s,]+");
        double[] a = new double[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = Double.parseDouble(args[i]);
        }
        switch (t.substring(0, open).strip()) {
            case "rotate" -> {
                if (a.length == 3) {
                    g.rotate(Math.toRadians(a[0]), a[1], a[2]);
                } else {
                    g.rotate(Math.toRadians(a[0]));
                }
            }
            case "translate" -> g.translate(a[0], a.length > 1 ? a[1] : 0);
            default -> throw new IllegalArgumentException("transform not understood: " + transform);
        }
    }

    private static double number(Element e, String name, double fallback) {
        String v = e.getAttribute(name);
        if (v.isEmpty()) {
            return fallback;
        }
        return Double.parseDouble(v.endsWith("px") ? v.substring(0, v.length() - 2) : v);
    }

    /** The presentation attributes an element inherits from its ancestors, as SVG's cascade gives them. */
    record Style(String fill, double fillOpacity, String stroke, double strokeWidth, String linecap,
            String linejoin, double fontSize, String fontFamily, boolean bold, String anchor) {

        static final Style ROOT = new Style("#000000", 1, "none", 1, "butt", "miter", 16, "sans-serif", false, "start");

        /** This style with {@code e}'s own presentation attributes on top. */
        Style with(Element e) {
            return new Style(
                    attr(e, "fill", fill),
                    e.hasAttribute("fill-opacity") ? Double.parseDouble(e.getAttribute("fill-opacity")) : fillOpacity,
                    attr(e, "stroke", stroke),
                    e.hasAttribute("stroke-width") ? Double.parseDouble(e.getAttribute("stroke-width")) : strokeWidth,
                    attr(e, "stroke-linecap", linecap),
                    attr(e, "stroke-linejoin", linejoin),
                    e.hasAttribute("font-size") ? Double.parseDouble(e.getAttribute("font-size")) : fontSize,
                    attr(e, "font-family", fontFamily),
                    e.hasAttribute("font-weight") ? isBold(e.getAttribute("font-weight")) : bold,
                    attr(e, "text-anchor", anchor));
        }

        /** A line has no inside: SVG never fills one. */
        Style withoutFill() {
            return new Style("none", fillOpacity, stroke, strokeWidth, linecap, linejoin, fontSize, fontFamily, bold,
                    anchor);
        }

        int cap() {
            return switch (linecap) {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                default -> BasicStroke.CAP_BUTT;
            };
        }

        int join() {
            return switch (linejoin) {
                case "round" -> BasicStroke.JOIN_ROUND;
                case "bevel" -> BasicStroke.JOIN_BEVEL;
                default -> BasicStroke.JOIN_MITER;
            };
        }

        private static String attr(Element e, String name, String inherited) {
            return e.hasAttribute(name) ? e.getAttribute(name) : inherited;
        }

        private static boolean isBold(String weight) {
            return weight.equals("bold") || weight.equals("bolder")
                    || (weight.chars().allMatch(Character::isDigit) && Integer.parseInt(weight) >= 600);
        }
    }
}
