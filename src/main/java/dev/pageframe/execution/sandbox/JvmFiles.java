package dev.pageframe.execution.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a JVM needs from outside its runtime image: the system's shared libraries and locale data, found among
 * what this JVM (the same {@code java}, or one like it) has mapped, and the ELF interpreter the kernel runs when
 * executing a program (opened for execution, so it needs Landlock's execute right).
 */
final class JvmFiles {
    private static final int PT_INTERP = 3;

    private JvmFiles() {}

    /** The files named in {@code /proc/self/maps} (this JVM's binary, its libraries, its class data). */
    static Set<Path> mappedFiles() throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf(" /");
            // Lines end in a path, or a name such as [heap]; a deleted file is marked " (deleted)".
            if (slash > 0 && !line.endsWith(" (deleted)")) {
                files.add(Path.of(line.substring(slash + 1)));
            }
        }
        return files;
    }

    /** The program interpreter an ELF executable names ({@code PT_INTERP}), if it names one. */
    static Optional<Path> interpreter(Path executable) throws IOException {
        try (FileChannel file = FileChannel.open(executable)) {
            ByteBuffer header = read(file, 0, 64);
            if (header.getInt(0) != 0x7f454c46 || header.get(4) != 2) { // "\177ELF", 64-bit
                return Optional.empty();
            }
            header.order(header.get(5) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            long phoff = header.getLong(0x20);
            int phentsize = Short.toUnsignedInt(header.getShort(0x36));
            int phnum = Short.toUnsignedInt(header.getShort(0x38));
            for (int i = 0; i < phnum; i++) {
                ByteBuffer ph = read(file, phoff + (long) i * phentsize, 56).order(header.order());
                if (ph.getInt(0) == PT_INTERP) {
                    ByteBuffer name = read(file, ph.getLong(8), (int) ph.getLong(32));
                    String text = StandardCharsets.UTF_8.decode(name).toString();
                    int nul = text.indexOf('\0');
                    return Optional.of(Path.of(nul < 0 ? text : text.substring(0, nul)));
                }
            }
            return Optional.empty();
        }
    }

    private static ByteBuffer read(FileChannel file, long position, int size) throws IOException {
        if (size < 0 || size > 4096) {
            throw new IOException("implausible ELF header field: " + size);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
            // Read to the end of the field.
        }
        if (buffer.hasRemaining()) {
            throw new IOException("truncated ELF file");
        }
        return buffer.flip();
    }

    /**
     * The folders whose mapped files a sandboxed JVM may read too: the system's libraries and locale data, no one's
     * secret. This JVM maps more than an agent needs (the desktop app's GTK, its fonts, a cache under the user's
     * home folder); only what lies in these folders is passed on.
     */
    private static final List<Path> SYSTEM_FOLDERS = List.of(Path.of("/lib"), Path.of("/lib64"), Path.of("/lib32"),
            Path.of("/usr/lib"), Path.of("/usr/lib64"), Path.of("/usr/lib32"));

    /** Whether a mapped file is a system file a sandboxed JVM may read. */
    static boolean systemFile(Path file) {
        return file.isAbsolute() && file.normalize().equals(file) && SYSTEM_FOLDERS.stream().anyMatch(file::startsWith);
    }

    /** The policy with what a JVM needs added: the system files mapped here to read, its interpreter to execute. */
    static SandboxPolicy completed(SandboxPolicy policy, List<String> command) throws IOException {
        Set<Path> read = new LinkedHashSet<>(policy.readOnly());
        mappedFiles().stream().filter(JvmFiles::systemFile).forEach(read::add);
        Set<Path> exec = new LinkedHashSet<>(policy.executable());
        interpreter(Path.of(command.getFirst())).ifPresent(exec::add);
        return new SandboxPolicy(List.copyOf(read), policy.readWrite(), List.copyOf(exec), policy.connectPorts());
    }
}
