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
