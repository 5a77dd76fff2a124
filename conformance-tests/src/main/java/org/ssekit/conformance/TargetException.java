package org.ssekit.conformance;

/**
 * The target cannot be checked at all: a malformed URL, an unsupported scheme, or a server
 * that cannot be reached. The message is one line meant for a person.
 */
public final class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message. */
    public TargetException(String message) {
        super(message);
    }

    /** An exception with a one-line message and its cause. */
    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
