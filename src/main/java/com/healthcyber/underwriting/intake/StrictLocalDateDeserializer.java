package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates as the contract writes them, {@code yyyy-MM-dd} and nothing else: the stock reader also
 * takes arrays and epoch numbers, which no platform means to send.
 */
final class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below like any other unreadable date
        }
        return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a yyyy-MM-dd date");
    }
}
