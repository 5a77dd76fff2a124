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

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.ssekit.EventLog;
import org.ssekit.SseEvent;
import org.ssekit.StreamClosedException;

/**
 * Resume from a Last-Event-ID, in one place: the replay-to-live hand-off and the reset event.
 *
 * <p>A resuming stream joins the fan-out first and learns the id this node has delivered up to
 * then ({@code upTo}); it asks the log for what it missed after its own id up to {@code upTo},
 * asynchronously, while live events after {@code upTo} wait on its {@link Subscription}. The
 * hand-off queues the backlog, then what waited: nothing is missed or repeated, and no lock is
 * held across the log's I/O.
 *
 * <p>When the id is unknown or expired, or the client missed more than the scan bound or its
 * queue allows, it gets the reset event instead, carrying the id of where it now stands:
 * <pre>
 * id: &lt;newest id, if any&gt;
 * event: reset
 * data: {"reason":"unknown-or-expired-last-event-id"}     (or "too-many-missed-events")
 * </pre>
 */
public final class Resume {
    /** The default name of the reset event. */
    public static final String DEFAULT_RESET_EVENT = "reset";
    static final String UNKNOWN_ID = "{\"reason\":\"unknown-or-expired-last-event-id\"}";
    static final String TOO_MANY_MISSED = "{\"reason\":\"too-many-missed-events\"}";
    private static final System.Logger LOG = System.getLogger(Resume.class.getName());

    private final EventLog log;
    private final String resetEvent;
    private final int maxScan;
    private final Counters counters;

    Resume(EventLog log, String resetEvent, int maxScan, Counters counters) {
        this.log = log;
        this.resetEvent = resetEvent;
        this.maxScan = maxScan;
        this.counters = counters;
    }

    /** Replays what {@code sub}'s client missed after {@code lastEventId}, then lets it go live. */
    void catchUp(Subscription sub, String lastEventId, CompletionStage<String> upTo) {
        upTo.thenCompose(h -> log.replay(sub.keys, lastEventId, h, maxScan)
                        .thenAccept(replay -> handOff(sub, lastEventId, h, replay)))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        // The log cannot say what was missed: end the stream, so the client comes
                        // back with the same id later instead of silently skipping events.
                        LOG.log(System.Logger.Level.DEBUG, "replay failed, closing the stream: {0}",
                                String.valueOf(failure));
                        if (sub.stream instanceof OutboundStream out) {
                            out.abort(new StreamClosedException("event log unavailable for replay", failure));
                        } else {
                            sub.stream.close();
                        }
                    }
                });
    }

    private void handOff(Subscription sub, String lastEventId, String upTo, EventLog.Replay replay) {
        if (!replay.isKnown() && !replay.isTruncated()) {
            LOG.log(System.Logger.Level.DEBUG, "unknown or expired Last-Event-ID ({0} chars)", lastEventId.length());
            sub.handOff(log, null, dropped -> reset(UNKNOWN_ID, dropped != null ? dropped : upTo));
            return;
        }
        sub.handOff(log, lastEventId, dropped -> {
            if (replay.isTruncated() || dropped != null) {
                return reset(TOO_MANY_MISSED, dropped != null ? dropped : upTo);
            }
            List<SseEvent> missed = replay.events();
            if (!fits(sub, missed)) {
                // Queued whole, the backlog would cut the client off as a slow consumer, and it
                // would come back with the same id forever.
                LOG.log(System.Logger.Level.DEBUG, "{0} missed events exceed the stream''s queue", missed.size());
                return reset(TOO_MANY_MISSED, upTo);
            }
            counters.replayed();
            return missed;
        });
    }

    private static boolean fits(Subscription sub, List<SseEvent> missed) {
        if (!(sub.stream instanceof OutboundStream out) || missed.isEmpty()) {
            return true;
        }
        long bytes = 0;
        for (SseEvent e : missed) {
            bytes += EventEncoder.encode(e).length;
        }
        return out.canQueue(missed.size(), bytes);
    }

    /** The reset event, carrying {@code id} (where the client now stands) when there is one. */
    private List<SseEvent> reset(String reason, String id) {
        counters.reset();
        SseEvent.Builder reset = SseEvent.builder().event(resetEvent).data(reason);
        if (id != null) {
            reset.id(id);
        }
        return List.of(reset.build());
    }
}
