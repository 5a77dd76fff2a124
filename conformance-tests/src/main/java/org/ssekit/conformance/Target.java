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
package org.ssekit.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ssekit.conformance.client.Capabilities;
import org.ssekit.conformance.client.FixtureClient;

/**
 * The server under test: its base URL and, when it has the conformance fixture, the
 * fixture client and the declared capabilities. Without a fixture the base URL itself is
 * the event stream.
 *
 * <p>Thread-safe.
 */
public final class Target {
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    private final URI base;
    private final Options options;
    private final Optional<Capabilities> capabilities;
    private final FixtureClient fixture;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    /** A target; {@code capabilities} is empty for a bare stream URL. */
    public Target(URI base, Options options, Optional<Capabilities> capabilities) {
        this.base = Objects.requireNonNull(base, "base");
        this.options = Objects.requireNonNull(options, "options");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.fixture = new FixtureClient(base);
    }

    /** The base URL. */
    public URI base() {
        return base;
    }

    /** The run options. */
    public Options options() {
        return options;
    }

    /** The declared capabilities; empty without a fixture. */
    public Optional<Capabilities> capabilities() {
        return capabilities;
    }

    /** Whether the target exposes the conformance fixture. */
    public boolean hasFixture() {
        return capabilities.isPresent();
    }

    /** Whether the fixture declares a profile. */
    public boolean declares(String profile) {
        return capabilities.map(c -> c.declares(profile)).orElse(false);
    }

    /** The fixture client; only meaningful when {@link #hasFixture()}. */
    public FixtureClient fixture() {
        if (!hasFixture()) {
            throw new IllegalStateException("the target has no conformance fixture");
        }
        return fixture;
    }

    /** A channel name no other case uses. */
    public String newChannel(String hint) {
        return "sc-" + runId + "-" + hint.toLowerCase(Locale.ROOT) + "-" + CHANNELS.incrementAndGet();
    }

    /** The stream to read: the fixture's events for {@code channel}, or the base URL itself. */
    public URI streamUri(String channel) {
        return hasFixture() ? fixture.events(List.of(channel)) : base;
    }

    /** The declared heartbeat interval, or 15 s when none is declared. */
    public Duration heartbeat() {
        long millis = capabilities.map(Capabilities::heartbeatMillis).orElse(0L);
        return millis > 0 ? Duration.ofMillis(millis) : Duration.ofSeconds(15);
    }
}
