package org.ssekit.example;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the demos and the fixture: writes flat objects, and reads one flat
 * object of strings, numbers, booleans and nulls, strictly (anything else is an error).
 * The WAR carries no JSON library so that it runs on a bare servlet container.
 */
final class Json {
    private Json() {
    }

    /** {@code {"k": v, ...}}; values are strings, numbers, booleans, null, or raw {@link Raw} JSON. */
    static String object(Object... keysAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, (String) keysAndValues[i]).append(':');
            value(out, keysAndValues[i + 1]);
        }
        return out.append('}').toString();
    }

    /** A value written as is: already JSON. */
    record Raw(String json) {
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Raw raw) {
            out.append(raw.json());
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else {
            quote(out, v.toString());
        }
    }

    static String quote(String s) {
        return quote(new StringBuilder(), s).toString();
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // Keeps "</script>" and U+2028/9 harmless wherever the JSON ends up.
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /**
     * Reads one flat JSON object. Strings come back as String, numbers as Double (or Long
     * when integral), booleans as Boolean, null as null.
     *
     * @throws IllegalArgumentException with a short reason when the text is not such an object
     */
    static Map<String, Object> parseObject(String text) {
        return new Reader(text).object();
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> result = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    if (result.containsKey(key)) {
                        throw error("duplicate key \"" + key + "\"");
                    }
                    result.put(key, scalar());
                    skipSpace();
                    if (peek() == ',') {
                        pos++;
                        continue;
                    }
                    expect('}');
                    break;
                }
            }
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the object");
            }
            return result;
        }

        private Object scalar() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (c == '-' || c >= '0' && c <= '9') {
                return number();
            }
            throw error("expected a string, number, boolean or null");
        }

        private Object number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(start, pos);
            if (!n.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                throw error("malformed number " + n);
            }
            double d = Double.parseDouble(n);
            return n.matches("-?\\d{1,18}") ? (Object) Long.parseLong(n) : (Object) d;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = pos < s.length() ? s.charAt(pos++) : 0;
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        private void skipSpace() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private IllegalArgumentException error(String reason) {
            return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + reason);
        }
    }
}
