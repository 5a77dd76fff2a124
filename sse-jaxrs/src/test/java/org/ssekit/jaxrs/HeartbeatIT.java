package org.ssekit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.SseConfig;

/** HB-01..04: an idle sink gets bare comment lines from the core's shared heartbeat thread. */
class HeartbeatIT {
    private static final Duration INTERVAL = Duration.ofMillis(300);
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder().heartbeat(INTERVAL).build());

    @Test
    void anIdleSinkGetsABareCommentAtLeastEveryInterval() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            assertThat(client.nextLine(EventClient.WAIT)).isEqualTo(":");
            // Allow scheduling noise on a busy machine, but far less than a missed beat or two.
            Duration bound = INTERVAL.multipliedBy(3);
            for (int beat = 0; beat < 4; beat++) {
                assertThat(client.nextLine(bound)).as("heartbeat %d", beat).isEqualTo(":");
            }
            assertThat(client.rawText()).matches("(:\n)+");
        }
    }
}
