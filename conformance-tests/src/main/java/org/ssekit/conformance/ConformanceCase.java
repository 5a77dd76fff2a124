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
package org.ssekit.conformance;

import java.util.Objects;
import java.util.Optional;

/**
 * One case of the checklist (CONFORMANCE.md).
 *
 * @param id      the case id, such as {@code FRM-05}
 * @param title   what the server must do, in a few words
 * @param level   how binding it is
 * @param profile the capability the server must declare for the case to run, such as
 *                {@code resume}; empty for cases that always run
 * @param fixture whether the case needs the conformance fixture (it drives the server)
 * @param rule    the rule, quoted
 * @param source  where the rule comes from
 */
public record ConformanceCase(String id, String title, Level level, Optional<String> profile, boolean fixture,
                              String rule, String source) {
    /** Checks that no component is null. */
    public ConformanceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }

    /** The area prefix of the id, such as {@code FRM}. */
    public String area() {
        return id.substring(0, id.indexOf('-'));
    }
}
