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
 * The Servlet 6 binding: serve event streams from any servlet container.
 *
 * <ul>
 *   <li>{@link org.ssekit.servlet.SseServlet}: extend it, implement {@code onOpen}, map it
 *       with {@code asyncSupported=true}; init-params configure it.</li>
 *   <li>{@link org.ssekit.servlet.SseStreams}: open a stream from any servlet's request and
 *       response: {@code streams.open(request, response)}.</li>
 * </ul>
 * Both answer 406 to a client that accepts no {@code text/event-stream}, and 503 with
 * Retry-After at the connection cap. Streams use the non-blocking Servlet API: no container
 * thread waits on a slow client.
 */
package org.ssekit.servlet;
