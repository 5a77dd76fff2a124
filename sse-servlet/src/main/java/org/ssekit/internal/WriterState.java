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
package org.ssekit.internal;

/**
 * The states of one stream's writer ({@link OutboundStream}), in the style of Jetty's
 * {@code IteratingCallback}. The state is guarded by the stream's monitor and read only under
 * it. At most one thread at a time acts as the writer: the one that moved the stream into
 * {@link #WRITING}. Frames can be queued in every state but {@link #ENDED}.
 *
 * <pre>
 *  NEW ──begin()──▶ STARTING ──onWritable()──▶ IDLE ◀──────────────┐
 *                                      │ frame queued               │ queue empty
 *                                      ▼                            │
 *                                  SCHEDULED ──writer task──▶ WRITING ──isReady() false──▶ AWAIT_WRITE / AWAIT_FLUSH
 *                                      ▲                          ▲ │                           │
 *                                      └── byte budget used ──────┘ └──── onWritable() ◀────────┘
 *  any state ──abort / failed write / queue closed and drained──▶ ENDED
 * </pre>
 */
enum WriterState {
    /** Opened, not yet begun: frames queue, nothing is written, so the opener can subscribe first. */
    NEW,
    /**
     * Begun; waiting for the container's first write-possible callback (the Servlet spec allows
     * no write before it).
     */
    STARTING,
    /** The transport is ready and nothing is queued; no thread is writing. */
    IDLE,
    /** Frames are queued and the stream waits for a writer task to take it. */
    SCHEDULED,
    /** A writer owns the transport: it writes the queued frames in one write, flushes, completes. */
    WRITING,
    /**
     * A batch was written but the container has not taken it all yet; its write-possible callback
     * resumes the writer, which then flushes.
     */
    AWAIT_WRITE,
    /**
     * A batch was flushed but the container has not sent it yet, or a turn found the transport
     * not ready before its first write; the write-possible callback resumes the writer, which
     * then completes the batch's stages (none for the latter) and writes on.
     */
    AWAIT_FLUSH,
    /**
     * Terminal: closed after draining, aborted, or failed. The stages of in-flight frames fail
     * first, then those of queued frames, in send order; then the transport is closed; then the
     * close callbacks run.
     */
    ENDED
}
