package dev.pageframe.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulated user tasks owning anonymous memory, and the OOM killer that frees the largest one when
 * reclaim cannot help (mm/oom_kill.c: select_bad_process by rss, oom_kill_process).
 */
final class OomKiller {
    /** A user process with anonymous pages; without swap they come back only on exit. */
    static final class Task {
        final int pid;
        final String comm;
        final IntList pages = new IntList();

        Task(int pid, String comm) {
            this.pid = pid;
            this.comm = comm;
        }
    }

    private final Map<Integer, Task> tasks = new LinkedHashMap<>();
    private int nextPid = 2000;
    long oom_kills;

    Task spawn(String comm) {
        Task t = new Task(nextPid++, comm);
        tasks.put(t.pid, t);
        return t;
    }

    Task task(int pid) {
        return tasks.get(pid);
    }

    List<Task> tasks() {
        return new ArrayList<>(tasks.values());
    }

    void exit(Task t) {
        tasks.remove(t.pid);
    }

    /**
     * The task with the most resident pages, or null when there is nothing to kill. Walking the
     * tasks in order, an equal score replaces the one chosen so far (mm/oom_kill.c:
     * oom_evaluate_task skips only lower scores), so of equals the last one found is killed.
     */
    Task select_bad_process() {
        Task worst = null;
        for (Task t : tasks.values()) {
            if (t.pages.size() > 0 && (worst == null || t.pages.size() >= worst.pages.size())) {
                worst = t;
            }
        }
        return worst;
    }
}
