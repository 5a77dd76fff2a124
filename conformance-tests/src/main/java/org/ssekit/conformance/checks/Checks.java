package org.ssekit.conformance.checks;

import java.util.List;
import org.ssekit.conformance.Check;

/** Every area check of the suite. Stateless and thread-safe. */
public final class Checks {
    private Checks() {
    }

    /** One instance of each area check. */
    public static List<Check> all() {
        return List.of(new Framing(), new Headers(), new Cors(), new Heartbeat(), new Resume(), new Retry(),
                new Close(), new HttpVersions(), new Compression(), new BadInput(), new Load(),
                new Cluster());
    }
}
