package dev.pageframe.execution;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The test JVM's live child processes, for tests that check a run or a launch leaves no agent behind. */
public final class ChildProcesses {
    private ChildProcesses() {}

    /** The pids of every live descendant of this JVM now. */
    public static Set<Long> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The live descendants that were not in {@code before}. */
    public static Set<Long> startedSince(Set<Long> before) {
        Set<Long> now = alive();
        now.removeAll(before);
        return now;
    }
}
