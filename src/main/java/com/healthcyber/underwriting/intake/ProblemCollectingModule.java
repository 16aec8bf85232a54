package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
    /** What the body holds, for the problem of a body that is no object: {@code "the application"}. */
    static final String SUBJECT = ProblemCollectingModule.class.getName() + ".subject";

    static String notAnObject(String subject) {
        return "must be a JSON object holding " + subject;
    }

    ProblemCollectingModule() {
        super("problem-collecting");
        addDeserializer(String.class, new StrictStringDeserializer());
        setDeserializerModifier(new RecoverEveryValue());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new RecordUnknownFields());
    }

    static Problems problems(DeserializationContext context) {
        return (Problems) context.getAttribute(PROBLEMS);
    }

    private static final class RecoverEveryValue extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Recovering(deserializer, description.getType());
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new Recovering(deserializer, type);
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new Recovering(new BoundedList(deserializer, type, null, 0), type);
        }
    }

    /**
     * Reads a list up to its bound (the property's {@code @Size(max)}, else
     * {@link StrictJson#MAX_LIST_ENTRIES}) and skips the rest unread: a list far beyond its bound
     * is bad input, not work, and reading on would cost a problem per entry. Bean Validation
     * checks the same bound afterwards, too late to save that cost; it also lets the OpenAPI
     * document show it.
     */
    private static final class BoundedList extends StdDeserializer<Object> implements ContextualDeserializer {
        private final JsonDeserializer<?> whole;
        private final CollectionType type;
        private final JsonDeserializer<Object> entry;
        private final int max;

        BoundedList(JsonDeserializer<?> whole, CollectionType type, JsonDeserializer<Object> entry, int max) {
            super(type);
            this.whole = whole;
            this.type = type;
            this.entry = entry;
            this.max = max;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            Size size = property == null ? null : property.getAnnotation(Size.class);
            return new BoundedList(
                    context.handleSecondaryContextualization(whole, property, type),
                    type,
                    context.findContextualValueDeserializer(type.getContentType(), property),
                    size == null ? StrictJson.MAX_LIST_ENTRIES : Math.min(size.max(), StrictJson.MAX_LIST_ENTRIES));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (entry == null || parser.currentToken() != JsonToken.START_ARRAY) {
                return whole.deserialize(parser, context); // not an array: the stock reader refuses it as configured
            }
            List<Object> entries = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (entries.size() == max) {
                    problems(context)
                            .addAlways(new Violation(
                                    JsonFieldPath.ofEnclosingArray(parser), "must hold at most " + max + " entries"));
                    for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                        parser.skipChildren();
                    }
                    return null;
                }
                entries.add(
                        token == JsonToken.VALUE_NULL
                                ? entry.getNullValue(context)
                                : entry.deserialize(parser, context));
            }
            return entries;
        }
    }

    private static final class RecordUnknownFields extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            problems(context).add(parser, "is not a known field");
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
            problems(context)
                    .add(
                            parser,
                            JsonFieldPath.isBody(parser)
                                    ? notAnObject(String.valueOf(context.getAttribute(SUBJECT)))
                                    : message);
            if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            return null;
        }

        /** Says what was expected in the contract's terms, never in Java's. */
        private String expectation() {
            Class<?> raw = type.getRawClass();
            if (raw.isEnum()) {
                return "must be one of: "
                        + Arrays.stream(raw.getEnumConstants())
                                .map(String::valueOf)
                                .collect(Collectors.joining(", "));
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
