package org.ssekit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ssekit.EventLog;
import org.ssekit.SseEvent;

/**
 * The in-memory {@link EventLog}: a FIFO bounded by count, bytes and age.
 *
 * <p>Ids are {@code <epoch>-<sequence>}: the epoch is fixed per log instance, so an id from
 * before a restart is unknown (and gets a reset) instead of matching a new event by chance.
 */
public final class RingEventLog implements EventLog {
    private static final int MAX_ID_LENGTH = 64;

    private record Entry(long seq, String channel, SseEvent event, long bytes, long atMillis) {
    }

    private final int maxEvents;
    private final long maxBytes;
    private final long maxAgeMillis;
    private final Clock clock;
    private final String epoch;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;
    private long nextSeq = 1;

    public RingEventLog(int maxEvents, long maxBytes, Duration maxAge, Clock clock) {
        if (maxEvents < 1 || maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("event log bounds must be positive: maxEvents=" + maxEvents
                    + ", maxBytes=" + maxBytes + ", maxAge=" + maxAge);
        }
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.epoch = Long.toString(clock.millis(), 36);
    }

    @Override
    public synchronized String append(String channel, SseEvent event) {
        long seq = nextSeq++;
        String id = epoch + "-" + seq;
        SseEvent withId = event.withId(id);
        long size = estimateBytes(withId) + channel.length();
        entries.addLast(new Entry(seq, channel, withId, size, clock.millis()));
        bytes += size;
        evict();
        return id;
    }

    @Override
    public synchronized Replay replay(Collection<String> channels, String lastEventId) {
        evict();
        long after = sequenceOf(lastEventId);
        long oldestKept = entries.isEmpty() ? nextSeq : entries.peekFirst().seq();
        // Known only if nothing after the id has been dropped: the next event is still here.
        if (after < 0 || after >= nextSeq || after + 1 < oldestKept) {
            return Replay.unknown();
        }
        Set<String> wanted = Set.copyOf(channels);
        List<SseEvent> missed = new ArrayList<>();
        for (Entry e : entries) {
            if (e.seq() > after && wanted.contains(e.channel())) {
                missed.add(e.event());
            }
        }
        return Replay.of(missed);
    }

    @Override
    public synchronized Optional<String> lastId() {
        return nextSeq == 1 ? Optional.empty() : Optional.of(epoch + "-" + (nextSeq - 1));
    }

    /** The sequence number in an id of this log, or -1 for anything else. */
    private long sequenceOf(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH || !id.startsWith(epoch + "-")) {
            return -1;
        }
        String digits = id.substring(epoch.length() + 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private void evict() {
        long oldestAllowed = clock.millis() - maxAgeMillis;
        Iterator<Entry> it = entries.iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (entries.size() <= maxEvents && bytes <= maxBytes && e.atMillis() >= oldestAllowed) {
                return;
            }
            it.remove();
            bytes -= e.bytes();
        }
    }

    private static long estimateBytes(SseEvent e) {
        // Strings hold about two bytes a char; plus the record and its references.
        long chars = e.data().map(String::length).orElse(0) + e.event().map(String::length).orElse(0)
                + e.commentText().map(String::length).orElse(0) + e.id().map(String::length).orElse(0);
        return 2 * chars + 96;
    }
}
