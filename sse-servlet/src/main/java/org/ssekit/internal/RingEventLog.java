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
package org.ssekit.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ssekit.EventLog;
import org.ssekit.PublishResult;
import org.ssekit.SseEvent;

/**
 * The in-memory {@link EventLog}: a FIFO bounded by count, bytes and age.
 *
 * <p>Ids are {@code <epoch>-<sequence>}, such as {@code 3k9x0q2m7d1f-42}: the epoch is random per
 * log instance, so an id from another log or from before a restart is unknown (and gets the
 * reset event) instead of matching an event by chance.
 *
 * <p>Appends take the log's monitor only to number and store the event. Delivery to the feed
 * happens outside it, in id order, by whichever appending thread finds no delivery under way.
 */
public final class RingEventLog implements EventLog {
    private static final int MAX_ID_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(long seq, String channel, SseEvent event, long bytes, long atMillis) {
    }

    /** An appended event waiting to be fed, with its publisher's stage. */
    private record Undelivered(Entry entry, CompletableFuture<PublishResult> stage) {
    }

    private final int maxEvents;
    private final long maxBytes;
    private final long maxAgeMillis;
    private final Clock clock;
    private final String epoch;
    private final String prefix;

    // Guarded by this.
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final ArrayDeque<Undelivered> undelivered = new ArrayDeque<>();
    private long bytes;
    private long nextSeq = 1;
    private Feed feed;
    private boolean delivering;
    private boolean closed;

    public RingEventLog(int maxEvents, long maxBytes, Duration maxAge, Clock clock) {
        if (maxEvents < 1 || maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("event log bounds must be positive: maxEvents=" + maxEvents
                    + ", maxBytes=" + maxBytes + ", maxAge=" + maxAge);
        }
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        // 60 random bits: two logs share an epoch with odds of about 1 in 10^18.
        this.epoch = Long.toString(RANDOM.nextLong() >>> 4, 36);
        this.prefix = epoch + "-";
    }

    /** The random part that every id of this log starts with. */
    public String epoch() {
        return epoch;
    }

    @Override
    public CompletionStage<PublishResult> append(String channel, SseEvent event) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        CompletableFuture<PublishResult> stage = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("event log is closed"));
            }
            long seq = nextSeq++;
            SseEvent withId = event.withId(prefix + seq);
            Entry e = new Entry(seq, channel, withId, estimateBytes(withId) + channel.length(), clock.millis());
            entries.addLast(e);
            bytes += e.bytes();
            evict();
            undelivered.addLast(new Undelivered(e, stage));
        }
        deliverPending();
        return stage;
    }

    @Override
    public void open(Feed feed) {
        Objects.requireNonNull(feed, "feed");
        synchronized (this) {
            if (this.feed != null) {
                throw new IllegalStateException("the event log feeds one fan-out only");
            }
            // Nothing can be delivered before the feed knows where it starts.
            delivering = true;
            this.feed = feed;
        }
        feed.start(undeliveredFrom());
        synchronized (this) {
            delivering = false;
        }
        deliverPending();
    }

    /** The id of the newest event the feed will not get (it was appended before open). */
    private synchronized String undeliveredFrom() {
        long before = undelivered.isEmpty() ? nextSeq - 1 : undelivered.peekFirst().entry().seq() - 1;
        return before == 0 ? null : prefix + before;
    }

    /** Feeds what was appended, in id order, unless another thread is doing it. */
    private void deliverPending() {
        for (;;) {
            Undelivered next;
            Feed target;
            synchronized (this) {
                if (delivering || feed == null || undelivered.isEmpty()) {
                    return;
                }
                delivering = true;
                next = undelivered.pollFirst();
                target = feed;
            }
            int accepted;
            try {
                accepted = target.deliver(next.entry().channel(), next.entry().event());
            } finally {
                synchronized (this) {
                    delivering = false;
                }
            }
            next.stage().complete(new PublishResult(next.entry().event().id().orElseThrow(), accepted));
        }
    }

    @Override
    public synchronized CompletionStage<Replay> replay(Set<String> channels, String after, String upTo, int maxScan) {
        evict();
        long afterSeq = sequenceOf(after);
        long oldestKept = entries.isEmpty() ? nextSeq : entries.peekFirst().seq();
        // Known only if nothing after the id has been dropped: the next event is still here.
        if (afterSeq < 0 || afterSeq >= nextSeq || afterSeq + 1 < oldestKept) {
            return CompletableFuture.completedFuture(Replay.unknown());
        }
        long upToSeq = upTo == null ? 0 : sequenceOf(upTo);
        if (upToSeq <= afterSeq) {
            return CompletableFuture.completedFuture(Replay.of(List.of()));
        }
        if (upToSeq - afterSeq > maxScan) {
            return CompletableFuture.completedFuture(Replay.truncated());
        }
        List<SseEvent> missed = new ArrayList<>();
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            Entry e = newestFirst.next();
            if (e.seq() <= afterSeq) {
                break;
            }
            if (e.seq() <= upToSeq && channels.contains(e.channel())) {
                missed.add(e.event());
            }
        }
        Collections.reverse(missed);
        return CompletableFuture.completedFuture(Replay.of(missed));
    }

    @Override
    public int compare(String a, String b) {
        return Long.compare(sequenceOf(a), sequenceOf(b));
    }

    @Override
    public void close() {
        List<Undelivered> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(undelivered);
            undelivered.clear();
        }
        IllegalStateException gone = new IllegalStateException("event log closed before the event was delivered");
        dropped.forEach(u -> u.stage().completeExceptionally(gone));
    }

    /** The sequence number in an id of this log, or -1 for anything else. */
    private long sequenceOf(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH || !id.startsWith(prefix)) {
            return -1;
        }
        int digits = id.length() - prefix.length();
        if (digits < 1 || digits > 18 || (digits > 1 && id.charAt(prefix.length()) == '0')) {
            return -1; // only the canonical form this log writes: no sign, no leading zeros
        }
        long n = 0;
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
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
