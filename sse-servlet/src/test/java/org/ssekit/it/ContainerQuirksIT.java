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
package org.ssekit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.EventStream;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.servlet.SseStreams;

/**
 * The two container quirks as settings, on real embedded Jetty (which has neither): with
 * {@code doubleFirstFlush} the stream's first flush reaches the container twice and later ones
 * once; with {@code blockingWrites} every write runs on a blocking-writer thread, never on a
 * sender's or a shared writer's. The container's own output stream is wrapped to count, nothing
 * of it is replaced.
 */
class ContainerQuirksIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private TestServer server;

    /** The container's output, counting flushes and noting the writing threads. */
    private static final class CountingOutput extends ServletOutputStream {
        final ServletOutputStream real;
        final AtomicInteger flushes = new AtomicInteger();
        final List<String> writers = new CopyOnWriteArrayList<>();

        CountingOutput(ServletOutputStream real) {
            this.real = real;
        }

        @Override
        public boolean isReady() {
            return real.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            real.setWriteListener(listener);
        }

        @Override
        public void write(int b) throws IOException {
            real.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writers.add(Thread.currentThread().getName());
            real.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            flushes.incrementAndGet();
            real.flush();
        }
    }

    /** Opens a stream on a response whose output counts. */
    private static final class CountingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        final transient SseStreams streams;
        final transient List<CountingOutput> outputs = new CopyOnWriteArrayList<>();
        final transient List<EventStream> opened = new CopyOnWriteArrayList<>();

        CountingServlet(SseConfig config) {
            this.streams = SseStreams.create(config);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            HttpServletResponse counted = new HttpServletResponseWrapper(response) {
                private CountingOutput out;

                @Override
                public synchronized ServletOutputStream getOutputStream() throws IOException {
                    if (out == null) {
                        out = new CountingOutput(super.getOutputStream());
                        outputs.add(out);
                    }
                    return out;
                }
            };
            streams.open(request, counted).ifPresent(opened::add);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private CountingServlet start(SseConfig config) throws Exception {
        CountingServlet servlet = new CountingServlet(config);
        server = new TestServer().servlet("/events", servlet, Map.of()).start();
        return servlet;
    }

    @Test
    void doubleFirstFlushSendsTheFirstFlushTwiceAndLaterOnesOnce() throws Exception {
        for (boolean twice : new boolean[] {true, false}) {
            CountingServlet servlet = start(SseConfig.builder().heartbeat(Duration.ZERO).doubleFirstFlush(twice).build());
            try (RawClient c = RawClient.get(server.port(), "/events")) {
                assertThat(c.readUntil(":\n", WAIT)).isEqualTo(":\n");
                CountingOutput out = servlet.outputs.get(0);
                assertThat(out.flushes.get()).as("first flush, doubleFirstFlush=%s", twice).isEqualTo(twice ? 2 : 1);
                servlet.opened.get(0).send(SseEvent.of("x")).toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(c.readUntil("data: x\n\n", WAIT)).endsWith("data: x\n\n");
                assertThat(out.flushes.get()).as("a later flush, doubleFirstFlush=%s", twice).isEqualTo(twice ? 3 : 2);
            }
            servlet.streams.close();
            server.stop();
        }
    }

    @Test
    void blockingWritesRunOnTheBlockingWriterPool() throws Exception {
        for (boolean blocking : new boolean[] {true, false}) {
            CountingServlet servlet = start(SseConfig.builder().heartbeat(Duration.ZERO).blockingWrites(blocking).build());
            try (RawClient c = RawClient.get(server.port(), "/events")) {
                c.readUntil(":\n", WAIT);
                for (int i = 0; i < 5; i++) {
                    servlet.opened.get(0).send(SseEvent.of("e" + i)).toCompletableFuture().get(5, TimeUnit.SECONDS);
                }
                c.readUntil("data: e4\n\n", WAIT);
                List<String> writers = servlet.outputs.get(0).writers;
                String sender = Thread.currentThread().getName();
                if (blocking) {
                    // Every write, also one resumed by the container's write-possible callback,
                    // runs on the blocking pool: no container thread waits on a stalled client.
                    assertThat(writers).as("blockingWrites=true").isNotEmpty()
                            .allSatisfy(name -> assertThat(name).startsWith("ssekit-blocking-writer-"));
                } else {
                    // On a shared writer, or on the container's own callback thread (a writer resumed
                    // there takes what was queued meanwhile, so a run may see only that one); never
                    // the blocking pool, never the sender's.
                    assertThat(writers).as("blockingWrites=false").isNotEmpty()
                            .noneSatisfy(name -> assertThat(name).startsWith("ssekit-blocking-writer-"))
                            .noneMatch(sender::equals)
                            .allSatisfy(name -> assertThat(name).matches("ssekit-writer-.*|qtp.*"));
                }
            }
            servlet.streams.close();
            server.stop();
        }
    }
}
