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

import org.ssekit.SseConfig;

/**
 * The per-stream queue bound both ssekit stacks run with: 1 MiB of frames (ssekit's default,
 * and the raw stack's cap), with the event-count bound raised from its default of 1,000 to
 * 10,000, so that, like raw, only bytes bound a backlog. A burst of a few thousand small events
 * then queues instead of disconnecting the clients as slow consumers.
 */
final class SsekitQueues {
    static final int MAX_QUEUED_EVENTS = 10_000;
    static final long MAX_QUEUED_BYTES = 1L << 20;

    private SsekitQueues() {
    }

    static SseConfig.Builder apply(SseConfig.Builder b) {
        return b.maxQueuedEvents(MAX_QUEUED_EVENTS).maxQueuedBytes(MAX_QUEUED_BYTES);
    }
}
