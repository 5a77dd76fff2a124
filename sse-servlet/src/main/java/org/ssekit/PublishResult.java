package org.ssekit;

/**
 * What a publish did: the id the event log gave the event, and how many subscribers took it
 * into their queue (a subscriber whose queue was full is not counted).
 *
 * <p>Thread safety: immutable.
 *
 * @param id the assigned event id, as clients see it in {@code id:} and send back in Last-Event-ID
 * @param accepted the number of subscribers that queued the event
 */
public record PublishResult(String id, int accepted) {
}
