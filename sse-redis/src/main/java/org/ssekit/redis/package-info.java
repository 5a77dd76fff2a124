/**
 * ssekit on Redis Streams: one {@link org.ssekit.redis.RedisEventLog} per broadcaster, shared
 * by every node, so publishes reach every node's clients in one order and a client resumes from
 * its Last-Event-ID on any node.
 *
 * <pre>
 * Broadcaster news = Broadcaster.builder()
 *         .eventLog(RedisEventLog.builder().uri("redis://redis:6379").stream("news").build())
 *         .build();
 * </pre>
 *
 * <p>By configuration alone: with this jar beside the core, {@code ssekit.redis.uri} (an
 * init-param, a JAX-RS property or a system property) gives the filter and the feature this log
 * through {@link org.ssekit.EventLogProvider}.
 */
package org.ssekit.redis;
