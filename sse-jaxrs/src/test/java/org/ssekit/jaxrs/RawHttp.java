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
package org.ssekit.jaxrs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 request over a plain socket, for headers no HTTP client lets a test set, and clients that never read. */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private boolean chunked; // set by readHead

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /**
     * Sends {@code method path} with {@code headers} (name, value, ...) and no body.
     *
     * @param receiveBuffer the socket's receive buffer in bytes, or 0 for the default
     */
    static RawHttp send(int port, String method, String path, int receiveBuffer, String... headers) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return new RawHttp(socket);
    }

    /** The status line and headers (names lower-cased, repeated ones joined with ", "). */
    record Head(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    Head readHead() throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = readLine(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        Head head = new Head(Integer.parseInt(statusLine.split(" ")[1]), headers);
        chunked = "chunked".equalsIgnoreCase(head.header("Transfer-Encoding"));
        return head;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside the head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * True when the server ends the response within the socket timeout of each read: it closes
     * or resets the connection, or, on a chunked response, sends the last chunk (a container may
     * end an exchange gracefully and keep the connection for the next request).
     */
    boolean drainsToEnd() {
        try {
            InputStream in = socket.getInputStream();
            if (!chunked) {
                byte[] buf = new byte[64 * 1024];
                while (in.read(buf) >= 0) {
                    // discard
                }
                return true;
            }
            for (;;) {
                String sizeLine = readLine(in);
                int semicolon = sizeLine.indexOf(';');
                long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    return true; // the last chunk
                }
                in.skipNBytes(size);
                readLine(in); // the CRLF after the chunk's data
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // closed or reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
