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
