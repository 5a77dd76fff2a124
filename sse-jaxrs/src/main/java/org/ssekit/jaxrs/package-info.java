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
 * ssekit for JAX-RS: resources keep the standard {@code jakarta.ws.rs.sse} API and gain
 * heartbeats, Last-Event-ID resume, CORS with credentials and a bounded queue per connection.
 * On Jersey (3.1, 4.0) and RESTEasy (6.2: WildFly, Open Liberty) in a servlet container.
 *
 * <ol>
 *   <li>Register one {@link org.ssekit.jaxrs.SseKitFeature} in the {@code Application}.</li>
 *   <li>Take {@code @Context SseEventSink} in a {@code @Produces(MediaType.SERVER_SENT_EVENTS)}
 *       method, as usual: it is an ssekit stream. {@code send} completes once the event was
 *       flushed; on a closed sink it throws IllegalStateException.</li>
 *   <li>Fan out with {@link org.ssekit.jaxrs.SseKitFeature#newBroadcaster(String)} (one
 *       channel) or {@link org.ssekit.jaxrs.SseKitFeature#subscribe} (several channels):
 *       reconnecting clients get what they missed, then live events.</li>
 * </ol>
 * Build events with the runtime's {@code Sse.newEventBuilder()}: String data goes as is,
 * other data through the runtime's MessageBodyWriter for the event's media type (JSON-B for
 * {@code application/json}).
 *
 * <p>On another JAX-RS runtime, or where the server hides RESTEasy's classes from applications,
 * the feature logs one warning and resources get the runtime's own sink;
 * {@link org.ssekit.jaxrs.SseKitFeature#isActive()} tells which.
 */
package org.ssekit.jaxrs;
