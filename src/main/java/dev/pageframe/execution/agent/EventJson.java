package dev.pageframe.execution.agent;

import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * JSON text of an event whose values are the plain kinds display bundles and progress reports are made of: null,
 * strings, booleans, whole numbers, finite floating-point numbers, {@code byte[]} (as base64, as Jackson writes
 * it), and maps with string keys and collections of those. Anything else (a record, a bean, NaN) is left to
 * Jackson: without this, every agent loaded and warmed up Jackson's ~400 classes on a thread of its own at start,
 * for events that rarely need more than this (measured: 0.1-0.2 s less CPU per headless run, and 2 MB less at its
 * peak with 50 cells; BENCHMARKS.md).
 */
final class EventJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventJson() {}

    /** The JSON text of {@code value}, or empty when a value in it is of a kind only Jackson writes. */
    static Optional<String> encode(Object value) {
        StringBuilder out = new StringBuilder(64);
        return write(value, out) ? Optional.of(out.toString()) : Optional.empty();
    }

    private static boolean write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(s, out);
            case Boolean b -> out.append(b.booleanValue());
            case Integer n -> out.append(n.intValue());
            case Long n -> out.append(n.longValue());
            case Short n -> out.append(n.shortValue());
            case Byte n -> out.append(n.byteValue());
            case Double d -> {
                if (!Double.isFinite(d)) {
                    return false;
                }
                out.append(d.doubleValue());
            }
            case Float f -> {
                if (!Float.isFinite(f)) {
                    return false;
                }
                out.append(f.floatValue());
            }
            case byte[] bytes -> out.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        return false;
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(key, out);
                    out.append(':');
                    if (!write(e.getValue(), out)) {
                        return false;
                    }
                }
                out.append('}');
            }
            case Collection<?> items -> {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    if (!write(item, out)) {
                        return false;
                    }
                }
                out.append(']');
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped, the rest as it is. */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
