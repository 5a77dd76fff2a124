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
