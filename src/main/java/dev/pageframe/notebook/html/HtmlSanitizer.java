package dev.pageframe.notebook.html;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes HTML and SVG from a notebook safe to place in an exported page. jsoup parses it as a browser
 * would and its {@link Cleaner} rebuilds it from a {@link Safelist} of elements and attributes, so
 * nothing the lists do not name can reach the page: no script, no event handler attribute, no
 * {@code javascript:} URL, no frame or object, no style sheet, and no reference that would make the
 * browser fetch anything. Before cleaning, what a safelist cannot say is settled here: elements
 * dropped with their content, HTML and SVG each keeping only their own elements and attributes (SVG
 * in its proper case), link targets, styles and values that would fetch ({@link SafeValues}).
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

    /** Elements dropped together with everything inside them. */
    private static final Set<String> DROP_WITH_CONTENT = Set.of(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
            "noframes", "template", "textarea", "select", "xmp", "head", "foreignobject", "animate", "set",
            "animatemotion", "animatetransform", "animatecolor", "handler", "listener", "math", "audio",
            "video", "canvas", "map", "button", "form");

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

    /** The parser adds a tbody to every table; leaving it out keeps a table as written (browsers imply it alike). */
    private static final Set<String> IMPLIED = Set.of("tbody");

    private static final Safelist SAFELIST = safelist();

    private HtmlSanitizer() {}

    /** {@code html} made safe; images other than data: URIs become links. */
    static String sanitize(String html) {
        return sanitize(html, src -> null);
    }

    /**
     * {@code html} made safe. {@code resolveImage} maps an image source (e.g. {@code attachment:a.png})
     * to a {@code data:} URI, or returns null to leave the source as it is.
     */
    static String sanitize(String html, UnaryOperator<String> resolveImage) {
        Document dirty = Parser.htmlParser().settings(ParseSettings.preserveCase).parseInput(html, "");
        for (Element e : new ArrayList<>(dirty.body().getAllElements())) {
            if (e != dirty.body() && e.parent() != null) {
                settle(e, resolveImage);
            }
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml).charset(StandardCharsets.UTF_8);
        return clean.body().html();
    }

    /** The element and attribute allow-lists; an element's context (HTML or SVG) is settled before. */
    private static Safelist safelist() {
        Safelist list = new Safelist() {
            @Override
            public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
                return attr.getKey().startsWith("aria-") || super.isSafeAttribute(tagName, el, attr);
            }
        };
        HTML_ELEMENTS.stream().filter(e -> !IMPLIED.contains(e)).forEach(list::addTags);
        SVG_ELEMENTS.values().forEach(list::addTags);
        list.addAttributes(":all", HTML_ATTRIBUTES.toArray(String[]::new));
        list.addAttributes(":all", SVG_ATTRIBUTES.values().toArray(String[]::new));
        list.addAttributes(":all", "href", "xlink:href");
        list.addAttributes("img", "src");
        list.addTags("input");
        list.addAttributes("input", "disabled", "checked");
        return list;
    }

    /** Drops, unwraps or rewrites one element of the parsed tree, as its context allows. */
    private static void settle(Element e, UnaryOperator<String> resolveImage) {
        String lower = e.normalName();
        boolean parentSvg = inSvg(e.parent());
        if (DROP_WITH_CONTENT.contains(lower) || (lower.equals("title") && !parentSvg)) {
            e.remove();
            return;
        }
        if (lower.equals("input") && !parentSvg) {
            checkbox(e);
            return;
        }
        boolean svg = parentSvg || lower.equals("svg");
        String name = canonical(lower, svg);
        if (name == null) {
            e.unwrap(); // unknown element: the tag goes, its content stays
            return;
        }
        e.tagName(name);
        if (name.equals("img")) {
            e.replaceWith(image(e, resolveImage));
            return;
        }
        keepAttributes(e, name, svg);
        if (svg && e.childNodeSize() == 0) {
            e.appendChild(new TextNode("")); // written <stop></stop>, as before, not <stop />
        }
    }

    /**
     * An input: kept only as a task list's box ({@code - [x]}), which cannot be changed; any other field goes, as the
     * page has no form to send.
     */
    private static void checkbox(Element input) {
        if (!input.attr("type").equalsIgnoreCase("checkbox")) {
            input.remove();
            return;
        }
        boolean checked = input.hasAttr("checked");
        input.clearAttributes();
        input.attr("type", "checkbox").attr("disabled", "");
        if (checked) {
            input.attr("checked", "");
        }
    }

    private static boolean inSvg(Element e) {
        for (Element at = e; at != null; at = at.parent()) {
            if (at.normalName().equals("svg")) {
                return true;
            }
        }
        return false;
    }

    /** An image: kept only with an inline data: source, otherwise shown as a link to where it lives. */
    private static Element image(Element img, UnaryOperator<String> resolveImage) {
        String src = img.hasAttr("src") ? img.attr("src").strip() : null;
        String alt = img.hasAttr("alt") ? img.attr("alt") : null;
        String data = null;
        if (src != null) {
            String resolved = resolveImage.apply(src);
            String candidate = resolved != null ? resolved : src;
            if (DATA_IMAGE.matcher(candidate).matches()) {
                data = candidate.replaceAll("\\s", "");
            }
        }
        if (data != null) {
            Element kept = new Element("img").attr("src", data);
            img.removeAttr("src");
            keepAttributes(img, "img", false);
            img.attributes().forEach(a -> kept.attr(a.getKey(), a.getValue()));
            return kept;
        }
        String label = "[image" + (alt == null || alt.isBlank() ? "" : ": " + alt) + "]";
        String href = src == null ? null : SafeValues.link(src);
        Element shown = href != null ? new Element("a").attr("class", "external-image").attr("href", href)
                : new Element("span").attr("class", "external-image");
        return shown.text(label);
    }

    /** Keeps the attributes the element's context allows, with safe values, in their proper case. */
    private static void keepAttributes(Element e, String element, boolean svg) {
        List<Attribute> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Attribute a : e.attributes()) {
            String lower = a.getKey().toLowerCase(Locale.ROOT);
            Attribute safe = seen.add(lower) ? safeAttribute(element, svg, lower, a.getValue()) : null;
            if (safe != null) {
                kept.add(safe);
            }
        }
        e.clearAttributes();
        kept.forEach(a -> e.attr(a.getKey(), a.getValue()));
    }

    private static Attribute safeAttribute(String element, boolean svg, String lower, String value) {
        String name;
        if (lower.startsWith("on")) {
            return null;
        } else if (lower.equals("href") || lower.equals("xlink:href")) {
            value = svg && !element.equals("a") ? svgReference(element, value) : SafeValues.link(value);
            name = svg && lower.equals("xlink:href") ? "xlink:href" : "href";
            if (value == null || (!element.equals("a") && !svg)) {
                return null;
            }
        } else if (lower.equals("style")) {
            value = SafeValues.css(value);
            name = "style";
            if (value.isEmpty()) {
                return null;
            }
        } else if (svg && SVG_ATTRIBUTES.containsKey(lower)) {
            name = SVG_ATTRIBUTES.get(lower);
        } else if (HTML_ATTRIBUTES.contains(lower) || lower.startsWith("aria-")) {
            name = lower;
        } else {
            return null;
        }
        return SafeValues.fetchesNothing(value) ? new Attribute(name, value) : null;
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

    private static Map<String, String> byLowerCase(String... names) {
        Map<String, String> m = new HashMap<>();
        for (String name : names) {
            m.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(m);
    }
}
