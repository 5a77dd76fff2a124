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

/** How binding a case is, as in CONFORMANCE.md. */
public enum Level {
    /** A normative rule: a violation is {@link Verdict#FAILED}. */
    MUST,
    /** A recommendation: a violation is {@link Verdict#NON_STRICT}, FAILED under {@code --strict}. */
    SHOULD,
    /** Measured and reported, never fails: always {@link Verdict#INFORMATIONAL}. */
    INFO;

    /** The verdict for a violation of a case at this level. */
    public Verdict violation() {
        return switch (this) {
            case MUST -> Verdict.FAILED;
            case SHOULD -> Verdict.NON_STRICT;
            case INFO -> Verdict.INFORMATIONAL;
        };
    }
}
