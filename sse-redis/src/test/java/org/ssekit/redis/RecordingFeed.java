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
