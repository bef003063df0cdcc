package dev.pageframe.execution.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * The agent's JShell execution engine: loads instrumented cell classes and runs each invoke on a
 * fresh thread so that it can be interrupted.
 *
 * <p>Interrupts name the invoke they target by sequence number (the host and the agent both count
 * invoke commands). That closes the race in which an interrupt reaches the agent just before the
 * invoke it was meant for: the stop is remembered and applied when that invoke arrives, while a
 * stale interrupt for an invoke that already finished is ignored.
 */
final class CellRunner extends DirectExecutionControl {
    private final StopInstrumenter instrumenter = new StopInstrumenter();
    /** Cell threads, and (by inheritance) the threads cells start. */
    private final ThreadGroup cells = new ThreadGroup("pageframe-cells");
    private final Object lock = new Object();
    private long received;
    private long running = -1;
    private long pendingStop = -1;
    private boolean stopRequested;
    private Thread cellThread;
    /**
     * What the last invoke returned (the value of a cell's final expression, or null), kept for
     * {@link AgentProtocol#VALUE_BUNDLE_COMMAND} until the next invoke: the host asks only when it shows the value.
     */
    private Object lastValue;
    /** The cell functions' {@link ValueBundles}, looked up on the first request; null before it. */
    private ValueBundles valueBundles;

    /**
     * Takes a class of the agent's own through the first cell's path in this JVM, once, while the host is still
     * compiling: decoding a load command (about 15 ms cold) and the class file API's first transform (about 50 ms).
     * Nothing is defined or run.
     */
    static void warmUp() {
        try (InputStream in = StopSignal.class.getResourceAsStream("StopSignal.class")) {
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(command)) {
                out.writeObject(new ClassBytecodes[] {new ClassBytecodes(StopSignal.class.getName(), in.readAllBytes())});
            }
            try (ObjectInputStream decoded = new ObjectInputStream(new ByteArrayInputStream(command.toByteArray()))) {
                for (ClassBytecodes c : (ClassBytecodes[]) decoded.readObject()) {
                    new StopInstrumenter().instrument(c.bytecodes());
                }
            }
        } catch (IOException | ClassNotFoundException | RuntimeException ignored) {
            // Only a warm-up: the first cell then pays for it, as it would have.
        }
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(), instrumenter.instrument(c.bytecodes())))
                .toArray(ClassBytecodes[]::new));
    }

    /**
     * The host's own commands ({@link AgentProtocol#BOOT_COMMAND}, {@link AgentProtocol#VALUE_BUNDLE_COMMAND});
     * JShell's go to the default.
     */
    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException,
            InternalException {
        if (AgentProtocol.BOOT_COMMAND.equals(command)) {
            return MachineBooter.boot(arg);
        }
        if (AgentProtocol.VALUE_BUNDLE_COMMAND.equals(command)) {
            return valueBundle();
        }
        return super.extensionCommand(command, arg);
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, InternalException, EngineTerminationException {
        boolean stopBeforeStart;
        synchronized (lock) {
            long seq = ++received;
            running = seq;
            stopRequested = pendingStop == seq;
            stopBeforeStart = stopRequested;
            StopSignal.reset();
        }
        lastValue = null;
        try {
            if (stopBeforeStart) {
                throw new StoppedException();
            }
            return super.invoke(className, methodName);
        } finally {
            synchronized (lock) {
                running = -1;
                cellThread = null;
            }
        }
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        String[] value = new String[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = Thread.ofPlatform().group(cells).name("pageframe-cell").unstarted(() -> {
            try {
                // The value's toString is cell code too: it runs here, where it can be interrupted.
                Object result = doit.invoke(null);
                lastValue = result; // read by the command thread after the join below
                value[0] = valueString(result);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        // Libraries that load classes through the context loader must see the cell's classes.
        thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        synchronized (lock) {
            cellThread = thread;
            thread.start();
            if (stopRequested) {
                // The stop arrived between the invoke command and the thread's start.
                thread.interrupt();
            }
        }
        thread.join();
        if (failure[0] instanceof Exception e) {
            // Usually InvocationTargetException wrapping what the cell threw (CellStoppedError
            // when an interrupt stopped it); DirectExecutionControl converts it for the host.
            throw e;
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        return value[0];
    }

    /**
     * The last invoke's value as a MIME bundle in JSON, or null when it has none. Runs on the command thread: the
     * bundle is drawn by Pageframe's own chart code, not by the cell's.
     */
    private String valueBundle() throws InternalException {
        Object value = lastValue;
        if (value == null) {
            return null;
        }
        if (valueBundles == null) {
            valueBundles = ServiceLoader.load(ValueBundles.class, CellRunner.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new InternalException(
                            "no " + ValueBundles.class.getName() + " on the agent's class path"));
        }
        Map<String, ?> bundle;
        try {
            bundle = valueBundles.bundleFor(value);
        } catch (RuntimeException e) {
            // A chart whose data cannot be drawn (a cell can build any): the host shows the value as text.
            return null;
        }
        return bundle == null ? null : EventChannel.json(bundle);
    }

    /** Whether a thread runs cell code (rather than the agent's own machinery). */
    boolean isCellThread(Thread thread) {
        return thread.isVirtual() || thread.getThreadGroup() == cells;
    }

    /** Called from the control thread: stop the given invoke now, or when it arrives. */
    void requestStop(long invokeSeq) {
        synchronized (lock) {
            if (invokeSeq == running) {
                stopRequested = true;
                StopSignal.raise();
                if (cellThread != null) {
                    cellThread.interrupt();
                }
            } else if (invokeSeq > received) {
                pendingStop = invokeSeq;
            }
        }
    }
}
