package com.healthcyber.underwriting.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Bean Validation constraints of parameters as they are sent (text), each with the message the
 * API has always given. An absent or empty parameter is valid: every one of them is optional.
 * Each is one constraint with one message, so a parameter is named once however it is wrong.
 * Fields only: on a record component they would otherwise also land on its accessor.
 */
final class ParameterConstraints {

    private ParameterConstraints() {}

    /** Text of at most {@code max} characters and no control characters. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Text.Check.class)
    @interface Text {
        int max();

        String message() default "must be at most {max} characters";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<Text, String> {
            private int max;

            @Override
            public void initialize(Text text) {
                max = text.max();
            }

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || value.isEmpty()) {
                    return true;
                }
                if (value.length() > max) {
                    return false;
                }
                // Nothing on record holds one, and PostgreSQL refuses a NUL outright (a 503 before).
                return RequestParameters.text(value, max).isPresent()
                        || rejected(context, "must not contain control characters");
            }
        }
    }

    /** One of an enum's constant names. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = OneOf.Check.class)
    @interface OneOf {
        Class<? extends Enum<?>> value();

        String message() default "must be one of the listed values";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<OneOf, String> {
            private Enum<?>[] constants;

            @Override
            public void initialize(OneOf oneOf) {
                constants = oneOf.value().getEnumConstants();
            }

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null
                        || value.isEmpty()
                        || Arrays.stream(constants)
                                .anyMatch(constant -> constant.name().equals(value))) {
                    return true;
                }
                return rejected(
                        context,
                        "must be one of "
                                + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
    }

    /** An instant the record can be searched for ({@link RequestParameters#instant}). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = IsoInstant.Check.class)
    @interface IsoInstant {
        String message() default "must be an ISO-8601 instant from year 0000 to 9999, such as 2026-11-23T00:00:00Z";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<IsoInstant, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null
                        || value.isEmpty()
                        || RequestParameters.instant(value).isPresent();
            }
        }
    }

    /** A whole number in a range, refused rather than rounded ({@code 1.5}) or overflowed. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WholeNumber.Check.class)
    @interface WholeNumber {
        int min();

        int max();

        String message() default "must be a whole number from {min} to {max}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<WholeNumber, String> {
            private int min;
            private int max;

            @Override
            public void initialize(WholeNumber range) {
                min = range.min();
                max = range.max();
            }

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null
                        || value.isEmpty()
                        || RequestParameters.wholeNumber(value, min, max).isPresent();
            }
        }
    }

    /** A decision search cursor this service handed out. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DecisionCursor.Check.class)
    @interface DecisionCursor {
        String message() default "is not a cursor this service gave";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<DecisionCursor, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null
                        || value.isEmpty()
                        || DecisionPage.position(value).isPresent();
            }
        }
    }

    private static boolean rejected(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        // Literal text: the message names enum constants, never anything the caller sent.
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
