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

import java.util.List;

/**
 * The checks of one area (framing, headers, CORS, ...). Each decides some cases of
 * {@link Cases}. The suite calls {@link #run} only for selected cases whose fixture and
 * profile requirements the target meets; everything else is UNIMPLEMENTED without a call.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface Check {
    /** The ids of the cases this check decides. */
    List<String> caseIds();

    /**
     * Runs one case against the target. Never throws for a server's misbehaviour: that is
     * a verdict.
     */
    CaseResult run(ConformanceCase conformanceCase, Target target);
}
