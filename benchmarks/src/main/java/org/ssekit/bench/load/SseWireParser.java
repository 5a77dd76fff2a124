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
package org.ssekit.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response carrying an event stream, byte by byte, without allocating per
 * event: the status line and headers, chunked or close-delimited framing, then the SSE lines
 * (CR, LF or CRLF). For the first data line of each event it parses the benchmark payload
 * {@code seq:sentNanos:padding} and reports the event to a {@link Listener}.
 *
 * <p>Thread safety: not thread-safe; one parser per connection, fed by one thread.
 */
public final class SseWireParser {
    /** Told about every dispatched event and every heartbeat. */
    public interface Listener {
        void onEvent(long seq, long sentNanos);

        void onBeat();
    }

    private enum Chunk { SIZE, EXTENSION, DATA, DATA_END, DONE }

    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final int KIND_START = 0;
    private static final int KIND_DATA = 1;
    private static final int KIND_COMMENT = 2;
    private static final int KIND_OTHER = 3;

    private final Listener listener;

    private StringBuilder head = new StringBuilder(256);
    private int status;
    private boolean chunked;
    private boolean ended;

    private Chunk chunk = Chunk.SIZE;
    private long chunkLeft;

    private int kind = KIND_START;
    private int linePos;
    private boolean afterCr;
    private boolean eventHasData;
    private int numberField;
    private long seq;
    private long sentNanos;

    public SseWireParser(Listener listener) {
        this.listener = listener;
    }

    /** True once the status line and headers have been read. */
    public boolean headComplete() {
        return head == null;
    }

    public int status() {
        return status;
    }

    /** True when a chunked body has ended with its last chunk. */
    public boolean ended() {
        return ended;
    }

    public void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && head != null) {
            if (headByte(bytes[i++])) {
                finishHead();
            }
        }
        if (i < end) {
            if (chunked) {
                body(bytes, i, end);
            } else {
                sse(bytes, i, end);
            }
        }
    }

    private boolean headByte(byte b) {
        head.append((char) (b & 0xff));
        int n = head.length();
        return n >= 4 && b == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                && head.charAt(n - 4) == '\r';
    }

    private void finishHead() {
        String text = head.toString();
        head = null;
        String[] statusLine = text.substring(0, text.indexOf('\r')).split(" ");
        status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
        chunked = text.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked");
    }

    private void body(byte[] b, int i, int end) {
        while (i < end) {
            switch (chunk) {
                case SIZE -> i = chunkSize(b[i], i);
                case EXTENSION -> {
                    if (b[i++] == '\n') {
                        startChunk();
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(chunkLeft, end - i);
                    sse(b, i, i + n);
                    i += n;
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        chunk = Chunk.DATA_END;
                    }
                }
                case DATA_END -> {
                    if (b[i++] == '\n') {
                        chunk = Chunk.SIZE;
                        chunkLeft = 0;
                    }
                }
                case DONE -> i = end;
            }
        }
    }

    private int chunkSize(byte c, int i) {
        int digit = Character.digit(c, 16);
        if (digit >= 0) {
            chunkLeft = chunkLeft * 16 + digit;
        } else if (c == '\n') {
            startChunk();
        } else if (c != '\r') {
            chunk = Chunk.EXTENSION;
        }
        return i + 1;
    }

    private void startChunk() {
        if (chunkLeft == 0) {
            chunk = Chunk.DONE;
            ended = true;
        } else {
            chunk = Chunk.DATA;
        }
    }

    private void sse(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                boolean lfOfCrLf = c == '\n' && afterCr;
                afterCr = c == '\r';
                if (!lfOfCrLf) {
                    endLine();
                }
            } else {
                afterCr = false;
                lineByte(c);
            }
        }
    }

    private void lineByte(byte c) {
        if (kind == KIND_START) {
            kind = c == ':' ? KIND_COMMENT : c == DATA[0] ? KIND_DATA : KIND_OTHER;
        } else if (kind == KIND_DATA && linePos < DATA.length && c != DATA[linePos]) {
            kind = KIND_OTHER;
        } else if (kind == KIND_DATA && linePos >= DATA.length && !eventHasData) {
            payloadByte(c);
        }
        linePos++;
    }

    private void payloadByte(byte c) {
        if (c == ':') {
            numberField++;
        } else if (c >= '0' && c <= '9') {
            if (numberField == 0) {
                seq = seq * 10 + (c - '0');
            } else if (numberField == 1) {
                sentNanos = sentNanos * 10 + (c - '0');
            }
        }
    }

    private void endLine() {
        if (linePos == 0) {
            dispatch();
        } else if (kind == KIND_COMMENT) {
            listener.onBeat();
        } else if (kind == KIND_DATA && linePos >= DATA.length - 1) {
            eventHasData = true; // "data:..." or a bare "data", which is a data field with an empty value
        }
        kind = KIND_START;
        linePos = 0;
    }

    private void dispatch() {
        if (eventHasData) {
            listener.onEvent(seq, sentNanos);
        } else {
            listener.onBeat();
        }
        eventHasData = false;
        numberField = 0;
        seq = 0;
        sentNanos = 0;
    }
}
