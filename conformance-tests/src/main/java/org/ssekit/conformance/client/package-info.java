/**
 * The suite's view of the wire: a raw HTTP/1.1 client that records a timestamped {@link
 * org.ssekit.conformance.client.WireLog}, an HTTP/2 cleartext probe on Jetty's low-level
 * client, the client of the conformance fixture, and {@link
 * org.ssekit.conformance.client.EventStreamParser}, the WHATWG-exact reference parser that
 * decides what a browser would dispatch.
 */
package org.ssekit.conformance.client;
