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
package org.ssekit.bench.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.ssekit.Broadcaster;
import org.ssekit.EventLog;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.redis.RedisEventLog;
import org.ssekit.servlet.SseStreams;

/**
 * ssekit through its servlet binding: {@link SseStreams} opens, {@link Broadcaster} fans out.
 * {@code publish} returns as soon as the event is handed to the log (with the in-memory log it
 * is then queued on every subscriber on the publishing thread; with the Redis log the node's
 * reader feeds it to the fan-out once Redis has it); the writer threads do the socket I/O
 * afterwards, so the benchmark judges delivery only by what the clients receive.
 */
final class SsekitServletStack implements ServerUnderTest {
    private static final String CHANNEL = "bench";
    private final Supplier<EventLog> log;
    private final AtomicLong failures = new AtomicLong();
    private SseStreams streams;
    private Broadcaster broadcaster;

    /** The servlet binding on its default, in-memory log. */
    SsekitServletStack() {
        this(EventLog::inMemory);
    }

    private SsekitServletStack(Supplier<EventLog> log) {
        this.log = log;
    }

    /** The servlet binding on a Redis log: {@code -Dbench.redis.uri} and {@code -Dbench.redis.stream}. */
    static SsekitServletStack onRedis() {
        String uri = System.getProperty(Stacks.REDIS_URI);
        if (uri == null) {
            throw new IllegalStateException("the ssekit-redis stack needs -D" + Stacks.REDIS_URI);
        }
        return new SsekitServletStack(() -> RedisEventLog.builder().uri(uri)
                .stream(System.getProperty(Stacks.REDIS_STREAM, "bench")).build());
    }

    @Override
    public void install(ServletContextHandler context, Duration heartbeat) {
        streams = SseStreams.create(SsekitQueues.apply(SseConfig.builder().heartbeat(heartbeat)).build());
        broadcaster = Broadcaster.builder().eventLog(log.get()).metrics(streams.metrics()).build();
        ServletHolder holder = new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                streams.subscribe(req, resp, broadcaster, List.of(CHANNEL));
            }
        });
        holder.setAsyncSupported(true);
        context.addServlet(holder, PATH);
    }

    @Override
    public void publish(long seq, String data) {
        broadcaster.publish(CHANNEL, SseEvent.of(data)).whenComplete((r, e) -> {
            if (e != null) {
                failures.incrementAndGet();
            }
        });
    }

    @Override
    public long publishFailures() {
        return failures.get();
    }

    @Override
    public int connections() {
        return streams.openStreams();
    }

    @Override
    public void stop() {
        broadcaster.close();
        streams.close();
    }
}
