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
package org.ssekit.redis.internal;

import java.time.Duration;

import io.lettuce.core.RedisURI;

/** The validated settings of one Redis log (see {@code RedisEventLog.Builder} for each). */
public record Settings(RedisURI uri, String keyPrefix, String stream, long maxLength, Duration maxAge,
        int durableReplicas, Duration durableTimeout, int maxScan, Duration publishTimeout,
        Duration blockTime, Duration maxBackoff, boolean cluster) {

    /** The hash tag every key of this log shares, so Redis Cluster keeps them on one shard. */
    String hashTag() {
        return "{" + keyPrefix + ":" + stream + "}";
    }

    String logKey() {
        return hashTag() + ":log";
    }

    String epochKey() {
        return hashTag() + ":epoch";
    }

    String commitsKey() {
        return hashTag() + ":commits";
    }

    boolean durable() {
        return durableReplicas > 0;
    }
}
