package org.ssekit.conformance.checks;

import java.io.IOException;
import java.util.Optional;
import org.ssekit.conformance.client.HttpExchange;

/** CMP: content codings on a stream. */
final class Compression extends AreaCheck {

    Compression() {
        define("CMP-01", this::onlyOfferedCodings);
        define("CMP-02", this::noCompressionByDefault);
    }

    private static boolean encoded(Optional<String> coding) {
        return coding.isPresent() && !coding.get().isBlank() && !coding.get().equalsIgnoreCase("identity");
    }

    private Outcome onlyOfferedCodings(Probe probe) throws IOException {
        HttpExchange exchange = probe.open(probe.streamRequest(probe.channel()).header("Accept-Encoding", "identity"));
        Optional<String> coding = exchange.head().first("Content-Encoding");
        String expected = "no Content-Encoding for Accept-Encoding: identity";
        return encoded(coding) ? probe.violation(expected, "Content-Encoding: " + coding.get())
                : probe.ok(expected, coding.map(c -> "Content-Encoding: " + c).orElse("no Content-Encoding"));
    }

    private Outcome noCompressionByDefault(Probe probe) throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.open(probe.streamRequest(channel).header("Accept-Encoding", "gzip, deflate, br"));
        Optional<String> coding = exchange.head().first("Content-Encoding");
        String expected = "no compression; or, if compressed, each event flushed at once";
        if (!encoded(coding)) {
            return probe.ok(expected, "not compressed although gzip was offered");
        }
        if (!probe.target().hasFixture()) {
            return probe.violation(expected, "Content-Encoding: " + coding.get() + " by default");
        }
        exchange.awaitQuiet(Probe.QUIET, Probe.QUIET.multipliedBy(3));
        int before = exchange.body().length;
        probe.publish(channel, "compressed-" + channel);
        boolean flushed = exchange.await(e -> e.body().length > before, Probe.QUIET.multipliedBy(3));
        String actual = "Content-Encoding: " + coding.get() + (flushed ? ", event flushed" : ", event held back");
        return flushed ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }
}
