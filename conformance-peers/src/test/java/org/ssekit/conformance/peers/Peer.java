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
