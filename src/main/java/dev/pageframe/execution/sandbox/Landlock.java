package dev.pageframe.execution.sandbox;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Linux Landlock, the kernel's unprivileged sandbox, called through the foreign function API. The
 * numbers and structures are those of the kernel's Documentation/userspace-api/landlock.rst and
 * include/uapi/linux/landlock.h.
 *
 * <p>{@link #restrictSelf} confines the calling thread and whatever it starts or executes later; threads
 * that already exist keep their freedom. That is why the agent JVM is confined by
 * {@link ConfinedProcess} before it exists, from a thread of the host made for it, never from inside.
 */
public final class Landlock {
    // System calls added since Linux 5.1 have the same number on every architecture.
    private static final long SYS_CREATE_RULESET = 444;
    private static final long SYS_ADD_RULE = 445;
    private static final long SYS_RESTRICT_SELF = 446;
    private static final long CREATE_RULESET_VERSION = 1;
    private static final int RULE_PATH_BENEATH = 1;
    private static final int RULE_NET_PORT = 2;
    private static final int ENOSYS = 38;
    private static final int EOPNOTSUPP = 95;

    static final long FS_EXECUTE = 1L;
    static final long FS_WRITE_FILE = 1L << 1;
    static final long FS_READ_FILE = 1L << 2;
    static final long FS_READ_DIR = 1L << 3;
    static final long FS_MAKE_CHAR = 1L << 6;
    static final long FS_MAKE_BLOCK = 1L << 11;
    static final long FS_TRUNCATE = 1L << 14;
    static final long FS_IOCTL_DEV = 1L << 15;
    static final long NET_BIND_TCP = 1L;
    static final long NET_CONNECT_TCP = 1L << 1;
    static final long SCOPE_ABSTRACT_UNIX_SOCKET = 1L;
    static final long SCOPE_SIGNAL = 1L << 1;

    private Landlock() {}

    /** What the running kernel offers: an ABI version (0 when there is no Landlock) and why not. */
    public record Support(int abi, String reason) {
        public boolean available() {
            return abi > 0;
        }
    }

    /** Asks the running kernel for its Landlock ABI version; never throws. */
    public static Support probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new Support(0, "Landlock is a Linux feature; this is " + System.getProperty("os.name"));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            long abi = Libc.syscall(state, SYS_CREATE_RULESET, 0, 0, CREATE_RULESET_VERSION, 0);
            if (abi > 0) {
                if (!Libc.knownArchitecture()) {
                    return new Support(0, "Pageframe's sandbox knows x86-64 and AArch64 Linux; this is "
                            + System.getProperty("os.arch"));
                }
                return PosixSpawn.unavailable().map(reason -> new Support(0, reason))
                        .orElseGet(() -> new Support((int) abi, ""));
            }
            int errno = Libc.errno(state);
            return new Support(0, switch (errno) {
                case ENOSYS -> "this Linux kernel has no Landlock (it needs 5.13 or later, built with it)";
                case EOPNOTSUPP -> "Landlock is turned off in this Linux kernel (boot option lsm=)";
                default -> "Landlock is not usable here: " + Libc.describe(errno);
            });
        } catch (RuntimeException | LinkageError e) {
            return new Support(0, "Landlock could not be called: " + e);
        }
    }

    /** Every filesystem right the ABI knows (rights added later are simply not handled). */
    static long handledFs(int abi) {
        if (abi >= 5) {
            return (1L << 16) - 1; // IOCTL_DEV
        }
        if (abi >= 3) {
            return (1L << 15) - 1; // TRUNCATE
        }
        return abi == 2 ? (1L << 14) - 1 : (1L << 13) - 1; // REFER since ABI 2
    }

    /**
     * Confines the calling thread, and all it starts or executes from now on, to {@code policy}; first
     * sets no_new_privs, which an unprivileged process must do and which keeps any program it executes
     * from gaining privileges, and installs {@link SocketFilter} for the sockets Landlock has no rules for.
     *
     * @throws SandboxException naming the call and path that failed; the thread is then unconfined
     */
    public static int restrictSelf(SandboxPolicy policy) throws SandboxException {
        Support support = probe();
        if (!support.available()) {
            throw new SandboxException(support.reason());
        }
        int abi = support.abi();
        long fs = handledFs(abi);
        long net = abi >= 4 ? NET_BIND_TCP | NET_CONNECT_TCP : 0;
        long scoped = abi >= 6 ? SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL : 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            if (Libc.prctl(state, Libc.PR_SET_NO_NEW_PRIVS, 1) != 0) {
                throw new SandboxException("prctl(PR_SET_NO_NEW_PRIVS) failed: " + Libc.describe(Libc.errno(state)));
            }
            SocketFilter.install(arena, state);
            // struct landlock_ruleset_attr, cut to the fields this ABI knows.
            long attrSize = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
            MemorySegment attr = arena.allocate(24, 8);
            attr.set(JAVA_LONG_UNALIGNED, 0, fs);
            attr.set(JAVA_LONG_UNALIGNED, 8, net);
            attr.set(JAVA_LONG_UNALIGNED, 16, scoped);
            long ruleset = Libc.syscall(state, SYS_CREATE_RULESET, attr.address(), attrSize, 0, 0);
            if (ruleset < 0) {
                throw new SandboxException("landlock_create_ruleset failed: " + Libc.describe(Libc.errno(state)));
            }
            int fd = (int) ruleset;
            try {
                for (Path path : policy.readOnly()) {
                    addPath(arena, state, fd, path, FS_READ_FILE | FS_READ_DIR, fs);
                }
                long readWrite = fs & ~(FS_EXECUTE | FS_MAKE_CHAR | FS_MAKE_BLOCK | FS_IOCTL_DEV);
                for (Path path : policy.readWrite()) {
                    addPath(arena, state, fd, path, readWrite, fs);
                }
                for (Path path : policy.executable()) {
                    addPath(arena, state, fd, path, FS_READ_FILE | FS_EXECUTE, fs);
                }
                if (net != 0) {
                    for (int port : policy.connectPorts()) {
                        addPort(arena, state, fd, port);
                    }
                }
                if (Libc.syscall(state, SYS_RESTRICT_SELF, fd, 0, 0, 0) != 0) {
                    throw new SandboxException("landlock_restrict_self failed: " + Libc.describe(Libc.errno(state)));
                }
            } finally {
                Libc.close(state, fd);
            }
        }
        return abi;
    }

    private static void addPath(Arena arena, MemorySegment state, int ruleset, Path path, long rights, long handled)
            throws SandboxException {
        if (!Files.exists(path)) {
            return; // Nothing there to allow; a class path may name a folder that was never made.
        }
        // A rule on a file may only carry the rights that apply to files.
        long allowed = rights & handled
                & (Files.isDirectory(path) ? -1L : FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV);
        int parent = Libc.open(arena, state, path.toString(), Libc.O_PATH | Libc.O_CLOEXEC);
        if (parent < 0) {
            throw new SandboxException("cannot open " + path + ": " + Libc.describe(Libc.errno(state)));
        }
        try {
            // struct landlock_path_beneath_attr is packed: u64 allowed_access, s32 parent_fd.
            MemorySegment rule = arena.allocate(12, 4);
            rule.set(JAVA_LONG_UNALIGNED, 0, allowed);
            rule.set(JAVA_INT_UNALIGNED, 8, parent);
            addRule(state, ruleset, RULE_PATH_BENEATH, rule, path.toString());
        } finally {
            Libc.close(state, parent);
        }
    }

    private static void addPort(Arena arena, MemorySegment state, int ruleset, int port) throws SandboxException {
        // struct landlock_net_port_attr: u64 allowed_access, u64 port.
        MemorySegment rule = arena.allocate(16, 8);
        rule.set(JAVA_LONG_UNALIGNED, 0, NET_CONNECT_TCP);
        rule.set(JAVA_LONG_UNALIGNED, 8, port);
        addRule(state, ruleset, RULE_NET_PORT, rule, "TCP port " + port);
    }

    /** landlock_add_rule(2) for one filled-in rule; {@code what} names it in the error. */
    private static void addRule(MemorySegment state, int ruleset, int ruleType, MemorySegment rule, String what)
            throws SandboxException {
        if (Libc.syscall(state, SYS_ADD_RULE, ruleset, ruleType, rule.address(), 0) != 0) {
            throw new SandboxException("landlock_add_rule for " + what + " failed: " + Libc.describe(Libc.errno(state)));
        }
    }
}
