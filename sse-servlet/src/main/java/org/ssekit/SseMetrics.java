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

/**
 * Running figures of one endpoint: streams, events, slow consumers, resumes. Also registered
 * as a JMX MBean ({@code org.ssekit:type=SseMetrics,name=...}) by the servlet binding.
 *
 * <p>Thread safety: every getter may be called from any thread; figures are read without
 * locking, so a set of them is not one atomic snapshot.
 */
public interface SseMetrics {
    /** Streams open now. */
    long getOpenStreams();

    /** Events published through a {@link Broadcaster}. */
    long getEventsPublished();

    /** Events (not heartbeats) whose bytes were flushed to a client, counted per client. */
    long getEventsDelivered();

    /** Streams closed because their queue was full. */
    long getSlowConsumersDisconnected();

    /** Reconnects that were sent the events they missed. */
    long getReplays();

    /** Reconnects whose Last-Event-ID was unknown or expired, and were sent the reset event. */
    long getResets();

    /**
     * Frames (events, heartbeats, the opening frame) queued on open streams and not yet
     * flushed, summed over the streams when read: reading it takes each open stream's lock once,
     * so that queueing and writing a frame count nothing; meant for scrapes, not a hot loop.
     */
    default long getQueuedFrames() {
        return 0;
    }

    /**
     * The health of the shared store: true while the event log of every open broadcaster that
     * counts here ({@code Broadcaster.Builder.metrics}) reaches its store, false while one does
     * not (Redis down: its publishes fail, its streams stay open). Always true for in-memory logs.
     * The JMX attribute {@code EventLogConnected}.
     */
    default boolean isEventLogConnected() {
        return true;
    }
}
