package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated machine a notebook runs on, stored in the file as
 * {@code metadata.pageframe.machine = {"profile": "x86_64", "memory": "1G"}}.
 *
 * @param profile     one of {@link #PROFILES}
 * @param memoryBytes installed memory in bytes
 */
public record MachineSpec(String profile, long memoryBytes) {

    /** Machine profiles the simulator offers, oldest first. */
    public static final List<String> PROFILES = List.of("i386-linux-1.2", "i386-linux-2.0", "alpha-linux-2.0", "i386", "x86_64");

    /** What a notebook without a machine in its metadata runs on: x86_64 with 1 GiB. */
    public static final MachineSpec DEFAULT = new MachineSpec("x86_64", 1L << 30);

    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d+)\\s*([A-Za-z]*)\\s*$");
    private static final String SIZE_HINT = "use a whole number with K, M, G or T (binary units), e.g. 16M, 1G, 64G or 2MiB";

    /** Rejects unknown profiles and non-positive sizes with a message naming the allowed values. */
    public MachineSpec {
        Objects.requireNonNull(profile, "profile");
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException("unknown machine profile \"" + profile + "\"; known profiles: "
                    + String.join(", ", PROFILES));
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memory must be more than 0 bytes, got " + memoryBytes);
        }
    }

    /** A spec from a profile name and a size such as {@code "16M"}. */
    public static MachineSpec of(String profile, String memory) {
        return new MachineSpec(profile, parseSize(memory));
    }

    /** The memory size as written in the file, e.g. {@code "1G"}. */
    public String memory() {
        return formatSize(memoryBytes);
    }

    /**
     * Parses a memory size: a whole number with an optional binary unit K, M, G or T (also KB/KiB, ...,
     * any case); no unit means bytes. Memory sizes are always powers of 1024 here, as the kernel counts.
     *
     * @throws IllegalArgumentException with a message that quotes the bad text and shows good ones
     */
    public static long parseSize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing memory size; " + SIZE_HINT);
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad memory size \"" + text + "\"; " + SIZE_HINT);
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 0;
            case "K", "KB", "KIB" -> 10;
            case "M", "MB", "MIB" -> 20;
            case "G", "GB", "GIB" -> 30;
            case "T", "TB", "TIB" -> 40;
            default -> throw new IllegalArgumentException("bad memory size \"" + text + "\": unknown unit \""
                    + m.group(2) + "\"; " + SIZE_HINT);
        };
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is too large", e);
        }
        if (number == 0) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is zero; a machine needs some memory");
        }
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is too large");
        }
        return number << shift;
    }

    /** Formats bytes with the largest binary unit that divides them exactly: 1073741824 → "1G", 1536 MiB → "1536M". */
    public static String formatSize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("size must be positive: " + bytes);
        }
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes % unit == 0) {
                return (bytes >> shifts[i]) + units[i];
            }
        }
        return Long.toString(bytes);
    }

    /** Reads the machine from notebook metadata, using defaults for what is absent. */
    static MachineSpec fromMetadata(ObjectNode metadata) {
        JsonNode pageframe = metadata.get("pageframe");
        if (pageframe == null) {
            return DEFAULT;
        }
        if (!pageframe.isObject()) {
            throw new JsonProblem("metadata.pageframe", "expected object, got " + JsonPaths.typeName(pageframe));
        }
        JsonNode machine = pageframe.get("machine");
        if (machine == null) {
            return DEFAULT;
        }
        String path = "metadata.pageframe.machine";
        if (!machine.isObject()) {
            throw new JsonProblem(path, "expected object, got " + JsonPaths.typeName(machine));
        }
        String profile = DEFAULT.profile();
        JsonNode p = machine.get("profile");
        if (p != null) {
            if (!p.isTextual()) {
                throw new JsonProblem(path + ".profile", "expected string, got " + JsonPaths.typeName(p));
            }
            profile = p.textValue();
            if (!PROFILES.contains(profile)) {
                throw new JsonProblem(path + ".profile", "unknown machine profile \"" + profile
                        + "\"; known profiles: " + String.join(", ", PROFILES));
            }
        }
        long memory = DEFAULT.memoryBytes();
        JsonNode mem = machine.get("memory");
        if (mem != null) {
            if (mem.isTextual()) {
                try {
                    memory = parseSize(mem.textValue());
                } catch (IllegalArgumentException e) {
                    throw new JsonProblem(path + ".memory", e.getMessage());
                }
            } else if (mem.isIntegralNumber() && mem.canConvertToLong() && mem.longValue() > 0) {
                memory = mem.longValue();
            } else {
                throw new JsonProblem(path + ".memory", "expected a size such as \"1G\", got "
                        + JsonPaths.typeName(mem) + " " + mem);
            }
        }
        return new MachineSpec(profile, memory);
    }

    /** Writes this machine into {@code metadata.pageframe.machine}, keeping other pageframe keys. */
    void writeTo(ObjectNode metadata) {
        JsonNode existing = metadata.get("pageframe");
        ObjectNode pageframe = existing instanceof ObjectNode o ? o : metadata.putObject("pageframe");
        JsonNode existingMachine = pageframe.get("machine");
        ObjectNode machine = existingMachine instanceof ObjectNode o ? o : pageframe.putObject("machine");
        machine.put("profile", profile);
        machine.put("memory", memory());
    }
}
