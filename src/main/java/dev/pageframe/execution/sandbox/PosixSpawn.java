package dev.pageframe.execution.sandbox;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The C library's {@code posix_spawn(3)}, through the foreign function API. The child is made from the calling
 * thread (glibc clones it with {@code CLONE_VFORK}), so it inherits that thread's Landlock domain, seccomp filter
 * and no_new_privs, and nothing of the other threads of this JVM. Before it executes the program it gets its
 * standard streams from our pipes, closes every other descriptor (the JVM's are not all close-on-exec: an open
 * file or socket of the host would reach past any Landlock rule), moves to its folder and unblocks every signal.
 */
final class PosixSpawn {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    /** glibc 2.34 (2021) added it; Landlock came with Linux 5.13 the same year. */
    private static final String CLOSE_FROM = "posix_spawn_file_actions_addclosefrom_np";
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** sigset_t; posix_spawn_file_actions_t and posix_spawnattr_t are 80 and 336 bytes in glibc, given room here. */
    private static final long SIGSET_BYTES = 128;
    private static final long OPAQUE_BYTES = 512;
    /** Signals 1-31 but SIGKILL and SIGSTOP back at their defaults in the child, even ones the JVM ignores. */
    private static final long DEFAULT_SIGNALS = 0x7fffffffL & ~(1L << (9 - 1)) & ~(1L << (19 - 1));

    private PosixSpawn() {}

    /** Why this C library cannot spawn as the sandbox needs, if it cannot. */
    static Optional<String> unavailable() {
        return LIBC.find(CLOSE_FROM).isPresent() ? Optional.empty()
                : Optional.of("Pageframe's sandbox needs the C library's " + CLOSE_FROM + " (glibc 2.34 or later)");
    }

    /**
     * A spawn with every argument in native memory, made on an unconfined thread so that the confined one only
     * calls {@link #spawn}.
     */
    static final class Prepared implements AutoCloseable {
        private final Arena arena = Arena.ofShared();
        private final MemorySegment pid = arena.allocate(JAVA_INT);
        private final MemorySegment path;
        private final MemorySegment actions = arena.allocate(OPAQUE_BYTES, 16);
        private final MemorySegment attributes = arena.allocate(OPAQUE_BYTES, 16);
        private final MemorySegment argv;
        private final MemorySegment envp;
        private boolean actionsMade;
        private boolean attributesMade;

        /**
         * @param stdin  the descriptor that becomes the child's standard input
         * @param output the descriptor that becomes its standard output and error
         */
        Prepared(List<String> command, Map<String, String> environment, Path directory, int stdin, int output)
                throws SandboxException {
            try {
                path = arena.allocateFrom(command.getFirst());
                argv = strings(command);
                envp = strings(environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
                check("posix_spawn_file_actions_init", (int) Functions.ACTIONS_INIT.invokeExact(actions.address()));
                actionsMade = true;
                check("posix_spawn_file_actions_adddup2",
                        (int) Functions.ADD_DUP2.invokeExact(actions.address(), (long) stdin, 0L));
                check("posix_spawn_file_actions_adddup2",
                        (int) Functions.ADD_DUP2.invokeExact(actions.address(), (long) output, 1L));
                check("posix_spawn_file_actions_adddup2",
                        (int) Functions.ADD_DUP2.invokeExact(actions.address(), (long) output, 2L));
                check("posix_spawn_file_actions_addchdir_np", (int) Functions.ADD_CHDIR.invokeExact(actions.address(),
                        arena.allocateFrom(directory.toString()).address()));
                check(CLOSE_FROM, (int) Functions.ADD_CLOSE_FROM.invokeExact(actions.address(), 3L));
                check("posix_spawnattr_init", (int) Functions.ATTR_INIT.invokeExact(attributes.address()));
                attributesMade = true;
                MemorySegment noSignals = arena.allocate(SIGSET_BYTES, 8);
                MemorySegment defaults = arena.allocate(SIGSET_BYTES, 8);
                defaults.set(JAVA_LONG, 0, DEFAULT_SIGNALS);
                check("posix_spawnattr_setsigmask",
                        (int) Functions.SET_SIGMASK.invokeExact(attributes.address(), noSignals.address()));
                check("posix_spawnattr_setsigdefault",
                        (int) Functions.SET_SIGDEFAULT.invokeExact(attributes.address(), defaults.address()));
                check("posix_spawnattr_setflags", (int) Functions.SET_FLAGS.invokeExact(attributes.address(),
                        (long) (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)));
            } catch (SandboxException e) {
                close();
                throw e;
            } catch (Throwable t) {
                close();
                throw new SandboxException("cannot prepare posix_spawn: " + t);
            }
        }

        /** Starts the program from the calling thread; its pid, or the errno posix_spawn returned, negated. */
        long spawn() {
            try {
                int error = (int) Functions.SPAWN.invokeExact(pid.address(), path.address(), actions.address(),
                        attributes.address(), argv.address(), envp.address());
                return error == 0 ? pid.get(JAVA_INT, 0) : -error;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private MemorySegment strings(List<String> values) {
            MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
            for (int i = 0; i < values.size(); i++) {
                array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
            }
            array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
            return array;
        }

        @Override
        public void close() {
            try {
                if (actionsMade) {
                    int ignored = (int) Functions.ACTIONS_DESTROY.invokeExact(actions.address());
                }
                if (attributesMade) {
                    int ignored = (int) Functions.ATTR_DESTROY.invokeExact(attributes.address());
                }
            } catch (Throwable ignored) {
                // Freeing glibc's own list of actions; nothing to report.
            }
            arena.close();
        }
    }

    private static void check(String function, int result) throws SandboxException {
        if (result != 0) {
            throw new SandboxException(function + " failed: " + Libc.describe(result));
        }
    }

    /**
     * The functions, made on first use. Every argument travels as a long (pointers as their address, ints and
     * shorts widened): on x86-64 and AArch64 each takes one integer register either way, and the handles of one
     * arity share one of the linker's stubs, each of which costs a cold JVM tens of milliseconds to make.
     */
    private static final class Functions {
        static final MethodHandle ACTIONS_INIT = function("posix_spawn_file_actions_init", 1);
        static final MethodHandle ACTIONS_DESTROY = function("posix_spawn_file_actions_destroy", 1);
        static final MethodHandle ADD_DUP2 = function("posix_spawn_file_actions_adddup2", 3);
        static final MethodHandle ADD_CHDIR = function("posix_spawn_file_actions_addchdir_np", 2);
        static final MethodHandle ADD_CLOSE_FROM = function(CLOSE_FROM, 2);
        static final MethodHandle ATTR_INIT = function("posix_spawnattr_init", 1);
        static final MethodHandle ATTR_DESTROY = function("posix_spawnattr_destroy", 1);
        static final MethodHandle SET_FLAGS = function("posix_spawnattr_setflags", 2);
        static final MethodHandle SET_SIGMASK = function("posix_spawnattr_setsigmask", 2);
        static final MethodHandle SET_SIGDEFAULT = function("posix_spawnattr_setsigdefault", 2);
        static final MethodHandle SPAWN = function("posix_spawn", 6);

        private static MethodHandle function(String name, int arity) {
            MemoryLayout[] arguments = new MemoryLayout[arity];
            Arrays.fill(arguments, JAVA_LONG);
            return LINKER.downcallHandle(LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name)),
                    FunctionDescriptor.of(JAVA_INT, arguments));
        }
    }
}
