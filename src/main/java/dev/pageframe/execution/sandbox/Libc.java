package dev.pageframe.execution.sandbox;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The few C library calls the sandbox needs, through the foreign function API (no native library of
 * our own). Each returns the raw result; {@link #errno} reads the error of the call just made.
 */
final class Libc {
    static final int O_PATH = 0x200000;
    static final int O_CLOEXEC = 0x80000;
    static final int PR_SET_NO_NEW_PRIVS = 38;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option SAVE_ERRNO = Linker.Option.captureCallState("errno");

    // long syscall(long number, ...): the variadic arguments travel as longs or pointers.
    private static final MethodHandle SYSCALL_PLL = variadic("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG), 1);
    private static final MethodHandle SYSCALL_LLPL = variadic("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG), 1);
    private static final MethodHandle SYSCALL_LL = variadic("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), 1);
    private static final MethodHandle PRCTL = variadic("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), 1);
    private static final MethodHandle OPEN = variadic("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), 2);
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LIBC.find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EXECVE = LINKER.downcallHandle(LIBC.find("execve").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), SAVE_ERRNO);
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {}

    private static MethodHandle variadic(String name, FunctionDescriptor descriptor, int firstVariadic) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor,
                Linker.Option.firstVariadicArg(firstVariadic), SAVE_ERRNO);
    }

    /** Room for the errno of one call. */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static long syscall(MemorySegment state, long number, MemorySegment pointer, long a, long b) {
        try {
            return (long) SYSCALL_PLL.invokeExact(state, number, pointer, a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static long syscall(MemorySegment state, long number, long a, long b, MemorySegment pointer, long c) {
        try {
            return (long) SYSCALL_LLPL.invokeExact(state, number, a, b, pointer, c);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static long syscall(MemorySegment state, long number, long a, long b) {
        try {
            return (long) SYSCALL_LL.invokeExact(state, number, a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int prctl(MemorySegment state, int option, long arg2) {
        try {
            return (int) PRCTL.invokeExact(state, option, arg2, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int open(MemorySegment state, MemorySegment path, int flags) {
        try {
            return (int) OPEN.invokeExact(state, path, flags, 0);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Replaces this process with {@code command}; returns only on failure, with the errno. */
    static int execve(List<String> command) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = arena.allocate(ADDRESS, command.size() + 1L);
            for (int i = 0; i < command.size(); i++) {
                argv.setAtIndex(ADDRESS, i, arena.allocateFrom(command.get(i)));
            }
            argv.setAtIndex(ADDRESS, command.size(), MemorySegment.NULL);
            // The environment as the C library holds it: exactly what this process was given.
            MemorySegment environ = LIBC.find("environ").orElseThrow()
                    .reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0);
            MemorySegment state = callState(arena);
            int ignored = (int) EXECVE.invokeExact(state, arena.allocateFrom(command.getFirst()), argv, environ);
            return errno(state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The C library's text for an errno value. */
    static String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
