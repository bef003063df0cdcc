package dev.pageframe.execution;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One started kernel (the {@link TestKernels#config()} one) for all the tests of a class, closed after the last:
 * {@code @RegisterExtension static final SharedKernel kernel = new SharedKernel();}.
 */
final class SharedKernel implements BeforeAllCallback, AfterAllCallback {
    private KernelSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = new KernelSession(TestKernels.config());
        session.start().join();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        session.close();
    }

    KernelSession session() {
        return session;
    }
}
