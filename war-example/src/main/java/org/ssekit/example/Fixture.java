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
package org.ssekit.example;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ssekit.CorsPolicy;
import org.ssekit.EventLog;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/**
 * The binding-neutral half of the conformance fixture (DESIGN.md, "The conformance fixture
 * contract"): its configuration, channels, publish validation, disconnect and terminate.
 * The servlet and JAX-RS fixtures put HTTP in front of one of these each.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class Fixture {
    static final String DEFAULT_CHANNEL = "default";
    static final String ALLOWED_ORIGIN = "http://allowed.example";
    static final int REPLAY_CAPACITY = 1000;
    /** The largest publish body either fixture takes. */
    static final int MAX_PUBLISH_CHARS = 1024 * 1024;

    static final SseConfig CONFIG = SseConfig.builder()
            .heartbeat(Duration.ofSeconds(1))
            .retry(Duration.ofSeconds(1))
            .lastEventIdParam("lastEventId")
            .resetEvent("reset")
            .cors(CorsPolicy.builder().allowOrigin(ALLOWED_ORIGIN).build())
            .build();

    /** One open stream, whatever the binding. */
    interface Connection {
        boolean isOpen();

        void close();
    }

    /** A validated publish request; {@link #event()} is the core event it describes. */
    record Publish(String data, String event, String id, Long retryMillis) {
        SseEvent toEvent() {
            SseEvent.Builder b = SseEvent.builder().data(data);
            if (event != null) {
                b.event(event);
            }
            if (id != null) {
                b.id(id);
            }
            if (retryMillis != null) {
                b.retryMillis(retryMillis);
            }
            return b.build();
        }
    }

    private final Set<String> terminated = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Connection>> byChannel = new ConcurrentHashMap<>();
    private final List<String> profiles;
    private final String path;

    /**
     * @param path where the fixture is served on every node, such as {@code conformance/servlet}
     */
    Fixture(List<String> profiles, String path) {
        this.profiles = List.copyOf(profiles);
        this.path = path;
    }

    /**
     * The event log of the fixture at {@code path}: shared by the nodes of a cluster ({@link Cluster}),
     * else in memory, big enough for the suite, bounded.
     */
    static EventLog eventLog(String path) {
        return Cluster.eventLog(path.replace('/', '-'),
                () -> EventLog.inMemory(REPLAY_CAPACITY, 4L << 20, Duration.ofMinutes(30)));
    }

    String capabilities() {
        List<String> peers = Cluster.peers().stream().map(node -> node + "/" + path).toList();
        List<String> declared = new java.util.ArrayList<>(profiles);
        if (!peers.isEmpty()) {
            declared.add("cluster");
        }
        return Json.object(
                "profiles", declared,
                "peers", peers,
                "heartbeatMillis", CONFIG.heartbeat().toMillis(),
                "retryMillis", CONFIG.retry().orElseThrow().toMillis(),
                "corsAllowedOrigin", ALLOWED_ORIGIN,
                "replayCapacity", REPLAY_CAPACITY,
                "resetEvent", CONFIG.resetEvent(),
                "lastEventIdParam", CONFIG.lastEventIdParam());
    }

    /** The channels of a stream request, {@value #DEFAULT_CHANNEL} when none is named. */
    static List<String> channels(String[] requested) {
        return requested == null || requested.length == 0 ? List.of(DEFAULT_CHANNEL) : List.of(requested);
    }

    /**
     * A channel name: 1 to 200 characters, not starting with {@code @}, no {@code %} (so a
     * malformed percent-escape that a runtime leaves undecoded is refused on both bindings)
     * and no control characters.
     */
    static boolean validChannel(String channel) {
        return channel != null && !channel.isEmpty() && !channel.startsWith("@") && channel.length() <= 200
                && channel.chars().noneMatch(c -> c == '%' || c < 0x20 || c == 0x7f);
    }

    boolean isTerminated(List<String> channels) {
        return channels.stream().anyMatch(terminated::contains);
    }

    /** Remembers an open stream of {@code channels}, for disconnect and terminate. */
    void track(List<String> channels, Connection connection) {
        for (String c : channels) {
            Set<Connection> set = byChannel.computeIfAbsent(c, k -> ConcurrentHashMap.newKeySet());
            set.removeIf(open -> !open.isOpen());
            set.add(connection);
        }
    }

    /** The open streams of {@code channel}, for {@code GET stats?channel=C}. */
    long openStreams(String channel) {
        Set<Connection> set = byChannel.get(channel);
        return set == null ? 0 : set.stream().filter(Connection::isOpen).count();
    }

    /**
     * The {@code GET stats} answer: {@code {"connections": n}} with the binding's count of all
     * open streams, or for {@code channel} (not null) {@code {"channel": C, "connections": n}}
     * with that channel's streams alone, so a conformance case counts only its own streams.
     */
    String stats(String channel, long allOpen) {
        if (channel == null) {
            return Json.object("connections", allOpen);
        }
        return Json.object("channel", channel, "connections", openStreams(channel));
    }

    /**
     * Reads the JSON body {@code {"data", "event"?, "id"?, "retry"?}} of a publish.
     *
     * @throws IllegalArgumentException on bad input, so that nothing is published
     */
    static Publish parsePublish(String body) {
        if (body.length() > MAX_PUBLISH_CHARS) {
            // The servlet fixture stops reading at 1 MiB; the JAX-RS runtime hands over the
            // whole body, so the same bound is kept here for both.
            throw new IllegalArgumentException("request body larger than " + MAX_PUBLISH_CHARS + " characters");
        }
        Map<String, Object> fields = Json.parseObject(body);
        Object data = fields.get("data");
        if (!(data instanceof String d)) {
            throw new IllegalArgumentException("\"data\" must be a string");
        }
        Object retry = fields.get("retry");
        if (retry != null && !(retry instanceof Long)) {
            throw new IllegalArgumentException("\"retry\" must be a whole number of milliseconds");
        }
        Object name = fields.get("event");
        Object id = fields.get("id");
        Publish p = new Publish(d, name == null ? null : text(name, "event"), id == null ? null : text(id, "id"),
                (Long) retry);
        p.toEvent(); // the core's rules: CR/LF in event or id, NUL in id, negative retry
        return p;
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return s;
    }

    /** Closes the open streams of {@code channel} normally; returns how many. */
    int disconnect(String channel) {
        Set<Connection> set = byChannel.get(channel);
        if (set == null) {
            return 0;
        }
        List<Connection> open = set.stream().filter(Connection::isOpen).toList();
        set.removeAll(open);
        open.forEach(Connection::close);
        return open.size();
    }

    /** From now on streams of {@code channel} are answered 204; the open ones are closed. */
    int terminate(String channel) {
        terminated.add(channel);
        return disconnect(channel);
    }
}
