package dev.pageframe.engine;

/**
 * What the simulated CPU is doing: task or interrupt context, and how many spinlocks are held
 * (include/linux/preempt.h: in_interrupt, in_atomic).
 */
final class ExecContext {
    private int hardirq;
    private int preempt;
    private int irqsDisabled;
    String comm = "notebook";
    int pid = 1000;

    boolean in_interrupt() {
        return hardirq > 0;
    }

    boolean in_atomic() {
        return hardirq > 0 || preempt > 0;
    }

    boolean irqs_disabled() {
        return hardirq > 0 || irqsDisabled > 0;
    }

    void irq_enter() {
        hardirq++;
    }

    void irq_exit() {
        hardirq--;
    }

    void preempt_disable(boolean disableIrqs) {
        preempt++;
        if (disableIrqs) {
            irqsDisabled++;
        }
    }

    void preempt_enable(boolean enableIrqs) {
        preempt--;
        if (enableIrqs) {
            irqsDisabled--;
        }
    }

    int preempt_count() {
        return preempt;
    }

    String taskName() {
        return in_interrupt() ? "swapper/0" : comm;
    }

    int taskPid() {
        return in_interrupt() ? 0 : pid;
    }

    void reset() {
        hardirq = 0;
        preempt = 0;
        irqsDisabled = 0;
    }
}
