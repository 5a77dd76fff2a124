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
