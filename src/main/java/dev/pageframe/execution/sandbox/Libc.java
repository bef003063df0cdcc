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
import java.util.Locale;

/**
 * The system calls the sandbox needs, through the C library's {@code syscall(2)} and the foreign function
 * API (no native library of our own). One downcall handle serves them all: each handle's stub costs a cold JVM
 * tens of milliseconds to make, paid at the first kernel start of a run.
 */
final class Libc {
    static final long O_PATH = 0x200000;
    static final long O_CLOEXEC = 0x80000;
    static final long PR_SET_NO_NEW_PRIVS = 38;
    static final int SIGTERM = 15;
    static final int SIGKILL = 9;
    private static final int EINTR = 4;
    private static final long P_PID = 1;
    private static final long WEXITED = 4;
    private static final long WNOWAIT = 0x01000000;
    private static final long AT_FDCWD = -100;

    /** System call numbers of the calls whose numbers differ between architectures. */
    private record Numbers(long openat, long close, long prctl, long pipe2, long kill, long waitid, long wait4) {}

    private static final Numbers NUMBERS = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
        case "amd64", "x86_64" -> new Numbers(257, 3, 157, 293, 62, 247, 61);
        case "aarch64", "arm64" -> new Numbers(56, 57, 167, 59, 129, 95, 260);
        default -> null;
    };

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    // long syscall(long number, ...): every argument travels as a long, pointers as their address.
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LIBC.find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));

    private Libc() {}

    /** Whether this architecture's system call numbers are known here. */
    static boolean knownArchitecture() {
        return NUMBERS != null;
    }

    /** Room for the errno of one call. */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** {@code syscall(number, a, b, c, d)}; the result, negative on failure with the cause in {@code state}. */
    static long syscall(MemorySegment state, long number, long a, long b, long c, long d) {
        try {
            return (long) SYSCALL.invokeExact(state, number, a, b, c, d, 0L, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static long prctl(MemorySegment state, long option, long arg2) {
        return prctl(state, option, arg2, 0);
    }

    static long prctl(MemorySegment state, long option, long arg2, long arg3) {
        return syscall(state, NUMBERS.prctl(), option, arg2, arg3, 0);
    }

    static int open(Arena arena, MemorySegment state, String path, long flags) {
        return (int) syscall(state, NUMBERS.openat(), AT_FDCWD, arena.allocateFrom(path).address(), flags, 0);
    }

    static void close(MemorySegment state, int fd) {
        syscall(state, NUMBERS.close(), fd, 0, 0, 0);
    }

    /** {@code pipe2(fds, O_CLOEXEC)}: the read end, then the write end. */
    static int[] pipe() throws java.io.IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            MemorySegment state = callState(arena);
            if (syscall(state, NUMBERS.pipe2(), fds.address(), O_CLOEXEC, 0, 0) != 0) {
                throw new java.io.IOException("pipe2 failed: " + describe(errno(state)));
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            close(callState(arena), fd);
        }
    }

    /** Sends {@code signal} to {@code pid}; false if it is gone. */
    static boolean kill(long pid, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            return syscall(callState(arena), NUMBERS.kill(), pid, signal, 0, 0) == 0;
        }
    }

    /**
     * Waits until child {@code pid} has ended and returns while it is still a zombie (waitid with WNOWAIT), so its
     * pid cannot be reused before {@link #reap}; false if it is no child of this process.
     */
    static boolean awaitExit(long pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(128, 8); // siginfo_t
            MemorySegment state = callState(arena);
            while (true) {
                if (syscall(state, NUMBERS.waitid(), P_PID, pid, info.address(), WEXITED | WNOWAIT) == 0) {
                    return true;
                }
                if (errno(state) != EINTR) {
                    return false;
                }
            }
        }
    }

    /** Reaps the ended child {@code pid}: its exit status, or 128 + the signal that ended it (as Java's Process says). */
    static int reap(long pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            MemorySegment state = callState(arena);
            while (syscall(state, NUMBERS.wait4(), pid, status.address(), 0, 0) < 0) {
                if (errno(state) != EINTR) {
                    return -1;
                }
            }
            int s = status.get(JAVA_INT, 0);
            int signal = s & 0x7f;
            return signal == 0 ? (s >> 8) & 0xff : 0x80 + signal;
        }
    }

    /** The C library's text for an errno value (made only when something failed). */
    static String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) Strerror.HANDLE.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static final class Strerror {
        static final MethodHandle HANDLE = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }
}
