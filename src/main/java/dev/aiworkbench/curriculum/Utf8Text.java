package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding of a pack file. A lenient decoder turns a stray Latin-1 byte into U+FFFD and the file
 * passes as valid while the learner sees a replacement character, so a malformed byte is a problem at its place.
 */
final class Utf8Text {
    static final String RULE = "utf-8";

    private Utf8Text() {
    }

    static String decode(String file, byte[] bytes) throws ProblemException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ProblemException(malformedAt(file, bytes, in.position()));
        }
        return out.flip().toString();
    }

    /** The problem at the line and column (in characters) of the byte at {@code offset}. */
    private static Problem malformedAt(String file, byte[] bytes, int offset) {
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        String hex = String.format(Locale.ROOT, "0x%02X", bytes[offset] & 0xFF);
        return Problem.error(new SourcePosition(file, line, column), "the byte " + hex + " here is not valid UTF-8: "
                + "save the file as UTF-8 in your editor (it was probably written in another encoding)").withRule(RULE);
    }
}
