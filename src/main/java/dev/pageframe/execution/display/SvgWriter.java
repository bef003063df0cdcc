package dev.pageframe.execution.display;

/**
 * Writes one standalone SVG document: escapes text and attributes and prints coordinates with a
 * fixed precision, so the same chart always gives the same bytes.
 */
final class SvgWriter {

    static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private final StringBuilder out = new StringBuilder(8192);

    /** Starts a document of the given size with a white background and an accessible title. */
    SvgWriter(double width, double height, String title) {
        String w = num(width);
        String h = num(height);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"").append(FONT).append("\" font-size=\"12\">\n");
        text("title", title);
        empty("rect", "class", "background", "width", w, "height", h, "fill", Palette.BACKGROUND);
    }

    /** Opens {@code tag} with attributes given as name, value, name, value, …. */
    SvgWriter start(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append(">\n");
        return this;
    }

    SvgWriter end(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    SvgWriter empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding escaped text. */
    SvgWriter text(String tag, String content, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        escape(content, out);
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** Markup the caller built itself (already escaped), e.g. a long run of cells. */
    SvgWriter raw(CharSequence markup) {
        out.append(markup);
        return this;
    }

    /** Closes the document and returns it. */
    String finish() {
        out.append("</svg>\n");
        return out.toString();
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], out);
            out.append('"');
        }
    }

    /** {@code s} made safe for XML text and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        escape(s, b);
        return b.toString();
    }

    /**
     * Escapes markup characters and drops what XML 1.0 cannot hold at all (most control
     * characters, lone surrogates), which a title taken from program output may contain.
     */
    static void escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n', '\r' -> b.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        b.append(c);
                    }
                }
            }
        }
    }

    /** A coordinate to 0.1 px: finer than any screen shows, short enough to keep files small. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        if (tenths == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(8);
        appendNum(b, tenths);
        return b.toString();
    }

    /** Appends a coordinate given in tenths of a pixel, without building a String per number. */
    static void appendNum(StringBuilder b, long tenths) {
        if (tenths < 0) {
            b.append('-');
            tenths = -tenths;
        }
        b.append(tenths / 10);
        long frac = tenths % 10;
        if (frac != 0) {
            b.append('.').append(frac);
        }
    }

    static void appendNum(StringBuilder b, double v) {
        long tenths = Math.round(v * 10);
        appendNum(b, tenths == 0 ? 0 : tenths);
    }
}
