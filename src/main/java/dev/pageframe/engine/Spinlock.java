package dev.pageframe.engine;

/** A spinlock of the simulated single CPU: holding one makes the context atomic. */
public final class Spinlock {
    final String name;
    boolean locked;
    boolean irqsave;

    Spinlock(String name) {
        this.name = name;
    }

    public boolean is_locked() {
        return locked;
    }

    @Override
    public String toString() {
        return "spinlock " + name + (locked ? " (held)" : "");
    }
}
