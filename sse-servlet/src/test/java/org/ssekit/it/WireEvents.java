package org.ssekit.it;

import java.util.ArrayList;
import java.util.List;

/** Splits a body of LF-only SSE bytes (as ssekit writes them) into the events a client dispatches. */
final class WireEvents {
    record Event(String id, String event, String data) {
    }

    private WireEvents() {
    }

    /** Complete events only; comment lines and a trailing partial block are ignored. */
    static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        int end = body.lastIndexOf("\n\n");
        if (end < 0) {
            return events;
        }
        for (String block : body.substring(0, end).split("\n\n")) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data:")) {
                    String value = line.length() > 5 ? line.substring(6) : "";
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            if (data != null) {
                events.add(new Event(id, name, data.toString()));
            }
        }
        return events;
    }
}
