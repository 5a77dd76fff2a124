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
