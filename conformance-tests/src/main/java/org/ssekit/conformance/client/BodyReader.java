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
package org.ssekit.conformance.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads an HTTP/1.1 response body by its framing and hands over the payload bytes as they arrive. */
final class BodyReader {

    /** Receives payload bytes; the array is reused after the call returns. */
    interface Sink {
        void accept(byte[] bytes, int offset, int length);
    }

    private enum Framing { NONE, CHUNKED, LENGTH, CLOSE }

    private final Framing framing;
    private final long length;
    private final InputStream in;
    private final Sink sink;
    private final byte[] buffer = new byte[16 * 1024];

    private BodyReader(Framing framing, long length, InputStream in, Sink sink) {
        this.framing = framing;
        this.length = length;
        this.in = in;
        this.sink = sink;
    }

    /** Chooses the framing per RFC 9112 section 6.3. */
    static BodyReader forResponse(String method, ResponseHead head, InputStream in, Sink sink) {
        int status = head.status();
        if ("HEAD".equals(method) || status == 204 || status == 304 || status / 100 == 1) {
            return new BodyReader(Framing.NONE, 0, in, sink);
        }
        if (head.all("Transfer-Encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            return new BodyReader(Framing.CHUNKED, -1, in, sink);
        }
        var contentLength = head.first("Content-Length");
        if (contentLength.isPresent()) {
            try {
                return new BodyReader(Framing.LENGTH, Long.parseLong(contentLength.get().trim()), in, sink);
            } catch (NumberFormatException e) {
                return new BodyReader(Framing.CLOSE, -1, in, sink);
            }
        }
        return new BodyReader(Framing.CLOSE, -1, in, sink);
    }

    /** Reads until the body is complete; EOFException when it ends early. */
    void readAll() throws IOException {
        switch (framing) {
            case NONE -> { }
            case CHUNKED -> readChunked();
            case LENGTH -> readExactly(length);
            case CLOSE -> readToClose();
        }
    }

    private void readChunked() throws IOException {
        while (true) {
            String sizeLine = HeadReader.readLine(in);
            if (sizeLine == null) {
                throw new EOFException("connection closed before the last chunk");
            }
            long size = parseChunkSize(sizeLine);
            if (size == 0) {
                skipTrailers();
                return;
            }
            readExactly(size);
            HeadReader.readLine(in);
        }
    }

    private static long parseChunkSize(String line) throws IOException {
        String hex = line.split(";", 2)[0].trim();
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size line: " + WireLog.escape(line), e);
        }
    }

    private void skipTrailers() throws IOException {
        for (String line = HeadReader.readLine(in); line != null && !line.isEmpty(); line = HeadReader.readLine(in)) {
            continue;
        }
    }

    private void readExactly(long count) throws IOException {
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("connection closed with " + left + " body bytes missing");
            }
            sink.accept(buffer, 0, read);
            left -= read;
        }
    }

    private void readToClose() throws IOException {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            sink.accept(buffer, 0, read);
        }
    }
}
