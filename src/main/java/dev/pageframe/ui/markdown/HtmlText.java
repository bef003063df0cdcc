package dev.pageframe.ui.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML for notebook content without a browser: tags stripped to readable text,
 * entities decoded, a lone {@code <table>} read into rows, and a tag's attributes.
 */
public final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|template)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern PARAGRAPH_END = Pattern.compile(
            "(?i)<\\s*(/p|/h[1-6]|/ul|/ol|/table|/pre|/blockquote|hr|/details)\\b[^>]*>");
    private static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<\\s*(br|p|div|/div|h[1-6]|ul|ol|/tr|pre|table|blockquote|summary|/summary|details)\\b[^>]*>");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<\\s*li\\b[^>]*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</\\s*t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);");
    private static final Pattern TABLE_OPEN = Pattern.compile("(?i)<\\s*table\\b");
    private static final Pattern TABLE = Pattern.compile("(?is)<table\\b[^>]*>(.*?)</table\\s*>");
    private static final Pattern CAPTION = Pattern.compile("(?is)<caption\\b[^>]*>(.*?)</caption\\s*>");
    private static final Pattern ROW = Pattern.compile("(?is)<tr\\b[^>]*>(.*?)(?=<tr\\b|</tbody|</thead|</tfoot|$)");
    private static final Pattern CELL = Pattern.compile("(?is)<(t[dh])\\b[^>]*>(.*?)(?=<t[dh]\\b|</tr|$)");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*(?:=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?");

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("hellip", "…"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("times", "×"),
            Map.entry("rarr", "→"), Map.entry("larr", "←"), Map.entry("le", "≤"), Map.entry("ge", "≥"),
            Map.entry("middot", "·"), Map.entry("deg", "°"), Map.entry("micro", "µ"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"));

    private HtmlText() {}

    /** A table read from HTML: header cells (maybe none), body rows, and the caption (maybe empty). */
    public record Table(List<String> headers, List<List<String>> rows, String caption) {}

    /** Readable text of {@code html}: block elements start lines, tags vanish, entities are decoded. */
    public static String toText(String html) {
        String s = INVISIBLE.matcher(html).replaceAll("");
        s = s.replaceAll("\\r\\n?", "\n").replaceAll("[ \\t]*\\n[ \\t]*", " ").replaceAll("[ \\t]{2,}", " ");
        s = LIST_ITEM.matcher(s).replaceAll("\n• ");
        s = CELL_END.matcher(s).replaceAll("\t");
        s = PARAGRAPH_END.matcher(s).replaceAll("\n\n");
        s = LINE_BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            out.append(line.strip()).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** {@code &amp;}, {@code &#39;}, {@code &#x2014;} and the common named entities decoded. */
    public static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String rep;
            try {
                if (name.startsWith("#x") || name.startsWith("#X")) {
                    rep = Character.toString(Integer.parseInt(name.substring(2), 16));
                } else if (name.startsWith("#")) {
                    rep = Character.toString(Integer.parseInt(name.substring(1)));
                } else {
                    rep = NAMED.getOrDefault(name, m.group());
                }
            } catch (IllegalArgumentException e) {
                rep = m.group();
            }
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * The table when {@code html} holds exactly one {@code <table>} and no other text outside it
     * (as pandas and most libraries write them); empty otherwise.
     */
    public static Optional<Table> singleTable(String html) {
        String s = INVISIBLE.matcher(html).replaceAll("");
        Matcher open = TABLE_OPEN.matcher(s);
        int tables = 0;
        while (open.find()) {
            tables++;
        }
        if (tables != 1) {
            return Optional.empty();
        }
        Matcher t = TABLE.matcher(s);
        if (!t.find()) {
            return Optional.empty();
        }
        String outside = toText(s.substring(0, t.start()) + s.substring(t.end()));
        if (outside.length() > 200) {
            return Optional.empty();
        }
        String body = t.group(1);
        String caption = "";
        Matcher c = CAPTION.matcher(body);
        if (c.find()) {
            caption = toText(c.group(1));
            body = body.substring(0, c.start()) + body.substring(c.end());
        }
        List<String> headers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        Matcher r = ROW.matcher(body);
        while (r.find()) {
            List<String> cells = new ArrayList<>();
            boolean allHeader = true;
            Matcher cell = CELL.matcher(r.group(1));
            while (cell.find()) {
                allHeader &= cell.group(1).equalsIgnoreCase("th");
                cells.add(toText(cell.group(2)).replace('\n', ' '));
            }
            if (cells.isEmpty()) {
                continue;
            }
            if (allHeader && rows.isEmpty() && headers.isEmpty()) {
                headers.addAll(cells);
            } else if (allHeader && rows.isEmpty() && cells.size() == headers.size()
                    && cells.stream().allMatch(String::isBlank)) {
                continue; // pandas' second, empty header row for the index name
            } else {
                rows.add(cells);
            }
        }
        if (headers.isEmpty() && rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Table(List.copyOf(headers), List.copyOf(rows), caption));
    }

    /** The attributes of a start tag such as {@code <img src="a.png" width=200>}, names lower-cased. */
    public static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        String inner = tag.replaceFirst("^<\\s*/?\\s*[a-zA-Z0-9]+", "").replaceFirst("/?>\\s*$", "");
        Matcher m = ATTRIBUTE.matcher(inner);
        while (m.find()) {
            String v = m.group(2);
            if (v == null) {
                v = "";
            } else if (v.startsWith("\"") || v.startsWith("'")) {
                v = v.substring(1, v.length() - 1);
            }
            out.put(m.group(1).toLowerCase(Locale.ROOT), decodeEntities(v));
        }
        return out;
    }

    /** The lower-case name of an HTML tag, without {@code /}; empty when {@code tag} is not one. */
    public static String tagName(String tag) {
        Matcher m = Pattern.compile("^<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9]*)").matcher(tag);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** True for an end tag such as {@code </b>}. */
    public static boolean isEndTag(String tag) {
        return tag.matches("(?s)^<\\s*/.*");
    }
}
