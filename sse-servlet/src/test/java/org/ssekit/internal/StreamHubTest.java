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

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/** The endpoint's figures that {@link StreamHub} reads from its streams. */
class StreamHubTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    @Test
    void queuedFramesCountsWhatTheOpenStreamsHoldUnflushedAndNothingOnceDrainedOrEnded() {
        try (StreamHub hub = new StreamHub(SseConfig.defaults())) {
            OutboundStream s = new OutboundStream(transport, SseConfig.defaults(), null, hub.counters(),
                    ScriptedTransport.INLINE);
            transport.attach(s);
            assertThat(hub.tryAdmit()).isTrue();
            hub.register(s);
            s.begin(); // the container has not called onWritePossible yet: nothing leaves the queue
            for (int i = 0; i < 3; i++) {
                s.send(SseEvent.of("e" + i));
            }
            assertThat(hub.counters().getQueuedFrames()).as("three events queued").isEqualTo(3);

            transport.becomeReady();
            assertThat(transport.text()).isEqualTo("data: e0\n\ndata: e1\n\ndata: e2\n\n");
            assertThat(hub.counters().getQueuedFrames()).as("all written and flushed").isZero();
            assertThat(hub.counters().getEventsDelivered()).isEqualTo(3);

            transport.stallAfterEachOperation(true);
            s.send(SseEvent.of("w")); // written, then the transport stops being ready before the flush
            s.send(SseEvent.of("q")); // queued behind it
            assertThat(hub.counters().getQueuedFrames()).as("one in flight, one queued").isEqualTo(2);

            s.abort(new java.io.IOException("connection reset"));
            assertThat(hub.counters().getQueuedFrames()).as("an ended stream holds nothing").isZero();
            assertThat(hub.openCount()).isZero();
        }
    }
}
