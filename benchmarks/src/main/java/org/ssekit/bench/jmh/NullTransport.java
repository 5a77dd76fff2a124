/*
 * Copyright 2026 the ssekit authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
