package dev.aiworkbench.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** JSON the way Go's encoding/json writes it: compact, {@code <>&} escaped, floats in Go's shortest form. */
final class FakeOllamaJson {
    /** Reads requests: lenient about nothing, like Go's decoder, but ignores trailing data as Go's Decode does. */
    static final ObjectMapper READER = new ObjectMapper();
    private static final ObjectMapper WRITER = goWriter();

    private FakeOllamaJson() {
    }

    private static ObjectMapper goWriter() {
        JsonFactory factory = new JsonFactory();
        factory.setCharacterEscapes(new GoEscapes());
        return new ObjectMapper(factory);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The compact text of a node, as json.Marshal gives it. */
    static String compact(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return compact(node).getBytes(StandardCharsets.UTF_8);
    }

    /** One NDJSON line: the compact object and a newline. */
    static byte[] line(JsonNode node) {
        return (compact(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode parse(byte[] body) throws IOException {
        return READER.readTree(body);
    }

    /** A float32 the way Go marshals it: shortest digits, plain unless tiny or huge, "1e-7" style exponents. */
    static RawValue float32(float f) {
        return new RawValue(goFloat(Float.toString(f), Math.abs(f) != 0 && (Math.abs(f) < 1e-6f || Math.abs(f) >= 1e21f)));
    }

    /** A float64 the way Go marshals it. */
    static RawValue float64(double d) {
        return new RawValue(goFloat(Double.toString(d), Math.abs(d) != 0 && (Math.abs(d) < 1e-6 || Math.abs(d) >= 1e21)));
    }

    private static String goFloat(String javaText, boolean exponent) {
        if (javaText.equals("NaN") || javaText.contains("Infinity")) {
            throw new IllegalArgumentException("json: unsupported value: " + javaText);
        }
        BigDecimal value = new BigDecimal(javaText);
        if (value.signum() == 0) {
            return javaText.startsWith("-") ? "-0" : "0";
        }
        value = value.stripTrailingZeros();
        if (!exponent) {
            return value.toPlainString();
        }
        String digits = value.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - value.scale();
        StringBuilder text = new StringBuilder();
        if (value.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        // Go writes at least two exponent digits, then shortens "e-07" to "e-7"
        text.append(abs < 10 && exp > 0 ? "0" + abs : Integer.toString(abs));
        return text.toString();
    }

    /** RFC 3339 with nanoseconds, trailing zeros dropped, as Go's time.RFC3339Nano; UTC is written "Z". */
    static String rfc3339Nano(OffsetDateTime time) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond()));
        int nanos = time.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        int offset = time.getOffset().getTotalSeconds();
        if (offset == 0) {
            text.append('Z');
        } else {
            int abs = Math.abs(offset);
            text.append(offset < 0 ? '-' : '+').append(String.format("%02d:%02d", abs / 3600, (abs % 3600) / 60));
        }
        return text.toString();
    }

    static String rfc3339Nano(Instant instant) {
        return rfc3339Nano(instant.atOffset(ZoneOffset.UTC));
    }

    /** Go's %q for a plain string: quoted, with backslash escapes. */
    static String goQuote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** The escapes of Go's encoding/json: lowercase \\u00xx, HTML characters and U+2028/U+2029 escaped. */
    private static final class GoEscapes extends CharacterEscapes {
        private final int[] ascii;

        GoEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
