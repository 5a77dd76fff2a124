/**
 * One check per area of the checklist (framing, headers, CORS, heartbeat, resume, retry,
 * close, HTTP versions, compression, bad input, load); {@link org.ssekit.conformance.checks.Checks#all()}
 * lists them. Each case runs with its own wire log and connections.
 */
package org.ssekit.conformance.checks;
