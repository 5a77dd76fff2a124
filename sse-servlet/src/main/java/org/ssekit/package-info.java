/**
 * The core of ssekit: events, streams and their configuration, free of any container type.
 *
 * <h2>Events</h2>
 * An {@link org.ssekit.SseEvent} is an immutable value; its builder rejects values that would
 * break the framing. It is encoded once to UTF-8 and the same bytes go to every client:
 * <pre>
 * SseEvent.builder().id("7").event("chat").data("hi\nthere").build()
 *   -&gt;  "id: 7\nevent: chat\ndata: hi\ndata: there\n\n"
 * </pre>
 *
 * <h2>Streams</h2>
 * An {@link org.ssekit.EventStream} is one client connection. {@code send} never blocks; its
 * stage completes when the bytes were flushed. Each stream has a bounded queue
 * ({@link org.ssekit.SseConfig#maxQueuedEvents()}, {@link org.ssekit.SseConfig#maxQueuedBytes()});
 * a consumer that falls that far behind is disconnected, so it reconnects and resumes.
 * Idle streams get a {@code :} comment line every {@link org.ssekit.SseConfig#heartbeat()}.
 *
 * <h2>Bindings</h2>
 * {@link org.ssekit.servlet} opens streams on servlet requests.
 */
package org.ssekit;
