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
package org.ssekit.jaxrs;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import org.ssekit.Broadcaster;
import org.ssekit.PublishResult;
import org.ssekit.jaxrs.internal.EventConversion;
import org.ssekit.jaxrs.internal.StreamSink;

/**
 * The {@link SseBroadcaster} of one channel, backed by the ssekit {@link Broadcaster} and its
 * event log; made by {@link SseKitFeature#newBroadcaster(String)}.
 *
 * <pre>
 * &#64;GET &#64;Produces(MediaType.SERVER_SENT_EVENTS)
 * public void subscribe(&#64;Context SseEventSink sink) {
 *     news.register(sink);              // replays what the client missed, then goes live
 * }
 *
 * news.broadcast(sse.newEventBuilder().name("headline").data("Rain")
 *         .build());                    // -&gt; "id: 17\nevent: headline\ndata: Rain\n\n"
 * </pre>
 * Each broadcast event is logged under a new id (an id set on the event is replaced), encoded
 * once, and queued on every registered sink without waiting for any of them. A sink whose
 * client sent {@code Last-Event-ID} gets the events it missed first; one with an unknown or
 * expired id gets the reset event ({@link org.ssekit.SseConfig#resetEvent()}). A sink whose
 * queue overflows is closed (it reconnects and resumes); a closed sink is removed.
 *
 * <p>Thread safety: safe for concurrent use; events broadcast from one thread reach each sink
 * in that order.
 */
public final class ChannelBroadcaster implements SseBroadcaster {
    private final Broadcaster broadcaster;
    private final String channel;
    private final EventConversion conversion;
    private final Set<StreamSink> sinks = ConcurrentHashMap.newKeySet();
    private final List<Consumer<SseEventSink>> closeListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<SseEventSink, Throwable>> errorListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ChannelBroadcaster(Broadcaster broadcaster, String channel, EventConversion conversion) {
        this.broadcaster = broadcaster;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.conversion = conversion;
        broadcaster.subscribers(channel); // validates the channel name
    }

    public String channel() {
        return channel;
    }

    /**
     * Registers {@code sink}, first replaying the events after the client's Last-Event-ID (the
     * header, or the configured query parameter) on this channel. Registering twice has no effect.
     *
     * @throws IllegalStateException when this broadcaster is closed
     * @throws IllegalArgumentException when {@code sink} was not opened by {@link SseKitFeature}
     */
    @Override
    public void register(SseEventSink sink) {
        StreamSink ours = StreamSink.of(sink);
        if (closed) {
            throw new IllegalStateException("broadcaster for channel '" + channel + "' is closed");
        }
        if (!sinks.add(ours)) {
            return;
        }
        ours.onEnd(failure -> ended(ours, failure));
        broadcaster.subscribe(ours.stream(), List.of(channel));
        if (closed) {
            ours.close();
        }
    }

    private void ended(StreamSink sink, Throwable failure) {
        if (!sinks.remove(sink)) {
            return;
        }
        if (failure != null) {
            errorListeners.forEach(l -> l.accept(sink, failure));
        }
        closeListeners.forEach(l -> l.accept(sink));
    }

    /**
     * Publishes {@code event} to this channel. Returns at once; the stage completes when the event
     * is logged and queued on this node's live sinks, with its id and how many sinks took it, or
     * fails when the event log could not record it.
     *
     * @throws IllegalStateException when this broadcaster is closed
     * @throws IllegalArgumentException when the event cannot be framed; nothing is published
     */
    @Override
    public CompletionStage<PublishResult> broadcast(OutboundSseEvent event) {
        if (closed) {
            throw new IllegalStateException("broadcaster for channel '" + channel + "' is closed");
        }
        return broadcaster.publish(channel, conversion.toSseEvent(event));
    }

    /** Sinks registered now. */
    public int size() {
        return sinks.size();
    }

    /** {@code listener} is told about each sink that ended, for any reason, once. */
    @Override
    public void onClose(Consumer<SseEventSink> listener) {
        closeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * {@code listener} is told about each sink that ended because a write failed or the
     * connection broke, before the close listeners.
     */
    @Override
    public void onError(BiConsumer<SseEventSink, Throwable> listener) {
        errorListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Closes every registered sink after the events already queued on it, and refuses later
     * registrations and broadcasts. Idempotent. The channel's log stays, so clients resume
     * wherever they reconnect.
     */
    @Override
    public void close() {
        close(true);
    }

    /** Refuses later registrations and broadcasts; with {@code cascading}, also closes the sinks. */
    @Override
    public void close(boolean cascading) {
        closed = true;
        if (cascading) {
            for (StreamSink sink : List.copyOf(sinks)) {
                sink.close();
            }
        }
    }
}
