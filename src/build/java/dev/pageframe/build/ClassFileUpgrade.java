package dev.pageframe.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A build step (pom.xml runs it at process-classes): copies a library's classes into the build's class folder as
 * class files of version 52 (Java 8) with stack maps, so the JVM's start-up cache can keep them.
 *
 * <p>Why: picocli 4.7.7, the newest on Maven Central, is compiled for Java 5 (class file version 49). Such classes
 * are checked by the old inferencing verifier, and JDK 25 does not archive a class linked that way ("Skipping
 * picocli/CommandLine: Old class has been linked" at {@code -XX:AOTCacheOutput}), nor a class of ours that implements
 * one of its interfaces: every {@code pageframe} command loaded and verified its 170 picocli classes from the jar.
 * Only the version and the stack maps change; the instructions, constants and attributes stay as they were, and
 * every rewritten class is checked with the ClassFile API's verifier (the JVM's split verifier) before it is written.
 *
 * <p>Run with JDK 25's source launcher: {@code java ClassFileUpgrade.java LIBRARY.jar CLASSES_DIR}.
 */
public final class ClassFileUpgrade {
    /**
     * Java 8's class file version (52): from 51 on the JVM checks a class by its stack maps only (no fall-back to the
     * old verifier), which is what the cache needs; 52 is the lowest such version every Java 8+ tool reads.
     */
    static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;

    private ClassFileUpgrade() {
    }

    /**
     * Upgrades every class of the jar {@code args[0]} into the folder {@code args[1]}, silently (a build's
     * {@code -q}); exits 1 naming the class on any problem.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ClassFileUpgrade.java LIBRARY.jar CLASSES_DIR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<String, byte[]> classes = classesOf(jar);
        ClassFile cf = classFile(classes);
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            byte[] bytes;
            try {
                bytes = upgrade(e.getValue(), cf);
            } catch (IllegalArgumentException | IllegalStateException ex) {
                System.err.println("ClassFileUpgrade: " + jar + "!" + e.getKey() + ": " + ex.getMessage());
                System.exit(1);
                return;
            }
            Path target = out.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        }
    }

    /** The jar's class files by entry name, without its module descriptors. */
    static Map<String, byte[]> classesOf(Path jar) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.put(name, in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /**
     * The ClassFile API set up to generate stack maps for the library's classes.
     *
     * @param library the library's class files by entry name: a stack map names the common supertype of the types
     *                that meet at a branch, so the library's own hierarchy must be known besides the JDK's
     */
    static ClassFile classFile(Map<String, byte[]> library) {
        return ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                ClassFile.ClassHierarchyResolverOption.of(resolver(library)));
    }

    /**
     * The class hierarchy of the JDK and of the class files {@code library} holds by entry name ({@code a/B.class}),
     * which making a stack map needs: it names the common supertype of the types that meet at a branch.
     */
    static ClassHierarchyResolver resolver(Map<String, byte[]> library) {
        return ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofResourceParsing((ClassDesc desc) -> {
                    byte[] b = library.get(internalName(desc) + ".class");
                    return b == null ? null : new ByteArrayInputStream(b);
                }))
                .cached();
    }

    /**
     * The class file at version {@link #TARGET_MAJOR} with stack maps generated, or {@code bytes} itself if it is
     * that new already.
     *
     * @param cf the ClassFile API set up for the class's library ({@link #classFile})
     * @throws IllegalStateException if the result does not verify
     */
    static byte[] upgrade(byte[] bytes, ClassFile cf) {
        ClassModel model = cf.parse(bytes);
        if (model.majorVersion() >= TARGET_MAJOR) {
            return bytes;
        }
        // Rebuilding each method body through a code builder is what makes the stack maps: one copied as it was
        // would keep the old code attribute as it is.
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET_MAJOR, 0);
            } else {
                builder.with(element);
            }
        };
        byte[] result = cf.transformClass(model, version.andThen(ClassTransform.transformingMethodBodies(
                CodeTransform.ACCEPT_ALL)));
        List<VerifyError> errors = cf.verify(result);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("does not verify at version " + TARGET_MAJOR + ": " + errors);
        }
        return result;
    }

    private static String internalName(ClassDesc desc) {
        String descriptor = desc.descriptorString();
        return descriptor.substring(1, descriptor.length() - 1);
    }
}
