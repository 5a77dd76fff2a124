package org.ssekit.conformance.client;

import java.util.Objects;

/**
 * An event as a WHATWG-conformant {@code EventSource} dispatches it.
 *
 * @param type        the event type; {@code message} when no {@code event} field was given
 * @param data        the data, lines joined with LF, without the final LF
 * @param lastEventId the last event ID string at dispatch time (it persists across events)
 */
public record MessageEvent(String type, String data, String lastEventId) {
    /** Checks that no component is null. */
    public MessageEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /** A {@code message} event with the given data and last event id. */
    public static MessageEvent message(String data, String lastEventId) {
        return new MessageEvent("message", data, lastEventId);
    }
}
