package dev.pageframe.execution.sandbox;

import java.nio.file.Path;
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
    public SandboxPolicy {
        readOnly = List.copyOf(readOnly);
        readWrite = List.copyOf(readWrite);
        executable = List.copyOf(executable);
        connectPorts = List.copyOf(connectPorts);
    }
}
