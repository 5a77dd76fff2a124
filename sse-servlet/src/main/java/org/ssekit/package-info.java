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
