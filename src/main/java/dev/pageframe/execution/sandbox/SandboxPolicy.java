package dev.pageframe.execution.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sandboxed process may touch; everything else Landlock handles is denied.
 *
 * @param readOnly     files and folders (with all beneath them) it may read
 * @param readWrite    folders it may also create, change and delete in (never devices, never execute)
 * @param executable   files it may execute (and read)
 * @param connectPorts TCP ports it may connect to (on kernels with Landlock ABI 4 or later; no binding at all)
 */
public record SandboxPolicy(List<Path> readOnly, List<Path> readWrite, List<Path> executable, List<Integer> connectPorts) {
    private static final String READ = "--read";
    private static final String WRITE = "--write";
    private static final String EXEC = "--exec";
    private static final String CONNECT = "--connect";
    private static final String END = "--";

    public SandboxPolicy {
        readOnly = List.copyOf(readOnly);
        readWrite = List.copyOf(readWrite);
        executable = List.copyOf(executable);
        connectPorts = List.copyOf(connectPorts);
    }

    /** The launcher's arguments: this policy, then {@code command} to execute under it. */
    public List<String> toArguments(List<String> command) {
        List<String> args = new ArrayList<>();
        readOnly.forEach(p -> args.addAll(List.of(READ, p.toString())));
        readWrite.forEach(p -> args.addAll(List.of(WRITE, p.toString())));
        executable.forEach(p -> args.addAll(List.of(EXEC, p.toString())));
        connectPorts.forEach(p -> args.addAll(List.of(CONNECT, Integer.toString(p))));
        args.add(END);
        args.addAll(command);
        return args;
    }

    /** A policy and the command after it, as {@link #toArguments} wrote them. */
    record Launch(SandboxPolicy policy, List<String> command) {}

    static Launch parse(List<String> args) {
        List<Path> read = new ArrayList<>();
        List<Path> write = new ArrayList<>();
        List<Path> exec = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        int i = 0;
        while (i < args.size() && !args.get(i).equals(END)) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(i + 1);
            switch (option) {
                case READ -> read.add(Path.of(value));
                case WRITE -> write.add(Path.of(value));
                case EXEC -> exec.add(Path.of(value));
                case CONNECT -> ports.add(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
            i += 2;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("no command after " + END);
        }
        return new Launch(new SandboxPolicy(read, write, exec, ports), List.copyOf(args.subList(i + 1, args.size())));
    }
}
