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
package org.ssekit.redis;

/**
 * Why a publish through a {@link RedisEventLog} failed: Redis could not be reached, did not
 * answer in time, or (with durable publish) too few replicas confirmed the event. The message
 * says which, and whether the event may still reach subscribers: a publish whose command reached
 * Redis before the failure has an unknown outcome (it may be delivered later, once), one refused
 * before sending was never recorded.
 *
 * <p>Thread safety: immutable once thrown.
 */
public class EventLogUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final boolean maybeRecorded;

    public EventLogUnavailableException(String message, boolean maybeRecorded, Throwable cause) {
        super(message, cause);
        this.maybeRecorded = maybeRecorded;
    }

    /**
     * True when the event may still have been recorded (and so be delivered, once), because the
     * failure came after the command reached Redis; false when it was certainly not recorded.
     */
    public boolean maybeRecorded() {
        return maybeRecorded;
    }
}
