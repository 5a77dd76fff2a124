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

import java.util.Objects;
import java.util.Set;
import org.ssekit.conformance.client.Tls;

/**
 * How to run the suite. Immutable; build with {@link #builder()}.
 *
 * <p>Thread-safe.
 */
public final class Options {
    private final boolean strict;
    private final Set<String> only;
    private final int loadClients;
    private final Tls tls;

    private Options(Builder builder) {
        this.tls = builder.tls;
        this.strict = builder.strict;
        this.only = Set.copyOf(builder.only);
        this.loadClients = builder.loadClients;
    }

    /** The defaults: not strict, every case, 100 load clients. */
    public static Options defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether NON-STRICT verdicts fail the run. */
    public boolean strict() {
        return strict;
    }

    /** The case ids to run; empty means all. */
    public Set<String> only() {
        return only;
    }

    /** Whether a case id is selected. */
    public boolean selects(String id) {
        return only.isEmpty() || only.contains(id);
    }

    /** How many concurrent clients the LOAD cases open. */
    public int loadClients() {
        return loadClients;
    }

    /** How https servers are trusted (default: the JDK's trust store). */
    public Tls tls() {
        return tls;
    }

    /** Builds {@link Options}. Not thread-safe. */
    public static final class Builder {
        private boolean strict;
        private Set<String> only = Set.of();
        private int loadClients = 100;
        private Tls tls = Tls.systemDefault();

        private Builder() {
        }

        /** NON-STRICT verdicts fail the run too. */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /** Runs only these case ids (empty: all). */
        public Builder only(Set<String> ids) {
            this.only = Set.copyOf(ids);
            return this;
        }

        /** The number of clients for LOAD cases, 2 to 1000. */
        public Builder loadClients(int clients) {
            if (clients < 2 || clients > 1000) {
                throw new IllegalArgumentException("loadClients must be 2..1000, was " + clients);
            }
            this.loadClients = clients;
            return this;
        }

        /** How to trust https servers: {@link Tls#insecure()}, {@link Tls#trustStore}, or the default. */
        public Builder tls(Tls value) {
            this.tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /** The options. */
        public Options build() {
            return new Options(this);
        }
    }
}
