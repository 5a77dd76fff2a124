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
package org.ssekit.example;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.ssekit.EventLog;
import org.ssekit.EventLogProvider;

/**
 * The example as one node of a cluster (README, "Cluster"): with sse-redis on the class path and
 * {@code -Dssekit.redis.uri=redis://...}, every broadcaster of the example gets a shared Redis log
 * under its own name, so a publish on any node reaches the subscribers of every node and a client
 * resumes on any node; {@code -Dexample.peers=http://host:8082,http://host:8083} names the other
 * nodes, which the conformance fixtures declare (profile {@code cluster}) so the suite checks
 * RES-06 and RES-07. Without them, one node with in-memory logs.
 */
final class Cluster {
    static final String PEERS_PROPERTY = "example.peers";

    private Cluster() {
    }

    /** The shared log named {@code name} when the settings name one, else {@code local}'s. */
    static EventLog eventLog(String name, Supplier<EventLog> local) {
        return EventLogProvider.find(name, System::getProperty).orElseGet(local);
    }

    /** The base URLs of the other nodes (scheme://host:port), empty on a single node. */
    static List<String> peers() {
        String peers = System.getProperty(PEERS_PROPERTY, "");
        return Arrays.stream(peers.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p).toList();
    }
}
