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

/** The outcome of one case, Autobahn|Testsuite style. */
public enum Verdict {
    /** The server follows the rule. */
    OK("OK"),
    /** A SHOULD is not followed; FAILED under {@code --strict}. */
    NON_STRICT("NON-STRICT"),
    /** A measurement or observation; never fails. */
    INFORMATIONAL("INFORMATIONAL"),
    /** Not checked: no fixture, or the profile is not declared, or the server lacks the feature. */
    UNIMPLEMENTED("UNIMPLEMENTED"),
    /** A MUST is violated. */
    FAILED("FAILED");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The label used in reports, such as {@code NON-STRICT}. */
    public String label() {
        return label;
    }

    /** Whether this verdict makes a run fail. */
    public boolean fails(boolean strict) {
        return this == FAILED || (strict && this == NON_STRICT);
    }
}
