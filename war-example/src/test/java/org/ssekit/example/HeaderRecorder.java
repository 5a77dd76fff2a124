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
package org.ssekit.example;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A filter in front of the whole WAR that records every response header field the
 * application sets through the Servlet API (both bindings: ssekit's servlet transport and
 * Jersey's servlet container write through the response they are given). What the
 * application asks for is what a container that forwards headers as given would send, so
 * this sees a connection-specific field that Jetty's or Tomcat's HTTP/2 layer would strip.
 *
 * <p>Thread-safe.
 */
final class HeaderRecorder implements Filter {
    /** Fields that HTTP/2 forbids (RFC 9113 section 8.2.2). */
    static final List<String> CONNECTION_SPECIFIC = List.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade");

    /** One field the application set on the response of a request. */
    record Field(String protocol, String uri, String name, String value) {
    }

    private final ConcurrentLinkedQueue<Field> fields = new ConcurrentLinkedQueue<>();

    /** Every field set so far. */
    List<Field> fields() {
        return List.copyOf(fields);
    }

    /** The fields set on responses to requests whose URI starts with {@code prefix}. */
    List<Field> fieldsFor(String prefix) {
        return fields.stream().filter(f -> f.uri().startsWith(prefix)).toList();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String uri = http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
        chain.doFilter(request, new Recording((HttpServletResponse) response, http.getProtocol(), uri));
    }

    private final class Recording extends HttpServletResponseWrapper {
        private final String protocol;
        private final String uri;

        Recording(HttpServletResponse response, String protocol, String uri) {
            super(response);
            this.protocol = protocol;
            this.uri = uri;
        }

        private void record(String name, Object value) {
            fields.add(new Field(protocol, uri, name.toLowerCase(Locale.ROOT), String.valueOf(value)));
        }

        @Override
        public void setHeader(String name, String value) {
            record(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            record(name, value);
            super.addHeader(name, value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            record(name, value);
            super.setIntHeader(name, value);
        }

        @Override
        public void addIntHeader(String name, int value) {
            record(name, value);
            super.addIntHeader(name, value);
        }

        @Override
        public void setDateHeader(String name, long date) {
            record(name, date);
            super.setDateHeader(name, date);
        }

        @Override
        public void addDateHeader(String name, long date) {
            record(name, date);
            super.addDateHeader(name, date);
        }
    }
}
