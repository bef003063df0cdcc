package dev.pageframe.execution.agent;

import dev.pageframe.engine.api.Session;
import jdk.jshell.spi.ExecutionControl.InternalException;
import jdk.jshell.spi.ExecutionControl.UserException;

/**
 * Boots the session's machine when the host asks ({@link AgentProtocol#BOOT_COMMAND}): the engine's boot, called by
 * the agent itself, so that no JShell snippet has to be compiled for it and it runs while the host compiles the
 * startup imports.
 */
final class MachineBooter {
    private MachineBooter() {}

    /**
     * Boots the machine {@code arg} names (profile, memory, seed) and sends its progress to the host.
     *
     * @throws UserException whatever the boot threw, with its class and message, for the host to report
     */
    static Object boot(Object arg) throws UserException, InternalException {
        if (!(arg instanceof String[] machine) || machine.length != 3) {
            throw new InternalException("a boot command needs a profile, a memory size and a seed");
        }
        long seed;
        try {
            seed = Long.parseLong(machine[2]);
        } catch (NumberFormatException e) {
            throw new InternalException("not a seed: " + machine[2]);
        }
        try {
            Session.progressSink(CellContext::progress);
            Session.boot(machine[0], machine[1], seed);
            return null;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // The boot's arrays are garbage now; the host ends this agent and says why.
            throw new UserException(String.valueOf(e.getMessage()), e.getClass().getName(), e.getStackTrace());
        }
    }
}
