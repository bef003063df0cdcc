package dev.pageframe.execution;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the UTF-8 bytes of a cell's stdout or stderr into text chunks. JShell's multiplexer cuts
 * streams into 127-byte packets, so a character may be split across writes; the decoder keeps the
 * partial bytes until the rest arrives. Never throws: it runs on JShell's demultiplexer thread,
 * whose death would end the session.
 */
final class TextDecodingStream extends DemuxSinkStream<String> {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    TextDecodingStream(Consumer<String> sink) {
        super(sink);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        ByteBuffer input = ByteBuffer.allocate(pending.remaining() + length);
        input.put(pending).put(bytes, offset, length).flip();
        CharBuffer chars = CharBuffer.allocate(input.remaining());
        decoder.decode(input, chars, false);
        pending = input.slice();
        chars.flip();
        if (chars.hasRemaining()) {
            sink.accept(chars.toString());
        }
    }
}
