package org.ssekit.bench.jmh;

import org.openjdk.jmh.infra.Blackhole;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.Transport;

/** A transport that is always ready and hands the bytes to a blackhole: the broadcast path minus the socket. */
final class NullTransport implements Transport {
    private final Blackhole sink;

    NullTransport(Blackhole sink) {
        this.sink = sink;
    }

    @Override
    public void start(OutboundStream stream) {
        stream.onWritable(); // always writable: the first write-possible callback comes at once
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        sink.consume(bytes);
    }

    @Override
    public void flush() {
        sink.consume(this);
    }

    @Override
    public void close() {
        sink.consume(this);
    }
}
