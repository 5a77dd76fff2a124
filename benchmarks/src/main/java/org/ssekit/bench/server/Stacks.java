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
package org.ssekit.bench.server;

import java.util.List;

/** The stacks under test, by the names the report uses. */
public final class Stacks {
    public static final String SSEKIT_SERVLET = "ssekit-servlet";
    /** The servlet binding on the Redis log (sse-redis): the fan-out fed by the node's Redis reader. */
    public static final String SSEKIT_REDIS = "ssekit-redis";
    public static final String SSEKIT_JAXRS = "ssekit-jaxrs";
    /** System properties of a {@link #SSEKIT_REDIS} server: its Redis, and the stream all nodes of one measurement share. */
    public static final String REDIS_URI = "bench.redis.uri";
    public static final String REDIS_STREAM = "bench.redis.stream";
    public static final String JERSEY = "jersey";
    public static final String JETTY = "jetty-eventsource";
    public static final String RAW = "raw";

    /** Every stack, in report order. */
    public static List<String> available() {
        return List.of(SSEKIT_SERVLET, SSEKIT_REDIS, SSEKIT_JAXRS, JERSEY, JETTY, RAW);
    }

    private Stacks() {
    }

    static ServerUnderTest create(String name) {
        switch (name) {
            case SSEKIT_SERVLET:
                return new SsekitServletStack();
            case SSEKIT_REDIS:
                return SsekitServletStack.onRedis();
            case SSEKIT_JAXRS:
                return new SsekitJaxrsStack();
            case JERSEY:
                return new JerseyStack();
            case JETTY:
                return new JettyEventSourceStack();
            case RAW:
                return new RawStack();
            default:
                throw new IllegalArgumentException("unknown stack " + name + "; known: " + available());
        }
    }
}
