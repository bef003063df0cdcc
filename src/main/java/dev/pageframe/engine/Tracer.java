package dev.pageframe.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tracepoints of the allocators (include/trace/events/kmem.h), off until enabled, as in tracefs.
 * Kept in a bounded ring so a long run cannot exhaust the heap.
 */
public final class Tracer {
    /** Events this engine can emit. */
    public static final List<String> EVENTS =
        List.of("mm_page_alloc", "mm_page_free", "kmalloc", "kfree", "vmalloc", "vfree", "mm_page_alloc_extfrag");

    private final SimClock clock;
    private final Set<String> enabled = new HashSet<>();
    private final ArrayDeque<TraceEvent> ring = new ArrayDeque<>();
    private int capacity = 100_000;
    private boolean any;

    Tracer(SimClock clock) {
        this.clock = clock;
    }

    /** Turns events on; "all" enables every one. */
    public void enable(String... events) {
        for (String e : events) {
            if (e.equals("all")) {
                enabled.addAll(EVENTS);
            } else if (EVENTS.contains(e)) {
                enabled.add(e);
            } else {
                throw new IllegalArgumentException("no such trace event '" + e + "'; known: " + String.join(", ", EVENTS));
            }
        }
        any = !enabled.isEmpty();
    }

    public void disable(String... events) {
        if (events.length == 0) {
            enabled.clear();
        } else {
            for (String e : events) {
                enabled.remove(e);
            }
        }
        any = !enabled.isEmpty();
    }

    public void setCapacity(int events) {
        capacity = Math.max(1, events);
        while (ring.size() > capacity) {
            ring.removeFirst();
        }
    }

    boolean on(String event) {
        return any && enabled.contains(event);
    }

    void emit(String event, String text) {
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(new TraceEvent(clock.now(), event, text));
    }

    /** Recorded events, oldest first. */
    public List<TraceEvent> events() {
        return new ArrayList<>(ring);
    }

    /** The trace buffer as text. */
    public String text() {
        StringBuilder sb = new StringBuilder("# tracer: nop\n#\n");
        for (TraceEvent e : ring) {
            sb.append(e.format()).append('\n');
        }
        return sb.toString();
    }

    public void clear() {
        ring.clear();
    }
}
