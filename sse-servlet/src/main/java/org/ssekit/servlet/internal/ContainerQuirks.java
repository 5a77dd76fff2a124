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
package org.ssekit.servlet.internal;

import org.ssekit.SseConfig;

/**
 * Where servlet containers differ from the spec, in one place. Each quirk is a setting
 * ({@link SseConfig#blockingWrites()}, {@link SseConfig#doubleFirstFlush()}, init-params
 * {@code blockingWrites} and {@code doubleFirstFlush}) whose default is detected from the
 * container's server info.
 *
 * <ul>
 * <li>{@code blockingWrites}: Open Liberty ("IBM WebSphere Liberty/...") writes and flushes
 *     synchronously once a client stops reading, though {@code isReady()} said true, so a writer
 *     there may block; such streams run on the writer pool for blocking writes.
 * <li>{@code doubleFirstFlush}: Open Liberty ignores a response's first flush (it only commits
 *     the head), so the first flush is sent twice; otherwise the first frame waits for the next.
 * </ul>
 *
 * @param blockingWrites whether a write may block although the output said it was ready
 * @param doubleFirstFlush whether the first flush must be sent twice
 */
public record ContainerQuirks(boolean blockingWrites, boolean doubleFirstFlush) {
    private static final String LIBERTY = "IBM WebSphere Liberty";

    /** The quirks of the container that says {@code serverInfo}, unless {@code config} sets them. */
    public static ContainerQuirks of(SseConfig config, String serverInfo) {
        boolean liberty = serverInfo != null && serverInfo.startsWith(LIBERTY);
        return new ContainerQuirks(config.blockingWrites().orElse(liberty), config.doubleFirstFlush().orElse(liberty));
    }
}
