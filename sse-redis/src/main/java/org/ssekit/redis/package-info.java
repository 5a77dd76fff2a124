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
