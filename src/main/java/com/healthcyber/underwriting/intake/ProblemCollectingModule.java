package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lets Jackson read on past a bad value so that one response lists every problem of a request:
 * each value that cannot be read is recorded with its path and read as null, and an unknown
 * field is recorded and skipped. Only broken JSON, which cannot be read past, stops the read.
 */
final class ProblemCollectingModule extends SimpleModule {

    static final String PROBLEMS = ProblemCollectingModule.class.getName() + ".problems";
    static final String NOT_AN_OBJECT = "must be a JSON object holding the application";

    ProblemCollectingModule() {
        super("problem-collecting");
        setDeserializerModifier(new RecoverEveryValue());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new RecordUnknownFields());
    }

    @SuppressWarnings("unchecked")
    static List<Violation> problems(DeserializationContext context) {
        return (List<Violation>) context.getAttribute(PROBLEMS);
    }

    private static final class RecoverEveryValue extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Recovering(deserializer, description.getType());
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Recovering(deserializer, type);
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Recovering(deserializer, type);
        }
    }

    private static final class RecordUnknownFields extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            problems(context).add(new Violation(JsonFieldPath.of(parser), "is not a known field"));
            parser.skipChildren();
            return true;
        }
    }

    private static final class Recovering extends DelegatingDeserializer {
        private final JavaType type;

        Recovering(JsonDeserializer<?> delegate, JavaType type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Recovering(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return super.deserialize(parser, context);
            } catch (InputCoercionException e) {
                return recover(parser, context, expectation() + " within range");
            } catch (StreamReadException e) {
                throw e; // broken JSON: nothing after this point can be trusted
            } catch (DatabindException e) {
                // A bean wraps what its fields' parsing threw; broken JSON or an exceeded limit stays fatal.
                if (e.getCause() instanceof JsonProcessingException cause && !(cause instanceof DatabindException)) {
                    if (cause instanceof InputCoercionException) {
                        return recover(parser, context, expectation() + " within range");
                    }
                    throw cause;
                }
                return recover(parser, context, expectation());
            }
        }

        private Object recover(JsonParser parser, DeserializationContext context, String message) throws IOException {
            String field = JsonFieldPath.of(parser);
            problems(context).add(new Violation(field, field.equals(Violation.BODY) ? NOT_AN_OBJECT : message));
            if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            return null;
        }

        /** Says what was expected in the contract's terms, never in Java's. */
        private String expectation() {
            Class<?> raw = type.getRawClass();
            if (raw.isEnum()) {
                return "must be one of: " + Arrays.stream(raw.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return "must be true or false";
            }
            if (raw == Long.class || raw == Integer.class || raw == long.class || raw == int.class) {
                return "must be a whole number";
            }
            if (raw == LocalDate.class) {
                return "must be a date in yyyy-MM-dd format";
            }
            if (raw == String.class) {
                return "must be a string";
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return "must be an array";
            }
            return "must be an object";
        }
    }
}
