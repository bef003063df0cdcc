package dev.pageframe.build;

import static dev.pageframe.build.JavaRun.java;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The build step that raises picocli's Java 5 class files to version 52 with stack maps (pom.xml runs
 * {@code src/build/java/dev/pageframe/build/ClassFileUpgrade.java}), so the CLI's start-up cache can keep them.
 */
class ClassFileUpgradeTest {
    private static final Path TOOL = Path.of("src/build/java/dev/pageframe/build/ClassFileUpgrade.java");
    private static final ClassDesc BASE = ClassDesc.of("lib.Base");
    private static final ClassDesc LEFT = ClassDesc.of("lib.Left");
    private static final ClassDesc RIGHT = ClassDesc.of("lib.Right");
    private static final ClassDesc PICK = ClassDesc.of("lib.Pick");

    @Test
    void picocliOnTheClassPathIsTheUpgradedCopyOfEveryClassAndEachVerifies() throws Exception {
        Map<String, byte[]> original = picocliJarClasses();
        Map<String, byte[]> used = classesBeside(CommandLine.class);
        assertEquals(original.keySet(), used.keySet(), "the same classes as picocli's jar");
        ClassFile cf = ClassFile.of();
        for (Map.Entry<String, byte[]> e : used.entrySet()) {
            ClassModel model = cf.parse(e.getValue());
            assertEquals(49, cf.parse(original.get(e.getKey())).majorVersion(), e.getKey() + " in picocli's jar");
            assertEquals(ClassFile.JAVA_8_VERSION, model.majorVersion(), e.getKey());
            assertEquals(List.of(), cf.verify(model), e.getKey() + " verifies");
        }
        assertTrue(cf.parse(used.get("picocli/CommandLine.class")).methods().stream()
                .anyMatch(ClassFileUpgradeTest::hasStackMaps), "CommandLine's methods carry stack maps");
    }

    @Test
    void theStartUpCacheKeepsTheUpgradedPicocliWhereItSkipsTheReleasedOne(@TempDir Path dir) throws Exception {
        Path upgraded = dir.resolve("upgraded.jar");
        writeJar(upgraded, classesBeside(CommandLine.class));
        Path released = dir.resolve("released.jar");
        writeJar(released, picocliJarClasses());

        // picocli's own command (AutoComplete --help) as the training run, then the same run with the cache.
        assertEquals("", cacheWarnings(upgraded, dir.resolve("upgraded.aot")), "nothing of picocli skipped");
        assertTrue(loadedFromCache(upgraded, dir.resolve("upgraded.aot")), "CommandLine comes from the cache");
        // Why the build step is there: as released, JDK 25 skips picocli's classes. If a later JDK keeps them,
        // this fails, and the step can go.
        assertTrue(cacheWarnings(released, dir.resolve("released.aot"))
                .contains("Skipping picocli/CommandLine: Old class has been linked"));
        assertFalse(loadedFromCache(released, dir.resolve("released.aot")));
    }

    /** The lines of a cache's creation that name a skipped picocli class. */
    private static String cacheWarnings(Path jar, Path cache) throws Exception {
        String out = java("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=warning", "-cp", jar.toString(),
                "picocli.AutoComplete", "--help");
        assertTrue(Files.isRegularFile(cache), out);
        return out.lines().filter(l -> l.contains("Skipping picocli/")).reduce("", (a, b) -> a + b + "\n");
    }

    private static boolean loadedFromCache(Path jar, Path cache) throws Exception {
        return java("-XX:AOTCache=" + cache, "-Xlog:class+load", "-cp", jar.toString(), "picocli.AutoComplete",
                "--help").contains("picocli.CommandLine source: shared objects file");
    }


    @Test
    void aJava5ClassComesOutAsVersion52WithStackMapsThatTheJvmVerifiesAndRuns(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("lib.jar");
        writeJar(jar, Map.of("lib/Base.class", java5Class(BASE, CD_Object), "lib/Left.class", java5Class(LEFT, BASE),
                "lib/Right.class", java5Class(RIGHT, BASE), "lib/Pick.class", java5Pick()));
        Path out = dir.resolve("classes");

        assertEquals("", java(TOOL.toString(), jar.toString(), out.toString()), "silent, as in a -q build");

        ClassModel pick = ClassFile.of().parse(out.resolve("lib/Pick.class"));
        assertEquals(52, pick.majorVersion());
        assertTrue(pick.methods().stream().anyMatch(ClassFileUpgradeTest::hasStackMaps), "stack maps at the branches");
        // Version 52 has no fallback to the old verifier: a wrong or missing stack map fails here with VerifyError.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> c = Class.forName("lib.Pick", true, loader);
            assertEquals(7, c.getMethod("max", int.class, int.class).invoke(null, 3, 7));
            assertEquals(9, c.getMethod("max", int.class, int.class).invoke(null, 9, 2));
            assertEquals("lib.Left", c.getMethod("pick", boolean.class).invoke(null, true).getClass().getName());
            assertEquals("lib.Right", c.getMethod("pick", boolean.class).invoke(null, false).getClass().getName());
        }
    }

    @Test
    void theJava5ClassesOfTheTestAreRefusedByTheNewVerifierWithoutTheUpgrade() {
        // The fixture would prove nothing if the JVM accepted it at version 52 without stack maps.
        byte[] raised = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS).transformClass(
                ClassFile.of().parse(java5Pick()), (b, e) -> {
                    if (e instanceof java.lang.classfile.ClassFileVersion) {
                        b.withVersion(52, 0);
                    } else {
                        b.with(e);
                    }
                });
        assertNotEquals(List.of(), ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                java.lang.classfile.ClassHierarchyResolver.of(List.of(), Map.of(LEFT, BASE, RIGHT, BASE, BASE,
                        CD_Object)))).verify(raised));
    }

    private static boolean hasStackMaps(MethodModel m) {
        return m.code().flatMap(c -> c.findAttribute(Attributes.stackMapTable())).isPresent();
    }

    /** A public class of version 49 (Java 5) with a public no-argument constructor. */
    private static byte[] java5Class(ClassDesc name, ClassDesc superclass) {
        return ClassFile.of().build(name, cb -> cb.withVersion(49, 0)
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_SUPER)
                .withSuperclass(superclass)
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).invokespecial(superclass, INIT_NAME, MTD_void).return_()));
    }

    /**
     * {@code max(a, b)}, a branch over ints, and {@code pick(f)}, which returns a new Left or a new Right: at the
     * join the stack map must name their common supertype, Base, which only the library's own classes tell.
     */
    private static byte[] java5Pick() {
        return ClassFile.of().build(PICK, cb -> cb.withVersion(49, 0)
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_SUPER)
                .withMethodBody("max", MethodTypeDesc.of(CD_int, CD_int, CD_int),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> {
                            Label second = code.newLabel();
                            code.iload(0).iload(1).if_icmple(second).iload(0).ireturn()
                                    .labelBinding(second).iload(1).ireturn();
                        })
                .withMethodBody("pick", MethodTypeDesc.of(BASE, CD_boolean),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> {
                            Label right = code.newLabel();
                            Label join = code.newLabel();
                            code.iload(0).ifeq(right)
                                    .new_(LEFT).dup().invokespecial(LEFT, INIT_NAME, MTD_void).goto_(join)
                                    .labelBinding(right)
                                    .new_(RIGHT).dup().invokespecial(RIGHT, INIT_NAME, MTD_void)
                                    .labelBinding(join).areturn();
                        }));
    }

    private static void writeJar(Path jar, Map<String, byte[]> classes) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    /** picocli's own jar, found as the class path's other copy of CommandLine. */
    private static Map<String, byte[]> picocliJarClasses() throws Exception {
        List<URL> copies = Collections.list(ClassLoader.getSystemClassLoader()
                .getResources("picocli/CommandLine.class"));
        URL inJar = copies.stream().filter(u -> u.getProtocol().equals("jar") && u.getPath().contains("/picocli-"))
                .findFirst().orElseThrow(() -> new AssertionError("picocli's jar is on the test class path: " + copies));
        String path = inJar.getPath();
        return classesUnder(Path.of(new java.net.URI(path.substring(0, path.indexOf("!/")))));
    }

    /** The picocli classes in the folder or jar the class {@code c} was loaded from. */
    private static Map<String, byte[]> classesBeside(Class<?> c) throws Exception {
        Path location = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertFalse(location.getFileName().toString().startsWith("picocli-"),
                "CommandLine is loaded from the build's upgraded copy, not from picocli's jar: " + location);
        return classesUnder(location);
    }

    private static Map<String, byte[]> classesUnder(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return classFiles(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classFiles(jar.getPath("/"));
        }
    }

    private static Map<String, byte[]> classFiles(Path root) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        Path picocli = root.resolve("picocli");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(picocli)) {
            walk.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
        }
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                classes.put(root.relativize(p).toString(), in.readAllBytes());
            }
        }
        return classes;
    }
}
