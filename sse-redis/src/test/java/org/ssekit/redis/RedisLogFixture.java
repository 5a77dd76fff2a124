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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.ssekit.EventLog;
import org.ssekit.PublishResult;
import org.ssekit.SseEvent;

/** Logs (nodes) opened on recording feeds, closed together. */
final class RedisLogFixture implements AutoCloseable {
    record Node(RedisEventLog log, RecordingFeed feed) {
        PublishResult publish(String channel, String data) {
            return join(log.append(channel, SseEvent.of(data)));
        }

        EventLog.Replay replay(java.util.Set<String> channels, String after, String upTo, int maxScan) {
            return log.replay(channels, after, upTo, maxScan).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private final List<Node> nodes = new ArrayList<>();

    Node open(String uri, String stream, UnaryOperator<RedisEventLog.Builder> tweak) throws InterruptedException {
        RedisEventLog log = tweak.apply(RedisEventLog.builder().uri(uri).stream(stream)
                .maxBackoff(Duration.ofMillis(200)).blockTime(Duration.ofMillis(300))).build();
        RecordingFeed feed = new RecordingFeed();
        log.open(feed);
        Node n = new Node(log, feed);
        nodes.add(n);
        assertThat(feed.started.await(10, TimeUnit.SECONDS)).as("the feed started").isTrue();
        return n;
    }

    Node open(String uri, String stream) throws InterruptedException {
        return open(uri, stream, b -> b);
    }

    static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        CompletableFuture<T> f = stage.toCompletableFuture();
        return f.orTimeout(15, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.log().close();
            assertThat(n.feed().misused()).as("deliver ran concurrently or before start").isFalse();
        }
    }
}
