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
