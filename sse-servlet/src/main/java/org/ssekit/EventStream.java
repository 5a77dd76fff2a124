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
package org.ssekit;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One open connection to one client, carrying events in the order they were sent.
 *
 * <p>Sending never blocks: the event is encoded once, queued in the connection's bounded
 * queue and written by ssekit's writer threads through the non-blocking I/O of the container.
 * The returned stage completes once the container has taken and flushed the event's bytes, and
 * fails with a {@link StreamClosedException} when the connection is gone or the queue was full.
 *
 * <p>The contract of the stages:
 * <ul>
 * <li>every stage completes exactly once;
 * <li>stages complete in send order, also on failure: when the stream ends, the stages of the
 *     frames being written fail first, then those still queued; a send refused while earlier
 *     ones are pending fails after them;
 * <li>all stages are complete before the {@link #onClose} callbacks run;
 * <li>{@code send} may be called from a stage's callback: it queues and returns, it does not
 *     write on that thread nor recurse.
 * </ul>
 * Stages complete on the writer thread that finished the write (or on the thread that ended the
 * stream); keep their callbacks short.
 *
 * <p>What the client receives for {@code stream.send(SseEvent.of("tick", "12:00:01"))}:
 * <pre>
 * event: tick\n
 * data: 12:00:01\n
 * \n
 * </pre>
 *
 * <p>Thread safety: all methods may be called from any thread; events sent from one thread
 * reach the client in that order.
 */
public interface EventStream extends AutoCloseable {

    /** Queues an event; see the class comment for when the stage completes. */
    CompletionStage<Void> send(SseEvent event);

    /** Queues a comment, written as {@code : text\n} lines; clients ignore it. */
    default CompletionStage<Void> comment(String text) {
        return send(SseEvent.comment(text));
    }

    /**
     * Ends the stream after the events already queued: the response completes normally and
     * a browser reconnects after its retry delay. Idempotent.
     */
    @Override
    void close();

    /** True until the stream has been closed, failed or the client went away. */
    boolean isOpen();

    /**
     * Runs {@code callback} once when the stream ends, for whatever reason; at once when it
     * has ended already.
     */
    void onClose(Runnable callback);

    /**
     * The Last-Event-ID the client sent when it connected (header, or the configured query
     * parameter as a fallback); empty when it sent none or an empty one.
     */
    Optional<String> lastEventId();
}
