package dev.pageframe.build;

import static dev.pageframe.build.JavaRun.java;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.constant.ClassDesc;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer's build step that drops the libraries' debug tables from the image's jar
 * ({@code src/build/java/dev/pageframe/build/DebugTableStrip.java}, run by installer/build.sh).
 */
class DebugTableStripTest {
    private static final Path TOOL = Path.of("src/build/java/dev/pageframe/build/DebugTableStrip.java");

    @Test
    void aLibraryClassLosesItsLineAndVariableTablesAndStillRuns(@TempDir Path dir) throws Exception {
        Path out = stripFixture(dir);

        ClassModel lib = ClassFile.of().parse(entry(out, "lib/Lib.class"));
        assertTrue(lib.methods().stream().allMatch(m -> m.code().isEmpty()
                || m.code().get().findAttribute(Attributes.lineNumberTable()).isEmpty()
                && m.code().get().findAttribute(Attributes.localVariableTable()).isEmpty()), "no tables left");
        assertEquals(List.of(), ClassFile.of().verify(lib), "verifies");
        StackTraceElement thrower = frameOf(out, "lib.Lib");
        assertEquals(-1, thrower.getLineNumber(), "the library's frame has no line: " + thrower);
        assertEquals("Lib.java", thrower.getFileName(), "the source file's name stays");
    }

    @Test
    void ourOwnClassesKeepTheirLineNumbers(@TempDir Path dir) throws Exception {
        Path out = stripFixture(dir);

        ClassModel own = ClassFile.of().parse(entry(out, "dev/pageframe/Own.class"));
        assertTrue(own.methods().stream().anyMatch(m -> m.code().isPresent()
                && m.code().get().findAttribute(Attributes.lineNumberTable()).isPresent()));
        assertTrue(frameOf(out, "dev.pageframe.Own").getLineNumber() > 0, "a bug report still names our line");
    }

    @Test
    void otherEntriesComeOutByteForByteAndStoredOnesStayStored(@TempDir Path dir) throws Exception {
        Path out = stripFixture(dir);

        assertArrayEquals("not a class\n".getBytes(StandardCharsets.UTF_8), entry(out, "notes/readme.txt"));
        assertArrayEquals(new byte[] {1, 2, 3}, entry(out, "native/lib.so"));
        try (JarFile jar = new JarFile(out.toFile())) {
            assertEquals(JarEntry.STORED, jar.getJarEntry("native/lib.so").getMethod());
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertEquals(List.of("META-INF/MANIFEST.MF", "notes/readme.txt", "native/lib.so", "lib/Lib.class",
                    "dev/pageframe/Own.class", "old/Old.class"), names, "every entry, in the same order");
        }
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("in.jar"))),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "readable as the input was");
    }

    @Test
    void aClassItCannotCheckIsKeptAsItWasAndNamed(@TempDir Path dir) throws Exception {
        // A Java 5 class has no stack maps, and the ClassFile API's verifier does not check such a class: it stays
        // as it was rather than go unchecked.
        Path out = dir.resolve("out.jar");
        String said = java(TOOL.toString(), fixture(dir).toString(), out.toString(), "dev/pageframe/");

        assertArrayEquals(oldClass(), entry(out, "old/Old.class"));
        assertTrue(said.contains("kept as they were (1): old/Old.class"), said);
    }

    @Test
    void aBrokenJarFailsWithoutWritingTheOutput(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jar");
        Files.writeString(in, "not a jar");
        Path out = dir.resolve("out.jar");
        Files.writeString(out, "an earlier jar");

        String said = java(TOOL.toString(), in.toString(), out.toString());

        assertTrue(said.startsWith("DebugTableStrip: " + in + ": "), said);
        assertEquals("an earlier jar", Files.readString(out), "the output is untouched");
    }

    /** The fixture jar stripped by the tool (through JDK 25's source launcher, as installer/build.sh runs it). */
    private static Path stripFixture(Path dir) throws Exception {
        Path out = dir.resolve("out.jar");
        String said = java(TOOL.toString(), fixture(dir).toString(), out.toString(), "dev/pageframe/");
        assertTrue(Files.isRegularFile(out), said);
        return out;
    }

    /**
     * A jar like the image's: a manifest, a resource, a stored native library, a library class and one of ours
     * compiled with all debug tables ({@code javac -g}), and a Java 5 class.
     */
    private static Path fixture(Path dir) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("lib"));
        Files.createDirectories(src.resolve("dev/pageframe"));
        Files.writeString(src.resolve("lib/Lib.java"), """
                package lib;
                public class Lib {
                    public static void fail() {
                        int local = 41;
                        throw new IllegalStateException("from the library " + (local + 1));
                    }
                }
                """);
        Files.writeString(src.resolve("dev/pageframe/Own.java"), """
                package dev.pageframe;
                public class Own {
                    public static void fail() {
                        int local = 41;
                        throw new IllegalStateException("from Pageframe " + (local + 1));
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(),
                src.resolve("lib/Lib.java").toString(), src.resolve("dev/pageframe/Own.java").toString());
        assertEquals(0, rc, "the fixture compiles");

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        entries.put("notes/readme.txt", "not a class\n".getBytes(StandardCharsets.UTF_8));
        entries.put("native/lib.so", new byte[] {1, 2, 3});
        entries.put("lib/Lib.class", Files.readAllBytes(classes.resolve("lib/Lib.class")));
        entries.put("dev/pageframe/Own.class", Files.readAllBytes(classes.resolve("dev/pageframe/Own.class")));
        entries.put("old/Old.class", oldClass());
        ClassModel lib = ClassFile.of().parse(entries.get("lib/Lib.class"));
        assertTrue(lib.methods().stream().anyMatch(m -> m.code().isPresent()
                && m.code().get().findAttribute(Attributes.localVariableTable()).isPresent()), "the fixture has tables");

        Path jar = dir.resolve("in.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                if (e.getKey().endsWith(".so")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(JarEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A public class of version 49 (Java 5) with a constructor. */
    private static byte[] oldClass() {
        return ClassFile.of().build(ClassDesc.of("old.Old"), cb -> cb.withVersion(49, 0)
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_SUPER)
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_()));
    }

    /** The frame of {@code className}'s {@code fail()} in the exception it throws, loaded from the jar. */
    private static StackTraceElement frameOf(Path jar, String className) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            try {
                Class.forName(className, true, loader).getMethod("fail").invoke(null);
            } catch (InvocationTargetException e) {
                assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
                return e.getCause().getStackTrace()[0];
            }
        }
        throw new AssertionError(className + ".fail() did not throw");
    }

    private static byte[] entry(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getJarEntry(name))) {
            return in.readAllBytes();
        }
    }

}
