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
