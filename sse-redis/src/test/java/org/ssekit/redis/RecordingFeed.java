package org.ssekit.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.ssekit.EventLog;
import org.ssekit.SseEvent;

/** A feed that records what the log delivers, in order, and checks that one thread at a time calls it. */
final class RecordingFeed implements EventLog.Feed {
    record Delivery(String channel, SseEvent event) {
        String id() {
            return event.id().orElseThrow();
        }
    }

    final CountDownLatch started = new CountDownLatch(1);
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile String position = "unset";
    private volatile boolean concurrent;
    private int inside;

    @Override
    public void start(String position) {
        this.position = position;
        started.countDown();
    }

    @Override
    public int deliver(String channel, SseEvent event) {
        synchronized (this) {
            if (started.getCount() != 0 || ++inside > 1) {
                concurrent = true;
            }
            deliveries.add(new Delivery(channel, event));
        }
        synchronized (this) {
            inside--;
        }
        return 1;
    }

    String position() {
        return position;
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized List<String> ids() {
        return deliveries.stream().map(Delivery::id).toList();
    }

    synchronized List<String> data() {
        return deliveries.stream().map(d -> d.event().data().orElse("")).toList();
    }

    synchronized int size() {
        return deliveries.size();
    }

    /** True when deliver ran before start, or on two threads at once. */
    boolean misused() {
        return concurrent;
    }

    List<String> idsSnapshot() {
        return new ArrayList<>(ids());
    }
}
