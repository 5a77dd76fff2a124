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
package org.ssekit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.servlet.Authorizer;

/** Load shedding (503 + Retry-After, RTY-03) and the authorization hook. */
class AdmissionIT {
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Lets in {@code ?token=secret} as alice; 401 without a token, 403 with a wrong one. */
    public static final class TokenAuthorizer implements Authorizer {
        @Override
        public Access authorize(HttpServletRequest request) {
            String token = request.getParameter("token");
            if (token == null) {
                return Access.deny(401, "a token is required");
            }
            return token.equals("secret") ? Access.allow("alice") : Access.deny(403, "bad token");
        }
    }

    @Test
    void aCapOfOpenStreamsAnswers503WithRetryAfterAndOpensNothing() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0", "maxConnections", "2", "retryMillis", "4000");
        try (RawClient a = RawClient.get(server.port(), "/events?channel=c");
                RawClient b = RawClient.get(server.port(), "/events?channel=c")) {
            assertThat(a.status()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(200);
            try (RawClient refused = RawClient.get(server.port(), "/events?channel=c")) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).matches("[0-9]+");
                assertThat(Long.parseLong(refused.header("Retry-After"))).isGreaterThanOrEqualTo(4);
                assertThat(refused.readFor(Duration.ofMillis(200))).contains("retry later");
            }
            assertThat(FilterServer.broadcaster(server).subscribers()).isEqualTo(2);
        }
    }

    @Test
    void theAuthorizerRefusesBeforeTheStreamOpensAndNamesTheUser() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0", "authorizer", TokenAuthorizer.class.getName());
        try (RawClient none = RawClient.get(server.port(), "/events?channel=c")) {
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.readFor(Duration.ofMillis(200))).contains("token is required");
        }
        try (RawClient wrong = RawClient.get(server.port(), "/events?channel=c&token=guess")) {
            assertThat(wrong.status()).isEqualTo(403);
        }
        assertThat(FilterServer.broadcaster(server).subscribers()).isZero();
        try (RawClient alice = RawClient.get(server.port(), "/events?channel=c&token=secret")) {
            assertThat(alice.status()).isEqualTo(200);
            alice.readUntil(":\n", Duration.ofSeconds(5));
            FilterServer.broadcaster(server).publishToUser("alice", org.ssekit.SseEvent.of("just for you"));
            assertThat(alice.readUntil("data: just for you\n\n", Duration.ofSeconds(5))).isNotEmpty();
        }
    }
}
