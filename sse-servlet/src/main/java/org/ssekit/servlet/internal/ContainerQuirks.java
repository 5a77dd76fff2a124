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
