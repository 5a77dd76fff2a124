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
package org.ssekit.redis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ssekit.SseEvent;

/**
 * An event as the fields of a stream entry: {@code e} the epoch (written by the append script),
 * {@code c} the channel, {@code n} the publishing node's token, then {@code t} the event name,
 * {@code d} the data, {@code m} the comment and {@code r} the retry in milliseconds, each only
 * when the event has it.
 */
public final class EntryCodec {
    static final String EPOCH = "e";
    static final String CHANNEL = "c";
    static final String TOKEN = "n";
    private static final String NAME = "t";
    private static final String DATA = "d";
    private static final String COMMENT = "m";
    private static final String RETRY = "r";

    private EntryCodec() {
    }

    /** The fields after the epoch, as alternating names and values. */
    static List<String> fields(String channel, String token, SseEvent event) {
        List<String> f = new ArrayList<>(12);
        f.add(CHANNEL);
        f.add(channel);
        f.add(TOKEN);
        f.add(token);
        event.event().ifPresent(v -> add(f, NAME, v));
        event.data().ifPresent(v -> add(f, DATA, v));
        event.commentText().ifPresent(v -> add(f, COMMENT, v));
        event.retry().ifPresent(v -> add(f, RETRY, Long.toString(v.toMillis())));
        return f;
    }

    /** The event an entry holds, with {@code id}; null when the entry is not one of ours. */
    static SseEvent event(Map<String, String> body, String id) {
        if (body.get(CHANNEL) == null) {
            return null;
        }
        SseEvent.Builder b = SseEvent.builder().id(id);
        try {
            String name = body.get(NAME);
            if (name != null) {
                b.event(name);
            }
            String data = body.get(DATA);
            if (data != null) {
                b.data(data);
            }
            String comment = body.get(COMMENT);
            if (comment != null) {
                b.comment(comment);
            }
            String retry = body.get(RETRY);
            if (retry != null) {
                b.retry(java.time.Duration.ofMillis(Long.parseLong(retry)));
            }
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
        return b.build();
    }

    private static void add(List<String> f, String name, String value) {
        f.add(name);
        f.add(value);
    }
}
