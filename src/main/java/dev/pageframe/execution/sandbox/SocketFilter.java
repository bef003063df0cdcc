package dev.pageframe.execution.sandbox;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A seccomp filter for what Landlock's ABI 7 has no rules for: it refuses {@code socket(2)} for UNIX-domain,
 * netlink and datagram (UDP) sockets, so a cell can neither talk to a local service through a socket file
 * (a session bus could start programs for it) nor send UDP. TCP stays, for Landlock's port rules to judge.
 * Numbers from the kernel's include/uapi/linux/seccomp.h, filter.h and audit.h.
 */
final class SocketFilter {
    private static final long PR_SET_SECCOMP = 22;
    private static final long SECCOMP_MODE_FILTER = 2;
    private static final int SECCOMP_RET_ALLOW = 0x7fff0000;
    private static final int SECCOMP_RET_ERRNO = 0x00050000;
    private static final int EACCES = 13;
    private static final int AF_UNIX = 1;
    private static final int AF_NETLINK = 16;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_TYPE_MASK = 0xf;
    // Classic BPF opcodes.
    private static final short LD_W_ABS = 0x20;
    private static final short JEQ_K = 0x15;
    private static final short AND_K = 0x54;
    private static final short RET_K = 0x06;
    // struct seccomp_data: int nr; u32 arch; u64 ip; u64 args[6] (the low half of each first, little-endian).
    private static final int NR = 0;
    private static final int ARCH = 4;
    private static final int ARG0 = 16;
    private static final int ARG1 = 24;

    private SocketFilter() {}

    /** The architecture's audit value and socket(2) number, or null when this filter does not know it. */
    private record Arch(int audit, int socket) {}

    private static Arch arch() {
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> new Arch(0xC000003E, 41);
            case "aarch64", "arm64" -> new Arch(0xC00000B7, 198);
            default -> null;
        };
    }

    /** Installs the filter on the calling thread (no_new_privs must be set); false where the architecture is unknown. */
    static boolean install(Arena arena, MemorySegment state) throws SandboxException {
        Arch arch = arch();
        if (arch == null) {
            return false;
        }
        int[][] program = {
            {LD_W_ABS, 0, 0, ARCH},
            {JEQ_K, 1, 0, arch.audit()},
            {RET_K, 0, 0, SECCOMP_RET_ERRNO | EACCES},       // another ABI's system calls: refused
            {LD_W_ABS, 0, 0, NR},
            {JEQ_K, 0, 8, arch.socket()},                    // not socket(2): allowed
            {LD_W_ABS, 0, 0, ARG0},
            {JEQ_K, 5, 0, AF_UNIX},
            {JEQ_K, 4, 0, AF_NETLINK},
            {LD_W_ABS, 0, 0, ARG1},
            {AND_K, 0, 0, SOCK_TYPE_MASK},
            {JEQ_K, 1, 0, SOCK_DGRAM},
            {RET_K, 0, 0, SECCOMP_RET_ALLOW},
            {RET_K, 0, 0, SECCOMP_RET_ERRNO | EACCES},
            {RET_K, 0, 0, SECCOMP_RET_ALLOW},
        };
        // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }
        MemorySegment filter = arena.allocate(8L * program.length, 8);
        for (int i = 0; i < program.length; i++) {
            long at = 8L * i;
            filter.set(JAVA_SHORT_UNALIGNED, at, (short) program[i][0]);
            filter.set(JAVA_BYTE, at + 2, (byte) program[i][1]);
            filter.set(JAVA_BYTE, at + 3, (byte) program[i][2]);
            filter.set(JAVA_INT_UNALIGNED, at + 4, program[i][3]);
        }
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
        MemorySegment prog = arena.allocate(16, 8);
        prog.set(JAVA_SHORT_UNALIGNED, 0, (short) program.length);
        prog.set(JAVA_LONG_UNALIGNED, 8, filter.address());
        if (Libc.prctl(state, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog.address()) != 0) {
            throw new SandboxException("prctl(PR_SET_SECCOMP) failed: " + Libc.describe(Libc.errno(state)));
        }
        return true;
    }
}
