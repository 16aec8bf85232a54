package com.healthcyber.underwriting.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A body is JSON text in UTF-8 and nothing else (RFC 8259 section 8.1): no byte order mark, no
 * UTF-16 or UTF-32, no overlong forms, no encoded surrogates. The text decoded here is both what
 * is read and what the record keeps, so the record is the request byte for byte; letting the
 * JSON parser guess the encoding from the bytes while the record replaced what it could not
 * decode made the two disagree.
 */
final class StrictUtf8 {

    private StrictUtf8() {}

    static String decode(byte[] body) {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            throw refused("must not begin with a byte order mark: send UTF-8 without one");
        }
        // A NUL byte is U+0000 in UTF-8, which JSON allows only escaped; raw, it is almost always
        // UTF-16 or UTF-32 text, and saying so helps the sender more than "not valid JSON".
        for (int offset = 0; offset < body.length; offset++) {
            if (body[offset] == 0) {
                throw refused("is not UTF-8 JSON: a NUL byte at byte offset " + offset
                        + " (UTF-16 and UTF-32 are not accepted)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw refused("is not UTF-8: malformed byte sequence at byte offset " + in.position());
        }
        return out.flip().toString();
    }

    private static InvalidApplicationException refused(String message) {
        return new InvalidApplicationException(List.of(new Violation(Violation.BODY, message)));
    }
}
