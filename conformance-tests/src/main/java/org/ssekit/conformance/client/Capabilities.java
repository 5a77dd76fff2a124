package org.ssekit.conformance.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a fixture declares at {@code GET B/capabilities}.
 *
 * @param profiles          declared profiles: {@code resume}, {@code heartbeat}, {@code cors},
 *                          {@code terminate}, {@code channels}
 * @param heartbeatMillis   the heartbeat interval, or 0 when not declared
 * @param retryMillis       the retry the server sends, or 0 when not declared
 * @param corsAllowedOrigin an origin the server allows, if declared
 * @param replayCapacity    how many events the log replays, or 0 when not declared
 * @param resetEvent        the event type sent on an unknown or expired id, if declared
 * @param lastEventIdParam  the query parameter accepted instead of the header, if declared
 */
public record Capabilities(Set<String> profiles, long heartbeatMillis, long retryMillis,
                           Optional<String> corsAllowedOrigin, long replayCapacity,
                           Optional<String> resetEvent, Optional<String> lastEventIdParam) {
    /** Copies the profiles. */
    public Capabilities {
        profiles = Set.copyOf(profiles);
    }

    /** Reads the capabilities document; unknown members are ignored. */
    public static Capabilities fromJson(Map<String, Object> json) {
        Object declared = json.get("profiles");
        Set<String> profiles = declared instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of();
        return new Capabilities(profiles, number(json, "heartbeatMillis"), number(json, "retryMillis"),
                text(json, "corsAllowedOrigin"), number(json, "replayCapacity"),
                text(json, "resetEvent"), text(json, "lastEventIdParam"));
    }

    /** Whether the profile is declared. */
    public boolean declares(String profile) {
        return profiles.contains(profile);
    }

    private static long number(Map<String, Object> json, String name) {
        return json.get(name) instanceof BigDecimal value ? value.longValue() : 0;
    }

    private static Optional<String> text(Map<String, Object> json, String name) {
        return json.get(name) instanceof String value && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    }
}
