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
}
