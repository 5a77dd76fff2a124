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

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.resource.ClientResources;

import org.ssekit.EventLog;
import org.ssekit.PublishResult;
import org.ssekit.SseEvent;
import org.ssekit.redis.EventLogUnavailableException;

/**
 * The Redis Streams log: one stream per broadcaster, one reader thread per node.
 *
 * <p>Three connections: the reader's (blocking XREAD, its own thread, which also reconnects
 * all three with backoff), the writer's (the append script, WAIT, the commit marks) and the
 * queries' (replays), so neither a blocking read nor a WAIT delays a replay.
 *
 * <p>An append carries a token ({@code n}: this node's random prefix and a counter); the reader,
 * delivering an entry with one of this node's tokens, completes that append's stage with the
 * count its feed returned. So the stage completes only once the entry is in Redis and this
 * node's feed has delivered it, whichever of the XADD reply and the read comes first.
 *
 * <p>Durable publish (replicas N &gt; 0): after the append, the writer sends WAIT N; only when
 * N replicas confirm does it add the entry id to the commits stream. Readers read both streams
 * and deliver log entries only up to the newest committed id, so no node fans out an event, and
 * no stage completes, before WAIT confirmed it. A later commit covers every earlier entry
 * (replication is ordered), so a commit mark lost in a failover is made good by the next one.
 *
 * <p>The reader's fields are confined to its thread; the others are volatile or concurrent.
 */
public final class RedisStreamLog implements EventLog {
    private static final System.Logger LOG = System.getLogger(RedisStreamLog.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int READ_BATCH = 512;
    private static final long COMMITS_KEPT = 1000;
    private static final long FIRST_BACKOFF_MILLIS = 50;

    private final Settings s;
    private final ClientResources resources;
    private final RedisClient client;
    /** Redis Cluster only: finds the primary that holds this stream's slot. */
    private final RedisClusterClient topology;
    private final String[] appendKeys;
    private final String[] setupKeys;
    private final String node = newEpoch() + ":";
    private final AtomicLong tokens = new AtomicLong();
    private final Map<String, CompletableFuture<PublishResult>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService completions;
    private volatile StatefulRedisConnection<String, String> writer;
    private volatile StatefulRedisConnection<String, String> query;
    private volatile boolean readerConnected;
    private volatile String epoch;
    private volatile String candidateEpoch = newEpoch();
    private volatile boolean closed;
    private volatile boolean topologyChanged;
    private volatile Thread reader;
    private Feed feed;

    // Confined to the reader thread.
    private RedisURI target;
    private StatefulRedisConnection<String, String> readConnection;
    private boolean started;
    private String readFrom = "0-0";
    private String delivered;
    private String commitsFrom = "0-0";
    private String committed;
    private final ArrayDeque<StreamMessage<String, String>> uncommitted = new ArrayDeque<>();

    public RedisStreamLog(Settings settings) {
        this.s = Objects.requireNonNull(settings, "settings");
        this.resources = SharedResources.acquire();
        this.client = RedisClient.create(resources);
        // At most once: a command lost with its connection is never sent again behind our back
        // (a resent append would be a duplicate); the reader thread reconnects.
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(s.publishTimeout()).build())
                .build());
        // In a Redis Cluster every key of the log shares one hash tag, so one primary holds them
        // all: the three connections go straight to it (WAIT must run on the connection that
        // wrote), and a MOVED answer makes the reader look the primary up again.
        this.topology = s.cluster() ? RedisClusterClient.create(resources, s.uri()) : null;
        this.appendKeys = new String[] {s.logKey(), s.epochKey()};
        this.setupKeys = new String[] {s.logKey(), s.epochKey(), s.commitsKey()};
        this.completions = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssekit-redis-completions-" + s.stream());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletionStage<PublishResult> append(String channel, SseEvent event) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("event log is closed"));
        }
        if (reader == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "event log is not open yet (a Broadcaster opens it)"));
        }
        StatefulRedisConnection<String, String> w = writer;
        if (w == null || !w.isOpen() || !readerConnected) {
            return CompletableFuture.failedFuture(new EventLogUnavailableException("Redis log '" + s.stream()
                    + "' is not connected to " + where() + ": the event was not published", false, null));
        }
        String token = node + Long.toString(tokens.incrementAndGet(), 36);
        CompletableFuture<PublishResult> stage = new CompletableFuture<>();
        pending.put(token, stage);
        ScheduledFuture<?> timeout = completions.schedule(() -> fail(token, new EventLogUnavailableException(
                "Redis log '" + s.stream() + "': the event was not confirmed within " + s.publishTimeout().toMillis()
                        + " ms; it may still be delivered", true, null)),
                s.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        stage.whenComplete((r, e) -> timeout.cancel(false));

        List<String> fields = EntryCodec.fields(channel, token, event);
        String candidate = candidateEpoch;
        String[] args = new String[3 + fields.size()];
        args[0] = candidate;
        args[1] = Long.toString(s.maxLength());
        args[2] = Long.toString(s.maxAge().toMillis());
        for (int i = 0; i < fields.size(); i++) {
            args[3 + i] = fields.get(i);
        }
        Scripts.APPEND.runAsync(w, appendKeys, args).whenComplete((reply, failure) -> {
            if (failure != null) {
                fail(token, unavailable("the append failed", failure));
                return;
            }
            if (candidate.equals(reply.get(0))) {
                candidateEpoch = newEpoch(); // ours became the epoch: the next must be new
            }
            if (s.durable()) {
                confirm(w, token, (String) reply.get(1));
            }
        });
        return stage;
    }

    /** WAIT for the replicas, then mark the entry committed so readers deliver it. */
    private void confirm(StatefulRedisConnection<String, String> w, String token, String entryId) {
        long waitMillis = s.durableTimeout().toMillis();
        w.async().waitForReplication(s.durableReplicas(), waitMillis).whenComplete((acks, failure) -> {
            if (failure != null) {
                fail(token, unavailable("WAIT for replicas failed", failure));
            } else if (acks < s.durableReplicas()) {
                fail(token, new EventLogUnavailableException("Redis log '" + s.stream() + "': durable publish: "
                        + acks + " of " + s.durableReplicas() + " replicas confirmed the event within " + waitMillis
                        + " ms; it is on the primary and is delivered only if a later publish confirms it", true,
                        null));
            } else {
                w.async().xadd(s.commitsKey(), XAddArgs.Builder.maxlen(COMMITS_KEPT).approximateTrimming(),
                        "c", entryId).whenComplete((id, e) -> {
                            if (e != null) {
                                fail(token, unavailable("the commit mark failed", e));
                            }
                        });
            }
        });
    }

    private EventLogUnavailableException unavailable(String what, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        // An error answer means Redis refused the script; anything else (a timeout, a lost
        // connection) may have come after Redis ran it.
        boolean maybe = !(cause instanceof RedisCommandExecutionException);
        if (isTopologyError(cause)) {
            topologyChanged = true;
        }
        return new EventLogUnavailableException("Redis log '" + s.stream() + "' at " + where() + ": " + what + ": "
                + cause.getMessage() + (maybe ? " (the event may still be delivered)" : ""), maybe, cause);
    }

    private void fail(String token, Throwable why) {
        CompletableFuture<PublishResult> stage = pending.remove(token);
        if (stage != null) {
            completions.execute(() -> stage.completeExceptionally(why));
        }
    }

    @Override
    public void open(Feed feed) {
        Objects.requireNonNull(feed, "feed");
        synchronized (this) {
            if (this.feed != null) {
                throw new IllegalStateException("the event log feeds one fan-out only");
            }
            if (closed) {
                throw new IllegalStateException("event log is closed");
            }
            this.feed = feed;
            Thread t = new Thread(this::readLoop, "ssekit-redis-reader-" + s.stream());
            t.setDaemon(true);
            reader = t;
            t.start();
        }
    }

    @Override
    public CompletionStage<Replay> replay(Set<String> channels, String after, String upTo, int maxScan) {
        String ep = epoch;
        Ids.Parsed from = Ids.parse(after);
        if (from == null || ep == null || !from.epoch().equals(ep)) {
            return CompletableFuture.completedFuture(Replay.unknown());
        }
        StatefulRedisConnection<String, String> q = query;
        if (q == null || !q.isOpen()) {
            return CompletableFuture.failedFuture(new EventLogUnavailableException("Redis log '" + s.stream()
                    + "' is not connected to " + where() + ": cannot replay", false, null));
        }
        int bound = Math.max(0, Math.min(maxScan, s.maxScan()));
        Ids.Parsed to = Ids.parse(upTo);
        String fromId = from.entryId();
        if (to == null || !to.epoch().equals(ep) || Ids.compare(after, upTo, ep) >= 0) {
            // This node has delivered nothing newer than the client's id: nothing to replay, if
            // the id is real.
            return q.async().xrange(s.logKey(), Range.create(fromId, fromId), Limit.from(1))
                    .thenApply(found -> found.isEmpty() ? Replay.unknown() : Replay.of(List.of()));
        }
        return q.async().xrange(s.logKey(), Range.create(fromId, to.entryId()), Limit.from(bound + 2L))
                .thenApply(found -> {
                    if (found.isEmpty() || !found.get(0).getId().equals(fromId)) {
                        // Trimmed, or lost with an un-replicated tail: never replay from a wrong place.
                        return Replay.unknown();
                    }
                    if (found.size() - 1 > bound) {
                        return Replay.truncated();
                    }
                    List<SseEvent> missed = new ArrayList<>();
                    for (StreamMessage<String, String> m : found.subList(1, found.size())) {
                        Map<String, String> body = m.getBody();
                        if (ep.equals(body.get(EntryCodec.EPOCH)) && channels.contains(body.get(EntryCodec.CHANNEL))) {
                            SseEvent e = EntryCodec.event(body, Ids.format(ep, m.getId()));
                            if (e != null) {
                                missed.add(e);
                            }
                        }
                    }
                    return Replay.of(missed);
                });
    }

    @Override
    public int compare(String a, String b) {
        return Ids.compare(a, b, epoch);
    }

    @Override
    public boolean isConnected() {
        StatefulRedisConnection<String, String> w = writer;
        return readerConnected && w != null && w.isOpen();
    }

    /** The epoch of the ids issued now; null before the first connection. */
    public String epoch() {
        return epoch;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = reader;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(s.blockTime().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        IllegalStateException gone = new IllegalStateException("event log closed before the event was delivered");
        for (String token : List.copyOf(pending.keySet())) {
            fail(token, gone);
        }
        closeQuietly(writer);
        closeQuietly(query);
        closeQuietly(readConnection);
        readerConnected = false;
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (topology != null) {
            topology.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        SharedResources.release(resources);
        completions.shutdown();
    }

    // ---- the reader thread ----

    private void readLoop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean resync = true;
        boolean up = false;
        while (!closed) {
            try {
                if (topologyChanged) {
                    topologyChanged = false;
                    closeQuietly(readConnection);
                    readConnection = null;
                    closeQuietly(writer);
                    closeQuietly(query);
                }
                if (readConnection == null || !readConnection.isOpen()) {
                    closeQuietly(readConnection);
                    target = resolve();
                    readConnection = client.connect(target);
                    readConnection.setTimeout(s.blockTime().plus(s.publishTimeout()));
                    resync = true;
                    // All three to the server the reader found (after a Sentinel or Cluster
                    // failover the old connections may still reach the demoted primary).
                    closeQuietly(writer);
                    closeQuietly(query);
                }
                if (writer == null || !writer.isOpen()) {
                    writer = connect(writer);
                }
                if (query == null || !query.isOpen()) {
                    query = connect(query);
                }
                if (resync) {
                    // Publishes may start as soon as the feed does, inside sync.
                    readerConnected = true;
                    sync(true);
                    resync = false;
                    if (!up) {
                        up = true;
                        LOG.log(System.Logger.Level.INFO, "Redis log ''{0}'': connected to {1}, epoch {2}",
                                s.stream(), where(), epoch);
                    }
                    backoff = FIRST_BACKOFF_MILLIS;
                }
                readOnce();
            } catch (RuntimeException e) {
                if (closed) {
                    break;
                }
                if (up) {
                    up = false;
                    LOG.log(System.Logger.Level.WARNING, "Redis log ''{0}'': lost {1} ({2}); publishes fail until"
                            + " it is back, and the reader resumes from its last id", s.stream(), where(),
                            String.valueOf(e));
                }
                readerConnected = false;
                resync = true;
                if (isTopologyError(e)) {
                    topologyChanged = true;
                }
                closeQuietly(readConnection);
                readConnection = null;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    break;
                }
                backoff = Math.min(backoff * 2, s.maxBackoff().toMillis());
            } catch (Error e) {
                LOG.log(System.Logger.Level.ERROR, "Redis log reader stopped", e);
                throw e;
            }
        }
        readerConnected = false;
    }

    private StatefulRedisConnection<String, String> connect(StatefulRedisConnection<String, String> old) {
        closeQuietly(old);
        StatefulRedisConnection<String, String> c = client.connect(target);
        c.setTimeout(s.publishTimeout());
        return c;
    }

    /**
     * Learns the epoch and the stream's tail (creating the epoch when Redis has none). On the
     * first call, starts the feed; on a reconnect, checks that the last delivered entry still
     * exists and moves the read position back over a lost tail.
     */
    private void sync(boolean afterConnect) {
        String fresh = candidateEpoch;
        List<Object> r = Scripts.SETUP.run(readConnection, setupKeys, fresh);
        String ep = (String) r.get(0);
        String tail = emptyToNull((String) r.get(1));
        String commitId = emptyToNull((String) r.get(2));
        String commitTail = emptyToNull((String) r.get(3));
        if (fresh.equals(ep)) {
            candidateEpoch = newEpoch();
        }
        if (!started) {
            epoch = ep;
            String position = tail;
            if (s.durable()) {
                commitsFrom = commitId == null ? "0-0" : commitId;
                committed = commitTail;
                // Entries after the newest commit mark are delivered once committed.
                position = commitTail != null ? commitTail : tail;
            }
            readFrom = position == null ? "0-0" : position;
            delivered = position;
            started = true;
            feed.start(position == null ? null : Ids.format(ep, position));
            return;
        }
        if (!ep.equals(epoch)) {
            epochChanged(ep);
            return;
        }
        if (!afterConnect) {
            return;
        }
        if (s.durable()) {
            uncommitted.clear();
            readFrom = delivered == null ? "0-0" : delivered;
            commitsFrom = commitId == null ? "0-0" : commitId;
            if (commitTail != null && (committed == null || Ids.compareEntryIds(commitTail, committed) > 0)) {
                committed = commitTail;
            }
        }
        if (delivered != null
                && readConnection.sync().xrange(s.logKey(), Range.create(delivered, delivered), Limit.from(1)).isEmpty()) {
            List<StreamMessage<String, String>> before = readConnection.sync().xrevrange(s.logKey(),
                    Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(delivered)), Limit.from(1));
            String survivor = before.isEmpty() ? null : before.get(0).getId();
            LOG.log(System.Logger.Level.WARNING, "Redis log ''{0}'': the last delivered entry {1} is gone (a failover"
                    + " lost the un-replicated tail, or the stream was trimmed); reading on after {2}; clients"
                    + " holding lost ids get the reset event", s.stream(), delivered, survivor);
            delivered = survivor;
            readFrom = survivor == null ? "0-0" : survivor;
        }
    }

    /** Redis lost its data: every entry of the new epoch is new to this node. */
    private void epochChanged(String newEpoch) {
        LOG.log(System.Logger.Level.INFO, "Redis log ''{0}'': epoch changed from {1} to {2} (Redis lost its data);"
                + " clients holding older ids get the reset event", s.stream(), epoch, newEpoch);
        epoch = newEpoch;
        readFrom = "0-0";
        delivered = null;
        commitsFrom = "0-0";
        committed = null;
        uncommitted.clear();
    }

    @SuppressWarnings("unchecked")
    private void readOnce() {
        XReadArgs args = XReadArgs.Builder.block(s.blockTime().toMillis()).count(READ_BATCH);
        List<StreamMessage<String, String>> read = s.durable()
                ? readConnection.sync().xread(args, XReadArgs.StreamOffset.from(s.logKey(), readFrom),
                        XReadArgs.StreamOffset.from(s.commitsKey(), commitsFrom))
                : readConnection.sync().xread(args, XReadArgs.StreamOffset.from(s.logKey(), readFrom));
        if (read == null || read.isEmpty()) {
            sync(false); // idle: notice a flush (the epoch key gone) without waiting for a publish
            return;
        }
        String ep = epoch;
        for (StreamMessage<String, String> m : read) {
            if (m.getStream().equals(s.commitsKey())) {
                String c = m.getBody().get("c");
                if (c != null && (committed == null || Ids.compareEntryIds(c, committed) > 0)) {
                    committed = c;
                }
                commitsFrom = m.getId();
                continue;
            }
            readFrom = m.getId();
            if (!ep.equals(m.getBody().get(EntryCodec.EPOCH))) {
                String now = readConnection.sync().get(s.epochKey());
                if (now == null || !now.equals(ep)) {
                    sync(false); // a new epoch: start over from its first entry
                    return;
                }
                continue; // an entry left from an older epoch
            }
            if (s.durable()) {
                uncommitted.addLast(m);
            } else {
                deliver(m, ep);
            }
        }
        while (!uncommitted.isEmpty() && committed != null
                && Ids.compareEntryIds(uncommitted.peekFirst().getId(), committed) <= 0) {
            deliver(uncommitted.pollFirst(), ep);
        }
    }

    private void deliver(StreamMessage<String, String> m, String ep) {
        delivered = m.getId();
        Map<String, String> body = m.getBody();
        SseEvent event = EntryCodec.event(body, Ids.format(ep, m.getId()));
        if (event == null) {
            return;
        }
        int accepted;
        try {
            accepted = feed.deliver(body.get(EntryCodec.CHANNEL), event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the fan-out failed on an event", e);
            accepted = 0;
        }
        String token = body.get(EntryCodec.TOKEN);
        if (token != null && token.startsWith(node)) {
            CompletableFuture<PublishResult> stage = pending.remove(token);
            if (stage != null) {
                PublishResult result = new PublishResult(event.id().orElseThrow(), accepted);
                completions.execute(() -> stage.complete(result));
            }
        }
    }

    /** Where the log's keys live: the URI, or in a Redis Cluster the primary of their slot. */
    private RedisURI resolve() {
        if (topology == null) {
            return s.uri();
        }
        topology.refreshPartitions();
        RedisClusterNode primary = topology.getPartitions().getMasterBySlot(SlotHash.getSlot(s.logKey()));
        if (primary == null) {
            throw new RedisConnectionException("the Redis Cluster at " + s.uri() + " has no primary for slot "
                    + SlotHash.getSlot(s.logKey()) + " of " + s.logKey());
        }
        return RedisURI.builder(s.uri()).withHost(primary.getUri().getHost()).withPort(primary.getUri().getPort())
                .build();
    }

    /** An answer that says the keys now live elsewhere: a resharding, a failover, a demoted primary. */
    private static boolean isTopologyError(Throwable e) {
        String m = e.getMessage();
        return e instanceof RedisCommandExecutionException && m != null
                && (m.startsWith("MOVED") || m.startsWith("ASK") || m.startsWith("CLUSTERDOWN") || m.startsWith("READONLY"));
    }

    private String where() {
        return s.uri().toString();
    }

    private static String emptyToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    private static void closeQuietly(StatefulRedisConnection<String, String> c) {
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // Closing a broken connection has nothing left to do.
            }
        }
    }

    /** 60 random bits in base 36: two epochs collide with odds of about 1 in 10^18. */
    static String newEpoch() {
        return Long.toString(RANDOM.nextLong() >>> 4, 36);
    }
}
