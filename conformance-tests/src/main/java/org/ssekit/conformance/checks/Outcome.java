package org.ssekit.conformance.checks;

import org.ssekit.conformance.Verdict;

/** What a case found: the verdict, what the rule asks for and what the server did. */
record Outcome(Verdict verdict, String expected, String actual) {
}
