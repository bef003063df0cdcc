package dev.pageframe.notebook;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/** A stream that fails with the given error once more than {@code limit} bytes would go through it. */
final class BoundedOutputStream extends FilterOutputStream {
    private final long limit;
    private final Supplier<IOException> overLimit;
    private long written;

    BoundedOutputStream(OutputStream out, long limit, Supplier<IOException> overLimit) {
        super(out);
        this.limit = limit;
        this.overLimit = overLimit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(long n) throws IOException {
        written += n;
        if (written > limit) {
            throw overLimit.get();
        }
    }
}
