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
