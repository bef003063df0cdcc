package dev.pageframe.execution;

/**
 * Whether a kernel's cells run inside the sandbox, and one sentence for the user saying so, or why not.
 *
 * @param confined    true when cells run under Landlock
 * @param landlockAbi the running kernel's Landlock ABI version, 0 when it has none (or was not asked)
 * @param summary     e.g. "cells are sandboxed (Landlock ABI 7)" or "cells are not sandboxed: …"
 */
public record SandboxStatus(boolean confined, int landlockAbi, String summary) {}
