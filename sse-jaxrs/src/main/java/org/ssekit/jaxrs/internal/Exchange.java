package org.ssekit.jaxrs.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet request of an event-stream request, and the allowed cross-origin Origin (or
 * null), kept as a request property from the filter until the sink opens.
 */
record Exchange(HttpServletRequest request, String corsOrigin) {
    static final String PROPERTY = "org.ssekit.jaxrs.exchange";
}
