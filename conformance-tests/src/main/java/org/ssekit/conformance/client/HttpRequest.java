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

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP/1.1 request as the raw client writes it: method, target URI, header fields in
 * order (sent verbatim, so a test can send what a library would refuse) and an optional body.
 *
 * <p>Immutable; {@link #header} returns a copy.
 */
public final class HttpRequest {
    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, byte[]>> headers;
    private final byte[] body;

    private HttpRequest(String method, URI uri, List<Map.Entry<String, byte[]>> headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    /** A GET with no header fields beyond Host. */
    public static HttpRequest get(URI uri) {
        return new HttpRequest("GET", uri, List.of(), null);
    }

    /** A GET as {@code EventSource} sends it: {@code Accept: text/event-stream}, {@code Cache-Control: no-cache}. */
    public static HttpRequest eventStream(URI uri) {
        return get(uri).header("Accept", "text/event-stream").header("Cache-Control", "no-cache");
    }

    /** A request with any method, no header fields and no body. */
    public static HttpRequest of(String method, URI uri) {
        return new HttpRequest(method, uri, List.of(), null);
    }

    /** A POST with a JSON body. */
    public static HttpRequest postJson(URI uri, String json) {
        return new HttpRequest("POST", uri, List.of(), json.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
    }

    /** This request plus one header field; the value is sent as UTF-8 bytes. */
    public HttpRequest header(String name, String value) {
        return headerBytes(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** This request plus one header field with raw value bytes (for non-UTF-8 probes). */
    public HttpRequest headerBytes(String name, byte[] value) {
        List<Map.Entry<String, byte[]>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(name, value.clone()));
        return new HttpRequest(method, uri, copy, body);
    }

    /** The method. */
    public String method() {
        return method;
    }

    /** The target. */
    public URI uri() {
        return uri;
    }

    /** The serialized request head and body, exactly as written to the socket. */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder();
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (Map.Entry<String, byte[]> field : headers) {
            out.writeBytes((field.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(field.getValue());
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
