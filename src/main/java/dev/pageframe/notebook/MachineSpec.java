package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.Sizes;
import java.util.List;
import java.util.Objects;

/**
 * The simulated machine a notebook runs on, stored in the file as
 * {@code metadata.pageframe.machine = {"profile": "x86_64", "memory": "1G"}}.
 *
 * @param profile     one of {@link #PROFILES}
 * @param memoryBytes installed memory in bytes
 */
public record MachineSpec(String profile, long memoryBytes) {

    /** Machine profiles the simulator offers, oldest first: the engine's own list. */
    public static final List<String> PROFILES = MachineProfiles.all().stream().map(MachineProfile::name).toList();

    /** What a notebook without a machine in its metadata runs on: x86_64 with 1 GiB. */
    public static final MachineSpec DEFAULT = new MachineSpec("x86_64", 1L << 30);


    /** Rejects unknown profiles and non-positive sizes with a message naming the allowed values. */
    public MachineSpec {
        Objects.requireNonNull(profile, "profile");
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException(unknownProfile(profile));
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memory must be more than 0 bytes, got " + memoryBytes);
        }
    }

    /** A spec from a profile name and a size such as {@code "16M"}. */
    public static MachineSpec of(String profile, String memory) {
        return new MachineSpec(profile, Sizes.parse(memory));
    }

    /** The one wording of an unknown profile: what was asked for and the names there are. */
    public static String unknownProfile(String profile) {
        return "unknown machine profile \"" + profile + "\"; known profiles: " + String.join(", ", PROFILES);
    }

    /** The memory size as written in the file, e.g. {@code "1G"}. */
    public String memory() {
        return Sizes.format(memoryBytes);
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
                throw new JsonProblem(path + ".profile", unknownProfile(profile));
            }
        }
        long memory = DEFAULT.memoryBytes();
        JsonNode mem = machine.get("memory");
        if (mem != null) {
            if (mem.isTextual()) {
                try {
                    memory = Sizes.parse(mem.textValue());
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
