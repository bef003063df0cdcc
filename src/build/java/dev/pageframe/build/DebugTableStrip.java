package dev.pageframe.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An installer build step (installer/build.sh): drops the libraries' line-number and local-variable tables from the
 * image's jar, as jlink's {@code --strip-debug} does for the JDK's own classes in the runtime.
 *
 * <p>Why: they are a tenth of the libraries' classes (JavaFX, Jackson, RichTextFX, jsoup...), 1.4 MB of the .deb,
 * whose 40 MB budget is tight (BENCHMARKS.md, "Installers"). A stack trace through a library then shows "Unknown
 * Source" for the library's frames, as it does for the JDK's; Pageframe's own classes (the prefixes given) keep
 * their tables, so a bug report still names our lines. The instructions, constants and other attributes stay as
 * they were; the stack maps are made anew (the API rebuilds a method body to leave the tables out) and each class
 * is checked with the ClassFile API's verifier; one that does not verify, or cannot be rebuilt, is kept as it was.
 *
 * <p>Run with JDK 25's source launcher, which also compiles {@link ClassFileUpgrade} from this folder:
 * {@code java DebugTableStrip.java IN.jar OUT.jar KEEP_PREFIX...}.
 */
public final class DebugTableStrip {
    private DebugTableStrip() {
    }

    /** Writes {@code args[1]}: the jar {@code args[0]} with its classes' debug tables dropped, but under the prefixes. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java DebugTableStrip.java IN.jar OUT.jar [KEEP_PREFIX...]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> keep = List.of(args).subList(2, args.length);
        List<String> kept;
        try {
            kept = strip(in, out, keep);
        } catch (IOException | RuntimeException e) {
            System.err.println("DebugTableStrip: " + in + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        if (!kept.isEmpty()) {
            System.err.println("DebugTableStrip: kept as they were (" + kept.size() + "): " + String.join(", ", kept));
        }
    }

    /**
     * Copies the jar {@code in} to {@code out} entry by entry, in the same order, with each class outside
     * {@code keep} (entry-name prefixes) and outside {@code META-INF/} rewritten without its debug tables. The other
     * entries are copied byte for byte, stored ones stored; the rest are deflated at the best level.
     *
     * @return the classes kept as they were, as they could not be rebuilt or verified without their tables
     */
    static List<String> strip(Path in, Path out, List<String> keep) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, JarEntry> meta = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(in.toFile(), false)) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                try (InputStream s = jar.getInputStream(entry)) {
                    entries.put(entry.getName(), s.readAllBytes());
                }
                meta.put(entry.getName(), entry);
            }
        }
        ClassFile cf = classFile(entries);
        List<String> kept = new ArrayList<>();
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".strip-", ".jar");
        try (OutputStream file = Files.newOutputStream(tmp);
                JarOutputStream jar = new JarOutputStream(file)) {
            jar.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                byte[] bytes = e.getValue();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")
                        && keep.stream().noneMatch(name::startsWith)) {
                    byte[] smaller = withoutDebugTables(bytes, cf);
                    if (smaller == null) {
                        kept.add(name);
                    } else {
                        bytes = smaller;
                    }
                }
                JarEntry source = meta.get(name);
                JarEntry copy = new JarEntry(name);
                copy.setTime(source.getTime());
                if (source.getMethod() == JarEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copy.setMethod(JarEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCompressedSize(bytes.length);
                    copy.setCrc(crc.getValue());
                }
                jar.putNextEntry(copy);
                jar.write(bytes);
                jar.closeEntry();
            }
        }
        // A temporary file is private to its owner; the jar goes into an image every user reads.
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(in));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply.
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return List.copyOf(kept);
    }

    /** The class without line-number and local-variable tables, verified; {@code null} when that cannot be had. */
    static byte[] withoutDebugTables(byte[] bytes, ClassFile cf) {
        try {
            ClassModel model = cf.parse(bytes);
            // The parse options leave the tables out of each body's elements; rebuilding the bodies writes them so.
            byte[] result = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
            return cf.verify(result).isEmpty() ? result : null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    /** The ClassFile API reading without debug tables, able to make stack maps for the jar's own class hierarchy. */
    static ClassFile classFile(Map<String, byte[]> jar) {
        return ClassFile.of(ClassFile.DebugElementsOption.DROP_DEBUG, ClassFile.LineNumbersOption.DROP_LINE_NUMBERS,
                ClassFile.ClassHierarchyResolverOption.of(ClassFileUpgrade.resolver(jar)));
    }
}
