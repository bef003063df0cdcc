package dev.pageframe.execution.agent;

/**
 * Wire constants shared by the host and the agent JVM.
 *
 * <p>The agent opens two loopback connections to the host. The <em>main</em> one carries JShell's
 * own multiplexed stream protocol ({@code jdk.jshell.execution.Util}): the command channel plus the
 * named output channels below. Because every channel shares one socket, stdout, stderr and events
 * from a cell arrive at the host in the order the cell produced them, and all of them arrive before
 * the reply to the command that ran the cell. The <em>control</em> connection exists because the
 * command channel is busy while a cell runs; it carries interrupt requests.
 */
public final class AgentProtocol {
    /**
     * Longest connection token the agent reads. The host writes the token as the first line of the agent's
     * standard input, which the agent then closes: it is in no file, environment or command line a cell can read.
     */
    public static final int MAX_TOKEN_BYTES = 128;

    /** Output channel carrying the cell's {@code System.out}. */
    public static final String STDOUT_CHANNEL = "out";
    /** Output channel carrying the cell's {@code System.err}. */
    public static final String STDERR_CHANNEL = "err";
    /** Output channel carrying newline-delimited JSON events (display data, progress, exit notice). */
    public static final String EVENT_CHANNEL = "pageframe";

    /** Role byte sent after the token on the JShell command/stream connection. */
    public static final byte ROLE_MAIN = 'M';
    /** Role byte sent after the token on the control connection. */
    public static final byte ROLE_CONTROL = 'C';

    /** Control message: stop invoke number N (followed by N as a big-endian long). */
    public static final byte CONTROL_INTERRUPT = 'I';

    /**
     * JShell's extension command that boots the session's machine: its argument is a {@code String[]} of the profile's
     * name, the memory (as {@code Session.boot} parses it) and the seed in decimal.
     */
    public static final String BOOT_COMMAND = "pageframe.boot";

    /**
     * JShell's extension command that asks for the rich form of the value the last invoke returned (a cell's final
     * expression): a MIME bundle as JSON text, or null when the value has none ({@link ValueBundles}).
     */
    public static final String VALUE_BUNDLE_COMMAND = "pageframe.valueBundle";

    /** Event field naming the event type. */
    public static final String TYPE = "type";
    /** Event type for a MIME bundle published by the cell. */
    public static final String DISPLAY = "display";
    /** Event type for a progress report. */
    public static final String PROGRESS = "progress";
    /** Event type sent from the agent's shutdown hook: the JVM is exiting through System.exit. */
    public static final String EXITING = "exiting";
    /**
     * Event type marking where the next cell of a batch begins (a headless run gives JShell several cells as one
     * block): fields {@link #BATCH} and {@link #CELL}.
     */
    public static final String CELL_BEGINS = "cell";
    /** Field of a {@link #CELL_BEGINS} event: the batch's token, so that a stray call from cell code is ignored. */
    public static final String BATCH = "batch";
    /** Field of a {@link #CELL_BEGINS} event: the cell's position in its batch, from 0. */
    public static final String CELL = "index";

    /**
     * System property that makes the agent load and exercise Jackson on a thread of its own at start, so that the
     * first chart a user draws in the app does not pay for it; a headless run leaves it off (a run without charts
     * never needs Jackson in the agent: {@code EventJson}).
     */
    public static final String WARM_UP_JSON_PROPERTY = "pageframe.agent.warmUpJson";

    /** Agent exit status used when the agent's own machinery (not a cell) runs out of memory. */
    public static final int EXIT_AGENT_OUT_OF_MEMORY = 99;

    private AgentProtocol() {}
}
