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

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SSE ids {@code <epoch>.<ms>-<seq>}: what parses, and how ids order within and across epochs. */
class IdsTest {

    @ParameterizedTest
    @CsvSource({"abc.1-0, abc, 1, 0", "0.1764620000000-7, 0, 1764620000000, 7", "zzzzzzzzzzzzzzzz.999999999999999999-1, zzzzzzzzzzzzzzzz, 999999999999999999, 1"})
    void anIdParsesIntoEpochAndEntryId(String id, String epoch, long millis, long seq) {
        Ids.Parsed p = Ids.parse(id);
        assertThat(p).isEqualTo(new Ids.Parsed(epoch, millis, seq));
        assertThat(Ids.format(p.epoch(), p.entryId())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "abc.", "abc.1", "abc.1-", "abc.-1", ".1-0", "ABC.1-0", "a-b.1-0", "abc.1-0-0",
            "abc.1-x", "abc.+1-0", "abc.01-0", "abc.1-00", "abc.00-0", "zzzzzzzzzzzzzzzzz.1-0", "abc.9999999999999999999-0", "abc.1 -0", "abc.1-0\n"})
    void anythingElseIsNotAnId(String id) {
        assertThat(Ids.parse(id)).isNull();
    }

    @Test
    void idsOrderByEntryWithinAnEpochNumerically() {
        assertThat(Ids.compare("e.9-0", "e.10-0", "e")).isNegative();
        assertThat(Ids.compare("e.10-2", "e.10-10", "e")).isNegative();
        assertThat(Ids.compare("e.10-10", "e.10-10", "e")).isZero();
        assertThat(Ids.compare("e.11-0", "e.10-99", "e")).isPositive();
    }

    @Test
    void anIdOfTheCurrentEpochComesAfterAnyOther() {
        assertThat(Ids.compare("new.1-0", "old.99-0", "new")).isPositive();
        assertThat(Ids.compare("old.99-0", "new.1-0", "new")).isNegative();
        assertThat(Ids.compare("garbage", "old.1-0", "new")).isNegative();
        assertThat(Ids.compare("old.1-0", "garbage", "new")).isPositive();
    }
}
