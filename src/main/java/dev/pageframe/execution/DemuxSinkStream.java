package dev.pageframe.execution;

import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A stream JShell's demultiplexer writes one channel into, turning the bytes into values for a
 * sink. Every single byte goes through the array path, so a subclass decodes in one place.
 */
abstract class DemuxSinkStream<T> extends OutputStream {
    protected final Consumer<T> sink;

    DemuxSinkStream(Consumer<T> sink) {
        this.sink = sink;
    }

    @Override
    public final void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public abstract void write(byte[] bytes, int offset, int length);
}
