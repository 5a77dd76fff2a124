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
