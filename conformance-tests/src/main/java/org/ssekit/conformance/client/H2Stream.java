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
package org.ssekit.conformance.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP/2 stream of an {@link H2Session}: its response head and the events parsed
 * from its DATA frames.
 *
 * <p>Thread-safe: Jetty delivers frames on its threads, any thread may query and wait.
 */
public final class H2Stream {
    private final WireLog log;
    private final String label;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<MessageEvent> events = new ArrayList<>();
    private final EventStreamParser parser = new EventStreamParser(new EventStreamParser.Listener() {
        @Override
        public void onEvent(MessageEvent event) {
            events.add(event);
        }

        @Override
        public void onComment(String comment) {
            comments.add(comment);
        }
    });
    private final List<String> comments = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ResponseHead head;
    private boolean ended;
    private String endReason = "";
    private boolean stalled;
    private Stream stream;

    H2Stream(WireLog log, String label, boolean stalled) {
        this.log = log;
        this.label = label;
        this.stalled = stalled;
    }

    /** The DATA bytes received so far, as sent. */
    public byte[] body() {
        lock.lock();
        try {
            return body.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /** The comments (heartbeats) received so far, without their colon. */
    public List<String> comments() {
        lock.lock();
        try {
            return List.copyOf(comments);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the stream has ended (END_STREAM, RST_STREAM or failure). */
    public boolean ended() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** How the stream ended ({@code END_STREAM}, {@code RST_STREAM ...}); empty while open. */
    public String endReason() {
        lock.lock();
        try {
            return endReason;
        } finally {
            lock.unlock();
        }
    }

    /** Starts reading a stream opened stalled; does nothing otherwise. */
    public void resume() {
        Stream toDemand;
        lock.lock();
        try {
            if (!stalled) {
                return;
            }
            stalled = false;
            toDemand = stream;
        } finally {
            lock.unlock();
        }
        log.note(label, "resumes reading");
        if (toDemand != null) {
            toDemand.demand();
        }
    }

    /** Waits until the stream ended. */
    public boolean awaitEnd(Duration timeout) {
        return awaitCondition(() -> ended, timeout);
    }

    /** Waits until at least {@code count} comments arrived. */
    public boolean awaitComments(int count, Duration timeout) {
        return awaitCondition(() -> comments.size() >= count, timeout);
    }

    /** Waits until at least {@code count} events arrived; false at the timeout or once the stream ended short. */
    public boolean awaitEvents(int count, Duration timeout) {
        return awaitCondition(() -> events.size() >= count || ended, timeout) && events() >= count;
    }

    private int events() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The response head. */
    public ResponseHead head() {
        lock.lock();
        try {
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** The data of the events received so far. */
    public List<String> eventData() {
        lock.lock();
        try {
            return events.stream().map(MessageEvent::data).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until an event with this data arrived. */
    public boolean awaitData(String data, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (events.stream().noneMatch(event -> event.data().equals(data))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    void awaitHead(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (head == null) {
                long left = deadline - System.nanoTime();
                if (ended) {
                    throw new IOException("HTTP/2 stream ended without a usable response head: " + endReason);
                }
                if (left <= 0) {
                    throw new IOException("no HTTP/2 response head within " + timeout.toMillis() + " ms");
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    Stream.Listener listener() {
        return new Stream.Listener() {
            @Override
            public void onHeaders(Stream stream, HeadersFrame frame) {
                if (frame.getMetaData() instanceof MetaData.Response response) {
                    onHead(response);
                }
                if (frame.isEndStream()) {
                    onEnd("END_STREAM on HEADERS");
                } else if (!holdBack(stream)) {
                    stream.demand();
                }
            }

            @Override
            public void onDataAvailable(Stream stream) {
                Stream.Data data = stream.readData();
                if (data == null) {
                    stream.demand();
                    return;
                }
                onData(data.frame().getByteBuffer());
                boolean last = data.frame().isEndStream();
                data.release();
                if (last) {
                    onEnd("END_STREAM");
                } else {
                    stream.demand();
                }
            }

            @Override
            public void onReset(Stream stream, ResetFrame frame, Callback callback) {
                onEnd("RST_STREAM " + frame.getError());
                callback.succeeded();
            }

            @Override
            public void onFailure(Stream stream, int error, String reason, Throwable failure, Callback callback) {
                onEnd("failed: " + ErrorCode.toString(error, "error " + error) + " "
                        + (failure == null || failure.getMessage() == null ? String.valueOf(reason) : failure.getMessage()));
                callback.succeeded();
            }
        };
    }

    /** Remembers the stream; true when it is stalled, so nothing is demanded until resume. */
    private boolean holdBack(Stream opened) {
        lock.lock();
        try {
            stream = opened;
            return stalled;
        } finally {
            lock.unlock();
        }
    }

    private void onHead(MetaData.Response response) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (HttpField field : response.getHttpFields()) {
            fields.add(Map.entry(field.getName(), field.getValue()));
        }
        ResponseHead received = new ResponseHead("HTTP/2", response.getStatus(), fields);
        log.received(label, "HEADERS " + received.describe().replace("\n", " | "));
        lock.lock();
        try {
            head = received;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onData(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        log.receivedBytes(label, bytes, 0, bytes.length);
        lock.lock();
        try {
            body.write(bytes, 0, bytes.length);
            parser.feed(bytes, 0, bytes.length);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onEnd(String reason) {
        log.note(label, "stream ended: " + reason);
        lock.lock();
        try {
            ended = true;
            endReason = reason;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
