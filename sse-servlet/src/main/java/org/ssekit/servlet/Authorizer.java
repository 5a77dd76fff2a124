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
package org.ssekit.servlet;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides, before a stream opens, whether a request may subscribe, and as which user.
 * The library gives the hook; the application decides, from whatever it uses (a session
 * cookie, a bearer token, a token in the query).
 *
 * <pre>
 * Authorizer sessionUsers = request -&gt; {
 *     var session = request.getSession(false);
 *     Object user = session == null ? null : session.getAttribute("user");
 *     return user == null ? Authorizer.Access.deny(401, "log in first") : Authorizer.Access.allow(user.toString());
 * };
 * </pre>
 * A denied request is answered with the given status and a one-line text reason; nothing
 * is subscribed.
 *
 * <p>Thread safety: implementations are called concurrently from container threads.
 */
@FunctionalInterface
public interface Authorizer {

    /** Allows everyone; the user is the request's principal name, if any. */
    Authorizer PRINCIPAL = request -> Access.allow(
            Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName).orElse(null));

    Access authorize(HttpServletRequest request);

    /**
     * The answer of an {@link Authorizer}.
     *
     * <p>Thread safety: immutable.
     */
    final class Access {
        private final String user;
        private final int status;
        private final String reason;

        private Access(String user, int status, String reason) {
            this.user = user;
            this.status = status;
            this.reason = reason;
        }

        /** Allowed; {@code user} (may be null) receives events sent with {@code publishToUser}. */
        public static Access allow(String user) {
            return new Access(user, 0, null);
        }

        /** Refused with 401 or 403 and a short reason for the client. */
        public static Access deny(int status, String reason) {
            if (status != 401 && status != 403) {
                throw new IllegalArgumentException("status must be 401 or 403, got " + status);
            }
            return new Access(null, status, Objects.requireNonNull(reason, "reason"));
        }

        public boolean allowed() {
            return status == 0;
        }

        public Optional<String> user() {
            return Optional.ofNullable(user);
        }

        /** 401 or 403 when denied. */
        public int status() {
            return status;
        }

        public String reason() {
            return reason;
        }
    }
}
