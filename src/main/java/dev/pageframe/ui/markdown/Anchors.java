package dev.pageframe.ui.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which heading a {@code #fragment} link names. Notebooks and docs are written for GitHub and Jupyter,
 * so both styles land: GitHub's slug ({@code #buddy-allocator-free-lists}, with {@code -1}, {@code -2}
 * for repeated headings) and Jupyter's heading text with spaces as hyphens
 * ({@code #Buddy-allocator:-free-lists}).
 *
 * <pre>{@code
 * int i = Anchors.find(List.of("Intro", "Free lists"), "free-lists"); // 1
 * }</pre>
 */
public final class Anchors {

    private Anchors() {}

    /** The fragment of a link ({@code page.md#free-lists} gives {@code free-lists}), decoded; null if it has none. */
    public static String fragmentOf(String href) {
        int hash = href == null ? -1 : href.indexOf('#');
        if (hash < 0 || hash == href.length() - 1) {
            return null;
        }
        String raw = href.substring(hash + 1);
        try {
            return raw.indexOf('%') < 0 ? raw : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /**
     * The index in {@code headings} (heading texts in document order) of the one {@code fragment} names, or
     * -1. Exact GitHub and Jupyter anchors win; failing those, a fragment that only differs in case or
     * punctuation still finds its heading, since hand-written links often do.
     */
    public static int find(List<String> headings, String fragment) {
        if (fragment == null || fragment.isEmpty()) {
            return -1;
        }
        String wanted = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < headings.size(); i++) {
            String slug = MarkdownView.anchorOf(headings.get(i));
            int repeats = seen.merge(slug, 1, Integer::sum) - 1;
            String github = repeats == 0 ? slug : slug + "-" + repeats;
            if (wanted.equals(github) || wanted.equals(jupyter(headings.get(i)))) {
                return i;
            }
        }
        String loose = MarkdownView.anchorOf(wanted);
        for (int i = 0; i < headings.size(); i++) {
            if (!loose.isEmpty() && loose.equals(MarkdownView.anchorOf(headings.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** Jupyter's anchor: the heading text as written, with spaces as hyphens. */
    static String jupyter(String headingText) {
        return headingText.strip().replace(' ', '-');
    }
}
