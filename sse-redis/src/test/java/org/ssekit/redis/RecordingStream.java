package org.ssekit.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ssekit.EventStream;
import org.ssekit.SseEvent;

/** A client connection in memory: what it was sent, in order, until it closed. */
final class RecordingStream implements EventStream {
    private final String lastEventId;
    private final List<SseEvent> received = new ArrayList<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private boolean open = true;

    RecordingStream(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    @Override
    public synchronized CompletionStage<Void> send(SseEvent event) {
        if (open) {
            received.add(event);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        List<Runnable> callbacks;
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            callbacks = List.copyOf(onClose);
        }
        callbacks.forEach(Runnable::run);
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public void onClose(Runnable callback) {
        boolean now;
        synchronized (this) {
            now = !open;
            if (!now) {
                onClose.add(callback);
            }
        }
        if (now) {
            callback.run();
        }
    }

    @Override
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    synchronized List<SseEvent> received() {
        return List.copyOf(received);
    }

    synchronized int size() {
        return received.size();
    }
}
