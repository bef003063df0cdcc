package dev.pageframe.execution;

import java.io.Serial;

/** The agent JVM could not be launched, did not connect, or a startup snippet failed. */
public class KernelStartException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public KernelStartException(String message) {
        super(message);
    }

    public KernelStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
