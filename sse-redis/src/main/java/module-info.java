/**
 * ssekit on Redis Streams: {@link org.ssekit.redis.RedisEventLog}, an {@link org.ssekit.EventLog}
 * that every node of a cluster shares, so a client resumes from its Last-Event-ID on any node.
 */
module org.ssekit.redis {
    requires transitive org.ssekit;
    requires transitive lettuce.core;

    exports org.ssekit.redis;

    provides org.ssekit.EventLogProvider with org.ssekit.redis.internal.RedisEventLogProvider;
}
