package dev.pageframe.notebook.html;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sanitizer's checks on values: which link targets may stay, which CSS declarations, which values fetch nothing. */
final class SafeValues {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern CSS_URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^)'\"]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_PROPERTY = Pattern.compile("^-?[a-zA-Z][a-zA-Z-]*$");

    private SafeValues() {}

    /** A link target that is http, https, mailto, a fragment or relative; null for anything else. */
    static String link(String url) {
        String v = url.strip();
        StringBuilder squeezed = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c > ' ' && c != 0x7f) {
                squeezed.append(c);
            }
        }
        Matcher m = SCHEME.matcher(squeezed);
        if (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto"))) {
                return null;
            }
        } else if (squeezed.indexOf(":") >= 0 && squeezed.indexOf(":") < firstOf(squeezed, "/?#")) {
            return null; // something scheme-like the pattern did not accept
        }
        return v;
    }

    private static int firstOf(CharSequence s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Rejects attribute values that would fetch something: url(...) that points outside the document. */
    static boolean fetchesNothing(String value) {
        Matcher m = CSS_URL.matcher(value);
        while (m.find()) {
            if (!m.group(1).strip().startsWith("#")) {
                return false;
            }
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return !lower.contains("javascript:") && !lower.contains("expression(");
    }

    /** Keeps simple CSS declarations that cannot fetch, run code or cover the page. */
    static String css(String css) {
        StringBuilder kept = new StringBuilder();
        for (String declaration : css.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip();
            String lowerValue = value.toLowerCase(Locale.ROOT);
            if (!CSS_PROPERTY.matcher(property).matches() || value.isEmpty()
                    || property.equals("position") || property.equals("behavior") || property.contains("binding")
                    || value.indexOf('\\') >= 0 || value.contains("/*") || value.indexOf('@') >= 0
                    || value.indexOf('<') >= 0 || value.indexOf('>') >= 0 || lowerValue.contains("expression")
                    || lowerValue.contains("javascript") || lowerValue.contains("//")
                    || lowerValue.contains("image-set") || lowerValue.contains("cross-fade")
                    || lowerValue.contains("element(") || !fetchesNothing(value)) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append("; ");
            }
            kept.append(property).append(": ").append(value);
        }
        return kept.toString();
    }
}
