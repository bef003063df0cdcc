package dev.pageframe.execution;

import java.util.List;

/** Kernel configurations for tests: a small heap so memory exhaustion is quick. */
final class TestKernels {
    private TestKernels() {}

    static KernelConfig config() {
        return KernelConfig.defaults()
                .withStartupSnippets(List.of("import static java.lang.Math.*;"))
                .withMaxHeap("256m");
    }

    static CellResult run(KernelSession session, String source) {
        return session.execute(source).join();
    }
}
