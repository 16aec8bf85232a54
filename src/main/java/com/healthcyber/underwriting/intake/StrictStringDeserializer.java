package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Text that the record can keep as sent: JSON escapes can spell characters no database text
 * holds. PostgreSQL refuses U+0000 in text (the store failed and the caller was told to retry
 * forever), and an unpaired surrogate is not a character at all (the driver wrote it as "?").
 * Both are bad input, reported at the field like any other.
 */
final class StrictStringDeserializer extends StdScalarDeserializer<String> {

    static final String NUL = "must not contain the NUL character (\\u0000)";
    static final String LONE_SURROGATE = "must not contain an unpaired surrogate (\\ud800-\\udfff)";

    StrictStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return StringDeserializer.instance.deserialize(
                    parser, context); // refuses numbers and booleans as configured
        }
        String text = parser.getText();
        String problem = problemOf(text);
        if (problem == null) {
            return text;
        }
        ProblemCollectingModule.problems(context).add(parser, problem);
        return null;
    }

    static String problemOf(String text) {
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)
                    && at + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(at + 1))) {
                at++; // a proper pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }
}
