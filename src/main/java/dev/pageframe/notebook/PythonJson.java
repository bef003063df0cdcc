package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree exactly as Python's {@code json.dumps(obj, sort_keys=True, indent=1,
 * ensure_ascii=False, separators=(",", ": "))} does, which is what Jupyter's writer calls.
 */
final class PythonJson {
    private PythonJson() {}

    /** Python sorts str keys by code point; Java's compareTo orders UTF-16 units, which differs above U+FFFF. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    static void write(JsonNode node, Appendable out) throws IOException {
        write(node, out, 0);
    }

    static String toString(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        try {
            write(node, sb);
        } catch (IOException e) {
            throw new AssertionError("StringBuilder does not throw", e);
        }
        return sb.toString();
    }

    private static void write(JsonNode node, Appendable out, int level) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                if (node.isEmpty()) {
                    out.append("{}");
                    return;
                }
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.size());
                node.properties().forEach(entries::add);
                entries.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : entries) {
                    out.append(first ? "\n" : ",\n");
                    first = false;
                    indent(out, level + 1);
                    writeString(e.getKey(), out);
                    out.append(": ");
                    write(e.getValue(), out, level + 1);
                }
                out.append('\n');
                indent(out, level);
                out.append('}');
            }
            case ARRAY -> {
                if (node.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                boolean first = true;
                for (JsonNode item : node) {
                    out.append(first ? "\n" : ",\n");
                    first = false;
                    indent(out, level + 1);
                    write(item, out, level + 1);
                }
                out.append('\n');
                indent(out, level);
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.append(node.bigIntegerValue().toString());
                } else {
                    out.append(floatRepr(node.doubleValue()));
                }
            }
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as notebook JSON");
        }
    }

    private static void indent(Appendable out, int level) throws IOException {
        for (int i = 0; i < level; i++) {
            out.append(' ');
        }
    }

    /** Python's encoder with ensure_ascii=False escapes only quotes, backslashes and C0 controls. */
    static void writeString(String s, Appendable out) throws IOException {
        out.append('"');
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> null;
            };
            boolean loneSurrogate = false;
            if (escape == null && Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (paired) {
                    i++;
                    continue;
                }
                // Python would fail to encode a lone surrogate to UTF-8; an escape keeps the file valid.
                loneSurrogate = true;
            }
            if (escape == null && c >= 0x20 && !loneSurrogate) {
                continue;
            }
            // Plain runs go out in one call: per-character appends through a Writer are the slow part.
            out.append(s, run, i);
            if (escape != null) {
                out.append(escape);
            } else {
                appendUnicodeEscape(c, out);
            }
            run = i + 1;
        }
        out.append(s, run, n);
        out.append('"');
    }

    private static void appendUnicodeEscape(char c, Appendable out) throws IOException {
        String hex = Integer.toHexString(c);
        out.append("\\u");
        for (int k = hex.length(); k < 4; k++) {
            out.append('0');
        }
        out.append(hex);
    }

    /**
     * The shortest decimal that reads back as {@code v}, nearest to it among equally short ones. Java's
     * Double.toString gives that except where one digit would do: it then may pick a closer two-digit
     * decimal (4.9E-324 where Python writes 5e-324), so one-digit candidates are tried first.
     */
    private static BigDecimal shortestDecimal(double v) {
        BigDecimal javaDigits = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (javaDigits.precision() != 2) {
            return javaDigits;
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal best = null;
        BigDecimal down = javaDigits.setScale(javaDigits.scale() - 1, RoundingMode.FLOOR);
        BigDecimal up = javaDigits.setScale(javaDigits.scale() - 1, RoundingMode.CEILING);
        for (BigDecimal candidate : new BigDecimal[] {down, up}) {
            if (candidate.signum() > 0 && candidate.doubleValue() == v) {
                if (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                    best = candidate;
                }
            }
        }
        return best == null ? javaDigits : best.stripTrailingZeros();
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that round-trip (Java's Double.toString gives the
     * same digits since JDK 19), laid out with Python's switch to exponent form below 1e-4 and from 1e16.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0.0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal bd = shortestDecimal(Math.abs(d));
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        StringBuilder sb = new StringBuilder(sign);
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.");
                sb.repeat('0', -decpt);
                sb.append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits);
                sb.repeat('0', decpt - digits.length());
                sb.append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        }
        return sb.toString();
    }
}
