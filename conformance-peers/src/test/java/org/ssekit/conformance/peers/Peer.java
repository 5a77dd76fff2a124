package org.ssekit.conformance.peers;

import java.net.URI;

/** A running peer: a server of another stack behind the conformance fixture contract, on a free loopback port. */
interface Peer extends AutoCloseable {

    /** The fixture's base URL, for example {@code http://127.0.0.1:PORT/fx}. */
    URI base();

    /** Stops the server; quiet, as a test's clean-up should be. */
    @Override
    void close();
}
