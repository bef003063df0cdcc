package dev.pageframe.engine;

import java.util.List;

/**
 * Page cache and user tasks behind {@link Kernel}: the memory that reclaim and the OOM killer
 * take back.
 */
final class UserTasks extends KernelPart {
    UserTasks(Kernel k) {
        super(k);
    }

    long page_cache_read(long nrPages) {
        int gfp = modern ? Gfp.GFP_HIGHUSER_MOVABLE : Gfp20.GFP_BUFFER;
        long added = 0;
        for (long i = 0; i < nrPages; i++) {
            int pfn = pages.alloc_pages(modern ? (gfp & ~Gfp.__GFP_DIRECT_RECLAIM) | Gfp.__GFP_NOWARN : gfp, 0);
            if (pfn < 0) {
                break;
            }
            reclaim.lru_add(pfn);
            added++;
        }
        return added;
    }

    long drop_caches() {
        return reclaim.shrink(zones, Long.MAX_VALUE);
    }

    int spawn_task(String comm) {
        return oom.spawn(comm).pid;
    }

    long task_touch(int pid, long nrPages) {
        OomKiller.Task t = oom.task(pid);
        if (t == null) {
            throw new IllegalArgumentException("no task with pid " + pid + " (it may have been OOM-killed)");
        }
        String comm = ctx.comm;
        int curPid = ctx.pid;
        ctx.comm = t.comm;
        ctx.pid = t.pid;
        try {
            return touch(t, nrPages);
        } finally {
            ctx.comm = comm;
            ctx.pid = curPid;
        }
    }

    private long touch(OomKiller.Task t, long nrPages) {
        int gfp = modern ? Gfp.GFP_HIGHUSER_MOVABLE : Gfp20.GFP_USER;
        long got = 0;
        for (long i = 0; i < nrPages; i++) {
            int pfn = pages.alloc_pages(gfp, 0);
            if (pfn < 0 || oom.task(t.pid) == null) {
                if (pfn >= 0) {
                    mem_map.set(pfn, FrameTable.PAGE, 0, 0, 0);
                    pages.free_pages(pfn, 0);
                }
                break;
            }
            mem_map.setAnon(pfn, t.pid, t.pages.size());
            t.pages.add(pfn);
            got++;
        }
        return got;
    }

    void task_exit(int pid) {
        OomKiller.Task t = oom.task(pid);
        if (t == null) {
            return;
        }
        for (int i = 0; i < t.pages.size(); i++) {
            mem_map.set(t.pages.get(i), FrameTable.PAGE, 0, 0, 0);
            pages.free_pages(t.pages.get(i), 0);
        }
        oom.exit(t);
    }

    List<Integer> tasks() {
        return oom.tasks().stream().map(t -> t.pid).toList();
    }
}
