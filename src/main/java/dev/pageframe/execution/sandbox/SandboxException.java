package dev.pageframe.execution.sandbox;

/** The sandbox could not be set up; the message says which step and why. */
public final class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }
}
