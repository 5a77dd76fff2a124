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
package org.ssekit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ssekit.EventLog;
import org.ssekit.SseEvent;

/**
 * RES-02, RES-03 and BAD-01/02 under generated Last-Event-ID values: the in-memory log's
 * replay never throws; an id that does not name a position of this log is unknown (the reset
 * rule), never a silent "from now" or a replay from a guessed position; a position replays
 * exactly what followed it.
 */
class LastEventIdFuzzTest {

    @DictionaryEntries({"-", "-0", "-1", "-00", "+1", "999999999999999999", "9223372036854775807"})
    @FuzzTest(maxDuration = "10m")
    void lastEventId(FuzzedDataProvider data) {
        EventLog log = EventLog.inMemory(8, 1 << 20, Duration.ofHours(1));
        log.open(new EventLog.Feed() {
            @Override
            public void start(String position) {
            }

            @Override
            public int deliver(String channel, SseEvent event) {
                return 0;
            }
        });
        int published = data.consumeInt(1, 5);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < published; i++) {
            ids.add(log.append("c", SseEvent.of("e" + i)).toCompletableFuture().join().id());
        }
        String first = ids.get(0);
        String epoch = first.substring(0, first.lastIndexOf('-') + 1);
        String lastEventId = data.consumeRemainingAsString();
        EventLog.Replay replay = log.replay(java.util.Set.of("c"), lastEventId, ids.get(ids.size() - 1), 100)
                .toCompletableFuture().join();
        // Position 0 (before the first event) is a position too: it replays everything. Only the
        // canonical form names a position: "<epoch>-04" (found by this target, once read as 4)
        // is an id the log never issued, so it is unknown.
        int position = -1;
        if (lastEventId.startsWith(epoch)) {
            String digits = lastEventId.substring(epoch.length());
            if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    && (digits.length() == 1 || digits.charAt(0) != '0') && Long.parseLong(digits) <= published) {
                position = (int) Long.parseLong(digits);
            }
        }
        if (position < 0) {
            assertThat(replay.isKnown()).as("not a position of this log: [%s] (issued %s)", lastEventId, ids)
                    .isFalse();
        } else {
            assertThat(replay.isKnown()).isTrue();
            assertThat(replay.events()).hasSize(published - position);
        }
    }
}
