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
package org.ssekit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ssekit.EventLog;
import org.ssekit.EventStream;
import org.ssekit.SseEvent;

/**
 * One stream's place in a {@link FanOut}: the keys (channels, user) it receives, and how far it
 * has caught up. A stream that resumes from a Last-Event-ID joins the fan-out at once, before
 * its replay is known; the live events it gets meanwhile wait here, and the hand-off puts the
 * replay first ({@link Resume}). Only the fan-out's delivering thread calls {@link #offer};
 * the hand-off may run on any thread: the two exclude each other on this object's monitor,
 * which guards queue operations only, never I/O or user code.
 */
final class Subscription {
    /** Where a subscription stands between its replay and live delivery. */
    enum Stage {
        /** Its replay is under way: live events wait in {@link #waiting}. */
        REPLAYING,
        /**
         * Live, but this node has not yet delivered the id the client resumed from (the client
         * came from a node that was ahead): live events up to that id are dropped as duplicates.
         */
        SKIPPING,
        /** Every event goes straight to the stream. */
        LIVE
    }

    final EventStream stream;
    final Set<String> keys;
    private final int maxWaiting;
    private volatile Stage stage;
    // Guarded by this while the stage is not LIVE.
    private List<SseEvent> waiting;
    private String lastDropped;
    private String skipThrough;
    private EventLog log;

    Subscription(EventStream stream, Set<String> keys, boolean resuming, int maxWaiting) {
        this.stream = stream;
        this.keys = keys;
        this.maxWaiting = maxWaiting;
        this.stage = resuming ? Stage.REPLAYING : Stage.LIVE;
        this.waiting = resuming ? new ArrayList<>() : null;
    }

    /**
     * Delivers one live event (with its frame); true when the stream took it or holds it for
     * later. A stream the frame makes ready goes to {@code ready}, which the caller flushes.
     */
    boolean offer(byte[] frame, SseEvent event, Writers.Ready ready) {
        if (stage == Stage.LIVE) {
            return send(stream, frame, event, ready);
        }
        synchronized (this) {
            switch (stage) {
                case REPLAYING -> {
                    if (waiting.size() < maxWaiting) {
                        waiting.add(event);
                    } else {
                        lastDropped = event.id().orElse(lastDropped);
                    }
                    return stream.isOpen();
                }
                case SKIPPING -> {
                    if (log.compare(event.id().orElseThrow(), skipThrough) <= 0) {
                        return stream.isOpen(); // the client has it already
                    }
                    stage = Stage.LIVE;
                    skipThrough = null;
                    return send(stream, frame, event, ready);
                }
                default -> {
                    return send(stream, frame, event, ready);
                }
            }
        }
    }

    /**
     * Ends the replay: queues {@code first} (the backlog or the reset event), then what arrived
     * meanwhile, and goes live. When more arrived than fit the wait list, the client gets the
     * reset event instead of the backlog, carrying the id of the last event it did not get.
     *
     * @param resumedFrom the client's Last-Event-ID, when it is known to this log
     * @param backlogOrReset computes what to send first, given the id of the newest dropped
     *        live event (null when none was dropped)
     */
    void handOff(EventLog log, String resumedFrom, Function<String, List<SseEvent>> backlogOrReset) {
        synchronized (this) {
            List<SseEvent> first = backlogOrReset.apply(lastDropped);
            for (SseEvent e : first) {
                send(stream, EventEncoder.encode(e), e);
            }
            boolean passedClient = resumedFrom == null;
            for (SseEvent e : waiting) {
                String id = e.id().orElseThrow();
                if (lastDropped != null) {
                    continue; // the reset said where the client stands; what waited is older
                }
                if (resumedFrom != null && log.compare(id, resumedFrom) <= 0) {
                    continue; // the client saw it on another node
                }
                send(stream, EventEncoder.encode(e), e);
                passedClient = true;
            }
            waiting = null;
            if (!passedClient && lastDropped == null && first.isEmpty()) {
                // Nothing newer than the client's id went out: this node may still lag behind it.
                this.log = log;
                this.skipThrough = resumedFrom;
                stage = Stage.SKIPPING;
            } else {
                stage = Stage.LIVE;
            }
        }
    }

    /** Queues the encoded event on an ssekit stream; any other stream gets it through send. */
    static boolean send(EventStream stream, byte[] frame, SseEvent event) {
        return send(stream, frame, event, null);
    }

    /** {@link #send(EventStream, byte[], SseEvent)}, handing a stream it makes ready to {@code ready} (null: at once). */
    private static boolean send(EventStream stream, byte[] frame, SseEvent event, Writers.Ready ready) {
        if (stream instanceof OutboundStream out) {
            return out.enqueue(frame, null, ready);
        }
        stream.send(event);
        return stream.isOpen();
    }
}
