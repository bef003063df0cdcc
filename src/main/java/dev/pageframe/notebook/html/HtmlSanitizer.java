package dev.pageframe.notebook.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes HTML and SVG from a notebook safe to place in an exported page. It re-writes the input from
 * scratch, keeping only elements and attributes on an allow-list, so nothing the list does not name
 * can reach the page: no script, no event handler attribute, no {@code javascript:} URL, no frame or
 * object, no style sheet, and no reference that would make the browser fetch anything.
 *
 * <p>Images must be inline: an {@code <img>} whose source is not a {@code data:} image (after the
 * resolver has had a chance to turn {@code attachment:} names into one) becomes a link to the image,
 * so opening the page never touches the network. Links ({@code <a href>}) may point to http, https and
 * mailto addresses or be relative, since following one is the reader's choice.
 *
 * <p>The output is balanced: every element it opens it also closes, so a broken fragment cannot
 * swallow the rest of the page.
 */
final class HtmlSanitizer {

    /** HTML elements kept (lower case). */
    private static final Set<String> HTML_ELEMENTS = Set.of(
            "a", "abbr", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite",
            "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
            "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd",
            "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span",
            "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
            "tt", "u", "ul", "var", "wbr");

    /** SVG elements kept, in their proper case; no animation, filters, foreign objects or scripts. */
    private static final Map<String, String> SVG_ELEMENTS = byLowerCase(
            "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline",
            "polygon", "text", "tspan", "textPath", "title", "desc", "linearGradient", "radialGradient", "stop",
            "clipPath", "mask", "pattern", "marker", "image", "a", "metadata");

    /** Elements that never get a closing tag. */
    private static final Set<String> VOID = Set.of("br", "hr", "img", "wbr", "col");

    /** Elements dropped together with everything inside them. */
    private static final Set<String> DROP_WITH_CONTENT = Set.of(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
            "noframes", "template", "textarea", "select", "xmp", "head", "foreignobject", "animate", "set",
            "animatemotion", "animatetransform", "animatecolor", "handler", "listener", "math", "audio",
            "video", "canvas", "map", "button", "form");

    /** Elements whose content the HTML parser reads as raw text up to the matching end tag. */
    private static final Set<String> RAW_TEXT = Set.of(
            "script", "style", "iframe", "noscript", "noembed", "noframes", "textarea", "xmp", "title");

    /** Attributes kept on any element (lower case). */
    private static final Set<String> HTML_ATTRIBUTES = Set.of(
            "id", "class", "title", "lang", "dir", "style", "role", "align", "valign", "width", "height",
            "colspan", "rowspan", "scope", "headers", "abbr", "alt", "start", "reversed", "type", "value",
            "open", "border", "cellpadding", "cellspacing", "bgcolor", "color", "span", "datetime", "name",
            "nowrap", "summary");

    /** SVG presentation and geometry attributes, in their proper case. */
    private static final Map<String, String> SVG_ATTRIBUTES = byLowerCase(
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points",
            "transform", "viewBox", "preserveAspectRatio", "width", "height", "fill", "fill-opacity",
            "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset",
            "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity", "font-family", "font-size",
            "font-weight", "font-style", "font-variant", "text-anchor", "dominant-baseline",
            "alignment-baseline", "baseline-shift", "dx", "dy", "rotate", "textLength", "lengthAdjust",
            "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
            "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "marker-start",
            "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
            "patternUnits", "patternContentUnits", "patternTransform", "visibility", "display",
            "shape-rendering", "text-rendering", "vector-effect", "letter-spacing", "word-spacing",
            "text-decoration", "writing-mode", "version", "overflow", "pathLength", "color", "paint-order",
            "startOffset", "side", "method", "spacing", "xml:space");

    private static final Pattern DATA_IMAGE = Pattern.compile(
            "^data:image/(png|jpeg|jpg|gif|webp|bmp|svg\\+xml)(;[a-zA-Z0-9=._-]+)*(;base64)?,[A-Za-z0-9+/=%._~!$&'()*,;:@?\\-\\s]*$");
    private static final Pattern TEXT_ENTITY = Pattern.compile("&(?:[a-zA-Z][a-zA-Z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("colon", ":"), Map.entry("tab", "\t"),
            Map.entry("newline", "\n"), Map.entry("lpar", "("), Map.entry("rpar", ")"), Map.entry("sol", "/"),
            Map.entry("num", "#"), Map.entry("semi", ";"), Map.entry("comma", ","), Map.entry("period", "."),
            Map.entry("equals", "="));

    private final String in;
    private final UnaryOperator<String> resolveImage;
    private final StringBuilder out;
    /** Open elements as written (canonical names), innermost last. */
    private final Deque<Open> open = new ArrayDeque<>();
    private int pos;

    private record Open(String name, boolean svg) {}

    private record Attribute(String name, String value) {}

    private HtmlSanitizer(String in, UnaryOperator<String> resolveImage) {
        this.in = in;
        this.resolveImage = resolveImage;
        this.out = new StringBuilder(in.length());
    }

    /** {@code html} made safe; images other than data: URIs become links. */
    static String sanitize(String html) {
        return sanitize(html, src -> null);
    }

    /**
     * {@code html} made safe. {@code resolveImage} maps an image source (e.g. {@code attachment:a.png})
     * to a {@code data:} URI, or returns null to leave the source as it is.
     */
    static String sanitize(String html, UnaryOperator<String> resolveImage) {
        HtmlSanitizer s = new HtmlSanitizer(html, resolveImage);
        s.run();
        return s.out.toString();
    }

    private void run() {
        int n = in.length();
        while (pos < n) {
            int lt = in.indexOf('<', pos);
            if (lt < 0) {
                text(pos, n);
                break;
            }
            text(pos, lt);
            pos = lt;
            if (in.startsWith("<!--", pos)) {
                int end = in.indexOf("-->", pos + 4);
                pos = end < 0 ? n : end + 3;
            } else if (in.startsWith("<![CDATA[", pos)) {
                int end = in.indexOf("]]>", pos + 9);
                int stop = end < 0 ? n : end;
                if (inSvg()) {
                    Html.escapeText(in, pos + 9, stop, out);
                }
                pos = end < 0 ? n : end + 3;
            } else if (in.startsWith("<!", pos) || in.startsWith("<?", pos)) {
                int end = in.indexOf('>', pos);
                pos = end < 0 ? n : end + 1;
            } else if (pos + 2 < n && in.charAt(pos + 1) == '/' && isAsciiLetter(in.charAt(pos + 2))) {
                endTag();
            } else if (pos + 1 < n && isAsciiLetter(in.charAt(pos + 1))) {
                startTag();
            } else {
                out.append("&lt;");
                pos++;
            }
        }
        while (!open.isEmpty()) {
            out.append("</").append(open.removeLast().name()).append('>');
        }
    }

    /** Text between tags: kept, with stray ampersands and angle brackets escaped. */
    private void text(int from, int to) {
        int i = from;
        while (i < to) {
            char c = in.charAt(i);
            if (c == '&') {
                Matcher m = TEXT_ENTITY.matcher(in).region(i, to);
                if (m.lookingAt()) {
                    out.append(in, i, m.end());
                    i = m.end();
                    continue;
                }
            }
            Html.escapeText(in, i, i + 1, out);
            i++;
        }
    }

    private void endTag() {
        int nameStart = pos + 2;
        int nameEnd = nameEnd(nameStart);
        String lower = in.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        int close = in.indexOf('>', nameEnd);
        pos = close < 0 ? in.length() : close + 1;
        String name = canonical(lower, inSvg());
        if (name == null) {
            return;
        }
        boolean found = false;
        for (Open o : open) {
            if (o.name().equals(name)) {
                found = true;
                break;
            }
        }
        if (!found) {
            return;
        }
        while (!open.isEmpty()) {
            Open o = open.removeLast();
            out.append("</").append(o.name()).append('>');
            if (o.name().equals(name)) {
                break;
            }
        }
    }

    private void startTag() {
        int nameStart = pos + 1;
        int nameEnd = nameEnd(nameStart);
        String lower = in.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        pos = nameEnd;
        TagRest rest = readTagRest();
        if (rest == null) {
            return;
        }
        List<Attribute> attributes = rest.attributes();
        boolean selfClosing = rest.selfClosing();

        boolean svg = inSvg() || lower.equals("svg");
        if (DROP_WITH_CONTENT.contains(lower) || (lower.equals("title") && !inSvg())) {
            if (!selfClosing) {
                skipContent(lower);
            }
            return;
        }
        String name = canonical(lower, svg);
        if (name == null) {
            return; // unknown element: the tag goes, its content stays
        }
        if (name.equals("img")) {
            image(attributes);
            return;
        }
        out.append('<').append(name);
        writeAttributes(name, svg, attributes);
        out.append('>');
        if (VOID.contains(name) && !svg) {
            return;
        }
        if (selfClosing) {
            out.append("</").append(name).append('>');
        } else {
            open.addLast(new Open(name, svg));
        }
    }

    /** A start tag after its name: the attributes and whether it closes itself. */
    private record TagRest(List<Attribute> attributes, boolean selfClosing) {}

    /** Reads a start tag's attributes up to its {@code >}; null when the text ends first. */
    private TagRest readTagRest() {
        List<Attribute> attributes = new ArrayList<>();
        boolean selfClosing = false;
        int n = in.length();
        while (true) {
            while (pos < n && (Character.isWhitespace(in.charAt(pos)) || in.charAt(pos) == '/')) {
                selfClosing = in.charAt(pos) == '/';
                pos++;
            }
            if (pos >= n) {
                return null; // a tag cut off by the end of the text is dropped
            }
            if (in.charAt(pos) == '>') {
                pos++;
                return new TagRest(attributes, selfClosing);
            }
            selfClosing = false;
            int a = pos;
            while (pos < n && !Character.isWhitespace(in.charAt(pos)) && "/>=".indexOf(in.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == a) {
                pos++; // a stray '=' where a name should be
                continue;
            }
            String attrName = in.substring(a, pos);
            String value = "";
            int save = pos;
            while (pos < n && Character.isWhitespace(in.charAt(pos))) {
                pos++;
            }
            if (pos < n && in.charAt(pos) == '=') {
                pos++;
                while (pos < n && Character.isWhitespace(in.charAt(pos))) {
                    pos++;
                }
                if (pos < n && (in.charAt(pos) == '"' || in.charAt(pos) == '\'')) {
                    char q = in.charAt(pos);
                    int end = in.indexOf(q, pos + 1);
                    if (end < 0) {
                        pos = n;
                        return null;
                    }
                    value = in.substring(pos + 1, end);
                    pos = end + 1;
                } else {
                    int v = pos;
                    while (pos < n && !Character.isWhitespace(in.charAt(pos)) && in.charAt(pos) != '>') {
                        pos++;
                    }
                    value = in.substring(v, pos);
                }
            } else {
                pos = save;
            }
            attributes.add(new Attribute(attrName, decodeEntities(value)));
        }
    }

    /** Skips everything up to and including the end tag that closes {@code lower}. */
    private void skipContent(String lower) {
        int n = in.length();
        if (RAW_TEXT.contains(lower)) {
            int end = indexOfEndTag(lower, pos);
            pos = end < 0 ? n : Math.max(pos, in.indexOf('>', end) < 0 ? n : in.indexOf('>', end) + 1);
            return;
        }
        int depth = 1;
        while (pos < n && depth > 0) {
            int lt = in.indexOf('<', pos);
            if (lt < 0) {
                pos = n;
                return;
            }
            pos = lt + 1;
            boolean closing = pos < n && in.charAt(pos) == '/';
            int nameStart = closing ? pos + 1 : pos;
            int nameEnd = nameEnd(nameStart);
            String tag = in.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            int gt = in.indexOf('>', nameEnd);
            boolean selfClose = gt > 0 && in.charAt(gt - 1) == '/';
            pos = gt < 0 ? n : gt + 1;
            if (tag.equals(lower)) {
                if (closing) {
                    depth--;
                } else if (!selfClose) {
                    depth++;
                }
            } else if (!closing && RAW_TEXT.contains(tag) && !selfClose) {
                int end = indexOfEndTag(tag, pos);
                int gt2 = end < 0 ? -1 : in.indexOf('>', end);
                pos = gt2 < 0 ? n : gt2 + 1;
            }
        }
    }

    private int indexOfEndTag(String lower, int from) {
        String needle = "</" + lower;
        int n = in.length();
        for (int i = in.indexOf("</", from); i >= 0 && i < n; i = in.indexOf("</", i + 2)) {
            if (in.regionMatches(true, i, needle, 0, needle.length())) {
                int after = i + needle.length();
                if (after >= n || !Character.isLetterOrDigit(in.charAt(after))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** An image: kept only with an inline data: source, otherwise shown as a link to where it lives. */
    private void image(List<Attribute> attributes) {
        String src = null;
        String alt = null;
        for (Attribute a : attributes) {
            String lower = a.name().toLowerCase(Locale.ROOT);
            if (lower.equals("src") && src == null) {
                src = a.value().strip();
            } else if (lower.equals("alt") && alt == null) {
                alt = a.value();
            }
        }
        String data = null;
        if (src != null) {
            String resolved = resolveImage.apply(src);
            String candidate = resolved != null ? resolved : src;
            if (DATA_IMAGE.matcher(candidate).matches()) {
                data = candidate.replaceAll("\\s", "");
            }
        }
        if (data != null) {
            out.append("<img src=\"").append(Html.attr(data)).append('"');
            List<Attribute> rest = new ArrayList<>();
            for (Attribute a : attributes) {
                if (!a.name().equalsIgnoreCase("src")) {
                    rest.add(a);
                }
            }
            writeAttributes("img", false, rest);
            out.append('>');
            return;
        }
        String label = "[image" + (alt == null || alt.isBlank() ? "" : ": " + alt) + "]";
        String href = src == null ? null : SafeValues.link(src);
        if (href != null) {
            out.append("<a class=\"external-image\" href=\"").append(Html.attr(href)).append("\">");
            Html.escapeText(label, 0, label.length(), out);
            out.append("</a>");
        } else {
            out.append("<span class=\"external-image\">");
            Html.escapeText(label, 0, label.length(), out);
            out.append("</span>");
        }
    }

    private void writeAttributes(String element, boolean svg, List<Attribute> attributes) {
        Set<String> seen = new HashSet<>();
        for (Attribute a : attributes) {
            String lower = a.name().toLowerCase(Locale.ROOT);
            if (!seen.add(lower) || lower.startsWith("on")) {
                continue;
            }
            String value = a.value();
            String name;
            if (lower.equals("href") || lower.equals("xlink:href")) {
                value = svg && !element.equals("a") ? svgReference(element, value) : SafeValues.link(value);
                name = svg && lower.equals("xlink:href") ? "xlink:href" : "href";
                if (value == null || (!element.equals("a") && !svg)) {
                    continue;
                }
            } else if (lower.equals("style")) {
                value = SafeValues.css(value);
                name = "style";
                if (value.isEmpty()) {
                    continue;
                }
            } else if (svg && SVG_ATTRIBUTES.containsKey(lower)) {
                name = SVG_ATTRIBUTES.get(lower);
            } else if (HTML_ATTRIBUTES.contains(lower) || lower.startsWith("aria-")) {
                name = lower;
            } else {
                continue;
            }
            if (!SafeValues.fetchesNothing(value)) {
                continue;
            }
            out.append(' ').append(name).append("=\"").append(Html.attr(value)).append('"');
        }
    }

    /** Inside SVG, references may only point into the document, or at an inline image. */
    private static String svgReference(String element, String value) {
        String v = value.strip();
        if (v.startsWith("#")) {
            return v;
        }
        if (element.equals("image") && DATA_IMAGE.matcher(v).matches()) {
            return v.replaceAll("\\s", "");
        }
        return null;
    }

    private boolean inSvg() {
        return !open.isEmpty() && open.peekLast().svg();
    }

    /** The name to write for an element, or null if it is not allowed in this context. */
    private static String canonical(String lower, boolean svg) {
        if (svg && SVG_ELEMENTS.containsKey(lower)) {
            return SVG_ELEMENTS.get(lower);
        }
        if (!svg && HTML_ELEMENTS.contains(lower)) {
            return lower;
        }
        return null;
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < in.length() && !Character.isWhitespace(in.charAt(i)) && in.charAt(i) != '/' && in.charAt(i) != '>') {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Decodes character references in an attribute value, so checks see what the browser would. */
    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            if (j < s.length() && s.charAt(j) == '#') {
                j++;
                boolean hex = j < s.length() && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
                if (hex) {
                    j++;
                }
                int digitsStart = j;
                while (j < s.length() && j - digitsStart < 8
                        && (hex ? Character.digit(s.charAt(j), 16) >= 0 : Character.isDigit(s.charAt(j)))) {
                    j++;
                }
                if (j > digitsStart) {
                    int cp = Integer.parseInt(s.substring(digitsStart, j), hex ? 16 : 10);
                    sb.appendCodePoint(Character.isValidCodePoint(cp) && cp != 0 ? cp : 0xfffd);
                    i = j < s.length() && s.charAt(j) == ';' ? j + 1 : j;
                    continue;
                }
            } else {
                while (j < s.length() && Character.isLetterOrDigit(s.charAt(j)) && j - i <= 32) {
                    j++;
                }
                String replacement = NAMED_ENTITIES.get(s.substring(i + 1, j).toLowerCase(Locale.ROOT));
                if (replacement != null) {
                    sb.append(replacement);
                    i = j < s.length() && s.charAt(j) == ';' ? j + 1 : j;
                    continue;
                }
            }
            sb.append('&');
            i++;
        }
        return sb.toString();
    }

    private static Map<String, String> byLowerCase(String... names) {
        Map<String, String> m = new HashMap<>();
        for (String name : names) {
            m.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(m);
    }
}
