package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayDeque;
import java.util.Deque;

/** The dotted path of the value a parser stands on, as violations name fields. */
final class JsonFieldPath {

    private JsonFieldPath() {}

    static String of(JsonParser parser) {
        return of(valueContext(parser));
    }

    /** The path of the array the parser is reading an entry of. */
    static String ofEnclosingArray(JsonParser parser) {
        JsonStreamContext array = valueContext(parser);
        return of(array.getParent() == null ? array : array.getParent());
    }

    /** Whether the parser stands on the body itself rather than on a value inside it. */
    static boolean isBody(JsonParser parser) {
        return valueContext(parser).inRoot();
    }

    private static JsonStreamContext valueContext(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        // On a START token the parser has already entered the new container: its parent holds the name.
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        return context;
    }

    private static String of(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            if (level.inObject() && level.getCurrentName() != null) {
                segments.push("." + level.getCurrentName());
            } else if (level.inArray()) {
                segments.push("[" + Math.max(level.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", segments);
        return path.isEmpty() ? Violation.BODY : path.startsWith(".") ? path.substring(1) : path;
    }
}
